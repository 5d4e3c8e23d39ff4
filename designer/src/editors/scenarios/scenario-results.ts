import { runScenario, type Procedure, type ScenarioResult, type TestScenario } from '@motcua/core';
import type { EditorEnvironment } from '../environment.ts';

/**
 * Core's run of one saved scenario on a draft, which may be too incomplete to run: then the
 * scenario fails with the reason as its issue instead of breaking the screen.
 */
export function scenarioResult(
  procedure: Procedure,
  s: TestScenario,
  env: EditorEnvironment,
  i: number,
): ScenarioResult {
  try {
    return runScenario(procedure, s, env, i);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      id: s.id,
      passed: false,
      mismatches: [],
      outcome: {
        documents: [],
        fees: null,
        receiving: null,
        route: [],
        dueAt: null,
        paymentBeforeAcceptance: false,
        issues: [{ pointer: `/scenarios/${i}`, code: 'error', message: { vi: message, en: message } }],
      },
    };
  }
}

/** Every saved scenario of the draft, run by core (the task list's tick and the scenarios screen). */
export function scenarioResults(procedure: Procedure, env: EditorEnvironment): ScenarioResult[] {
  return (procedure.scenarios ?? []).map((s, i) => scenarioResult(procedure, s, env, i));
}
