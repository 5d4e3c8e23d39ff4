import type { Procedure, WorkflowStep } from '../model/procedure.ts';

/** A draft being edited may lack parts the schema requires: everything here reads it defensively. */
export type DraftWorkflow = { start?: string; steps?: readonly Partial<WorkflowStep>[] };

export interface RouteNode {
  id: string;
  /** Index in `workflow.steps`. */
  index: number;
  /** Distance in branches from the start step; null when unreachable. */
  level: number | null;
}

export interface RouteEdge {
  from: number;
  to: number;
  /** Index of the branch in the step's `next`. */
  branch: number;
  conditional: boolean;
}

export interface RouteGraph {
  start: number | null;
  nodes: RouteNode[];
  edges: RouteEdge[];
  /** Branches to a step id that does not exist: [step index, branch index]. */
  broken: [number, number][];
}

/**
 * The workflow as a graph: steps with their distance from the start, and branches as edges. The
 * step list and the diagram the designer shows are both drawn from this, so they cannot disagree.
 */
export function routeGraph(procedure: Pick<Procedure, 'workflow'> | { workflow?: DraftWorkflow }): RouteGraph {
  const steps = procedure.workflow?.steps ?? [];
  const index = new Map<string, number>();
  steps.forEach((s, i) => {
    if (typeof s.id === 'string' && !index.has(s.id)) index.set(s.id, i);
  });
  const edges: RouteEdge[] = [];
  const broken: [number, number][] = [];
  steps.forEach((s, i) =>
    (s.next ?? []).forEach((t, j) => {
      const to = index.get(t.step);
      if (to === undefined) broken.push([i, j]);
      else edges.push({ from: i, to, branch: j, conditional: t.when !== undefined && t.when !== true });
    }),
  );
  const start = procedure.workflow?.start === undefined ? null : (index.get(procedure.workflow.start) ?? null);
  const level: (number | null)[] = steps.map(() => null);
  if (start !== null) {
    level[start] = 0;
    const queue = [start];
    while (queue.length) {
      const i = queue.shift()!;
      for (const e of edges) {
        if (e.from === i && level[e.to] === null) {
          level[e.to] = level[i]! + 1;
          queue.push(e.to);
        }
      }
    }
  }
  return {
    start,
    nodes: steps.map((s, i) => ({ id: String(s.id ?? ''), index: i, level: level[i]! })),
    edges,
    broken,
  };
}
