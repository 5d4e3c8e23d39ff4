import type { Deadline, Procedure, WorkingDuration } from '../model/procedure.ts';
import type { Issue } from '../model/issue.ts';
import { routeGraph, type DraftWorkflow } from './route-graph.ts';

/** The roles a workflow step may name (the procedure schema's own list). */
export const STEP_ROLES = ['reception', 'specialist', 'leader'] as const;

export interface RouteLintOptions {
  /** Minutes in a working day of the agency's calendar (`workingDayMinutes`); 8 hours by default. */
  dayMinutes?: number;
}

/**
 * What a designer should fix in a route, found without any dossier: a step no branch leads to, a
 * step without a role (nobody would see it in an inbox), and step budgets that add up, along some
 * path from the start, to more than the legal deadline. Budgets are compared in working minutes
 * (a same-day deadline counts as one working day); calendar days compare only with calendar days.
 * Reads drafts defensively: it runs on every edit, valid or not.
 */
export function routeLints(
  procedure: Pick<Procedure, 'workflow' | 'deadline'> | { workflow?: DraftWorkflow; deadline?: Deadline },
  options: RouteLintOptions = {},
): Issue[] {
  const issues: Issue[] = [];
  const steps = procedure.workflow?.steps ?? [];
  const graph = routeGraph(procedure);
  graph.nodes.forEach((node) => {
    const step = steps[node.index]!;
    const name = step.title?.vi || node.id;
    if (graph.start !== null && node.level === null) {
      issues.push({
        pointer: `/workflow/steps/${node.index}`,
        code: 'unreachable-step',
        message: {
          vi: `Bước "${name}" không tới được từ bước bắt đầu`,
          en: `Step "${step.title?.en || name}" cannot be reached from the start step`,
        },
      });
    }
    if (!(STEP_ROLES as readonly unknown[]).includes(step.role)) {
      issues.push({
        pointer: `/workflow/steps/${node.index}/role`,
        code: 'step-without-role',
        message: {
          vi: `Bước "${name}" chưa có vai trò thực hiện`,
          en: `Step "${step.title?.en || name}" has no acting role`,
        },
      });
    }
  });
  const deadline = procedure.deadline;
  if (deadline && graph.start !== null) {
    const dayMinutes = options.dayMinutes ?? 480;
    const limit = measure(deadline.unit === 'same-day' ? { unit: 'working-days', value: 1 } : deadline, dayMinutes);
    const over = longestPath(graph.start, steps.length, graph.edges, (i) =>
      measure(steps[i]!.budget, dayMinutes, limit?.kind),
    );
    if (limit && over && over.total > limit.amount) {
      const path = over.path.map((i) => steps[i]!.id).join(' → ');
      issues.push({
        pointer: '/deadline',
        code: 'budgets-exceed-deadline',
        message: {
          vi: `Tổng thời gian các bước trên đường ${path} (${show(over.total, limit.kind, dayMinutes, 'vi')}) vượt thời hạn giải quyết (${show(limit.amount, limit.kind, dayMinutes, 'vi')})`,
          en: `The step budgets along ${path} (${show(over.total, limit.kind, dayMinutes, 'en')}) exceed the deadline (${show(limit.amount, limit.kind, dayMinutes, 'en')})`,
        },
      });
    }
  }
  return issues;
}

type Measure = { kind: 'working' | 'calendar'; amount: number };

function measure(d: WorkingDuration | undefined, dayMinutes: number, kind?: Measure['kind']): Measure | null {
  if (!d || typeof d.value !== 'number' || !Number.isFinite(d.value)) return null;
  const m: Measure =
    d.unit === 'calendar-days'
      ? { kind: 'calendar', amount: d.value }
      : { kind: 'working', amount: Math.round(d.value * (d.unit === 'working-hours' ? 60 : dayMinutes)) };
  return kind === undefined || kind === m.kind ? m : null;
}

/** The path from `start` with the largest sum of comparable budgets; a branch back to a step on the path is not followed. */
function longestPath(
  start: number,
  count: number,
  edges: readonly { from: number; to: number }[],
  cost: (i: number) => Measure | null,
): { total: number; path: number[] } | null {
  const out: number[][] = Array.from({ length: count }, () => []);
  for (const e of edges) out[e.from]!.push(e.to);
  let best: { total: number; path: number[] } | null = null;
  let visits = 0;
  const walk = (i: number, total: number, path: number[]) => {
    if (++visits > 100_000) return; // a pathological graph: stop rather than hang an editor
    const t = total + (cost(i)?.amount ?? 0);
    const p = [...path, i];
    if (!best || t > best.total) best = { total: t, path: p };
    for (const n of out[i]!) if (!p.includes(n)) walk(n, t, p);
  };
  walk(start, 0, []);
  return best;
}

function show(amount: number, kind: Measure['kind'], dayMinutes: number, lang: 'vi' | 'en'): string {
  if (kind === 'calendar') return lang === 'vi' ? `${amount} ngày` : `${amount} days`;
  const days = Math.round((amount / dayMinutes) * 100) / 100;
  return lang === 'vi' ? `${days} ngày làm việc` : `${days} working days`;
}
