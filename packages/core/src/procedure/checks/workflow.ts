import type { Procedure } from '../../model/procedure.ts';
import type { Issue } from '../../model/issue.ts';
import { issue } from './issue.ts';

/**
 * The workflow graph: `start` and every branch target exist; every step is reachable from
 * `start`; no step is a dead end (neither outcomes nor branches; an external step in particular
 * must say where the dossier goes when the system answers); a step without outcomes whose every
 * branch is conditional can dead-end unless one branch is a default; branches after a default
 * are never taken; and from every reachable step some path leads to a step with an outcome (so
 * no cycle can trap a dossier). Branch conditions are not evaluated: any branch may be taken.
 */
export function checkWorkflow(p: Procedure): Issue[] {
  const issues: Issue[] = [];
  const steps = p.workflow.steps;
  const index = new Map<string, number>();
  steps.forEach((s, i) => {
    if (!index.has(s.id)) index.set(s.id, i);
  });

  const edges: number[][] = steps.map(() => []);
  const brokenBranch = new Set<number>();
  steps.forEach((s, i) => {
    s.next?.forEach((t, j) => {
      const target = index.get(t.step);
      if (target === undefined) {
        brokenBranch.add(i);
        issues.push(
          issue(
            `/workflow/steps/${i}/next/${j}/step`,
            'unknown-step',
            `Bước tiếp theo "${t.step}" không tồn tại`,
            `Next step "${t.step}" does not exist`,
          ),
        );
      } else {
        edges[i]!.push(target);
      }
    });
  });

  const hasOutcome = (i: number) => (steps[i]!.outcomes?.length ?? 0) > 0;
  const hasNext = (i: number) => (steps[i]!.next?.length ?? 0) > 0;

  steps.forEach((s, i) => {
    if (!hasOutcome(i) && !hasNext(i)) {
      issues.push(
        s.external
          ? issue(
              `/workflow/steps/${i}`,
              'dead-end',
              `Bước "${s.id}" do hệ thống "${s.external.system}" thực hiện phải có bước tiếp theo (next) hoặc kết quả (outcomes) để xử lý khi hệ thống trả về`,
              `Step "${s.id}", performed by the external system "${s.external.system}", needs a next step or outcomes for when the system answers`,
            )
          : issue(
              `/workflow/steps/${i}`,
              'dead-end',
              `Bước "${s.id}" không có bước tiếp theo cũng không có kết quả`,
              `Step "${s.id}" has neither a next step nor an outcome`,
            ),
      );
      return;
    }
    const next = s.next ?? [];
    const firstDefault = next.findIndex((t) => t.when === undefined || t.when === true);
    if (!hasOutcome(i) && next.length > 0 && firstDefault < 0) {
      issues.push(
        issue(
          `/workflow/steps/${i}/next`,
          'no-default-branch',
          `Bước "${s.id}" có thể bế tắc: mọi nhánh đều có điều kiện, không có nhánh mặc định (không điều kiện) và bước không có kết quả`,
          `Step "${s.id}" can dead-end: every branch is conditional, there is no default branch (without a condition) and the step has no outcome`,
        ),
      );
    }
    if (firstDefault >= 0) {
      for (let j = firstDefault + 1; j < next.length; j++) {
        issues.push(
          issue(
            `/workflow/steps/${i}/next/${j}`,
            'unreachable-branch',
            `Nhánh này của bước "${s.id}" không bao giờ được chọn vì nhánh ${firstDefault} phía trước không có điều kiện`,
            `This branch of step "${s.id}" is never taken: branch ${firstDefault} before it has no condition`,
          ),
        );
      }
    }
  });

  const start = index.get(p.workflow.start);
  if (start === undefined) {
    issues.push(
      issue(
        '/workflow/start',
        'unknown-step',
        `Bước bắt đầu "${p.workflow.start}" không tồn tại`,
        `The start step "${p.workflow.start}" does not exist`,
      ),
    );
    return issues;
  }

  const reachable = closure([start], (i) => edges[i]!);
  const reverse: number[][] = steps.map(() => []);
  edges.forEach((targets, from) => targets.forEach((to) => reverse[to]!.push(from)));
  // A step with a branch to a missing step is given the benefit of the doubt (that branch is
  // reported already), so one typo does not also flag every step upstream.
  const ending = closure(
    steps.map((_, i) => i).filter((i) => hasOutcome(i) || brokenBranch.has(i)),
    (i) => reverse[i]!,
  );

  steps.forEach((s, i) => {
    if (index.get(s.id) !== i) return; // a duplicate id, reported elsewhere
    if (!reachable.has(i)) {
      issues.push(
        issue(
          `/workflow/steps/${i}`,
          'unreachable-step',
          `Bước "${s.id}" không tới được từ bước bắt đầu`,
          `Step "${s.id}" cannot be reached from the start step`,
        ),
      );
      return;
    }
    if (!ending.has(i) && hasNext(i)) {
      const cyclic = closure(edges[i]!, (k) => edges[k]!).has(i);
      issues.push(
        cyclic
          ? issue(
              `/workflow/steps/${i}`,
              'no-outcome',
              `Từ bước "${s.id}" không có đường nào tới một bước có kết quả: hồ sơ sẽ quay vòng mãi`,
              `No path from step "${s.id}" reaches a step with an outcome: dossiers would cycle forever`,
            )
          : issue(
              `/workflow/steps/${i}`,
              'no-outcome',
              `Từ bước "${s.id}" không có đường nào tới một bước có kết quả`,
              `No path from step "${s.id}" reaches a step with an outcome`,
            ),
      );
    }
  });
  return issues;
}

function closure(from: readonly number[], next: (i: number) => readonly number[]): Set<number> {
  const seen = new Set<number>(from);
  const stack = [...from];
  while (stack.length) {
    for (const n of next(stack.pop()!)) {
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return seen;
}
