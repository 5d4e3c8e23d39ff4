import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { routeLints } from './route-lints.ts';
import { routeGraph } from './route-graph.ts';
import { exampleProcedures, minimalProcedure } from '../testing/procedures.ts';
import type { Procedure, WorkflowStep } from '../model/procedure.ts';

const step = (id: string, extra: Partial<WorkflowStep> = {}): WorkflowStep => ({
  id,
  title: { vi: id },
  agency: { relative: 'receiving' },
  role: 'specialist',
  ...extra,
});

function withSteps(steps: WorkflowStep[], deadline: Procedure['deadline'] = { unit: 'working-days', value: 3 }) {
  const p = minimalProcedure();
  p.workflow = { start: steps[0]!.id, steps };
  p.deadline = deadline;
  return p;
}

test('the example procedures have no route lint', () => {
  for (const p of exampleProcedures().values()) assert.deepEqual(routeLints(p), [], p.code);
});

test('an unreachable step and a step without a role are reported with their pointers', () => {
  const p = withSteps([step('a', { outcomes: ['approved'] }), step('b', { outcomes: ['approved'] })]);
  delete (p.workflow.steps[0] as Partial<WorkflowStep>).role;
  const lints = routeLints(p);
  assert.deepEqual(
    lints.map((i) => [i.code, i.pointer]),
    [
      ['step-without-role', '/workflow/steps/0/role'],
      ['unreachable-step', '/workflow/steps/1'],
    ],
  );
  assert.match(lints[1]!.message.vi, /không tới được/);
});

test('budgets along the longest path are compared with the deadline across units', () => {
  const route = (a: WorkflowStep['budget'], b: WorkflowStep['budget']) => [
    step('a', { budget: a, next: [{ step: 'b' }] }),
    step('b', { budget: b, outcomes: ['approved'] }),
  ];
  const within = withSteps(route({ unit: 'working-days', value: 2 }, { unit: 'working-hours', value: 8 }));
  assert.deepEqual(routeLints(within), []);
  const over = withSteps(route({ unit: 'working-days', value: 2 }, { unit: 'working-hours', value: 9 }));
  const lint = routeLints(over).find((i) => i.code === 'budgets-exceed-deadline');
  assert.ok(lint);
  assert.equal(lint.pointer, '/deadline');
  assert.match(lint.message.en, /a → b/);
  // A same-day deadline is one working day; a 10-hour day calendar lets 9 hours fit.
  const sameDay = withSteps(route({ unit: 'working-hours', value: 4 }, { unit: 'working-hours', value: 5 }), {
    unit: 'same-day',
    cutoff: '15:00',
  });
  assert.equal(routeLints(sameDay).length, 1);
  assert.equal(routeLints(sameDay, { dayMinutes: 600 }).length, 0);
});

test('a draft without steps or deadline gives no exception', () => {
  assert.deepEqual(routeLints({ workflow: { steps: [] } } as never), []);
  assert.deepEqual(routeLints({} as never), []);
});

test('property: a step is reported unreachable exactly when the graph gives it no level', () => {
  const ids = ['a', 'b', 'c', 'd', 'e'];
  const steps = fc
    .array(fc.array(fc.constantFrom(...ids), { maxLength: 3 }), { minLength: 5, maxLength: 5 })
    .map((targets) =>
      targets.map((t, i) => step(ids[i]!, { outcomes: ['approved'], next: t.map((s) => ({ step: s })) })),
    );
  fc.assert(
    fc.property(steps, (list) => {
      const p = withSteps(list);
      const unreachable = routeLints(p)
        .filter((i) => i.code === 'unreachable-step')
        .map((i) => i.pointer);
      const expected = routeGraph(p)
        .nodes.filter((n) => n.level === null)
        .map((n) => `/workflow/steps/${n.index}`);
      assert.deepEqual(unreachable, expected);
      assert.ok(!unreachable.includes('/workflow/steps/0'));
    }),
  );
});
