import type { Procedure, ScenarioExpectation, TestScenario } from '../model/procedure.ts';
import type { Message } from '../i18n/text.ts';
import { canonicalJson } from '../conditions/canonical-json.ts';
import { whatHappens, type ScenarioEnvironment, type ScenarioOutcome } from './what-happens.ts';

export interface ScenarioMismatch {
  what: keyof ScenarioExpectation;
  /** Where the expectation is, under the scenario (e.g. "/scenarios/0/expect/feeTotal"). */
  pointer: string;
  expected: unknown;
  actual: unknown;
  message: Message;
}

export interface ScenarioResult {
  id: string;
  passed: boolean;
  outcome: ScenarioOutcome;
  mismatches: ScenarioMismatch[];
}

const WHAT: Record<keyof ScenarioExpectation, Message> = {
  documents: { vi: 'Giấy tờ phải nộp', en: 'Required documents' },
  feeTotal: { vi: 'Tổng phí', en: 'Fee total' },
  receiving: { vi: 'Cơ quan tiếp nhận', en: 'Receiving agency' },
  route: { vi: 'Đường đi của hồ sơ', en: 'Route' },
  dueAt: { vi: 'Hạn trả kết quả', en: 'Due date' },
};

/** The expectation that `outcome` meets exactly: what "save what happens as expected" stores. */
export function expectationOf(outcome: ScenarioOutcome): ScenarioExpectation {
  const e: ScenarioExpectation = { documents: outcome.documents };
  if (outcome.fees) e.feeTotal = outcome.fees.total;
  if (outcome.receiving) e.receiving = outcome.receiving;
  if (outcome.route.every((r) => r.agency !== null)) {
    e.route = outcome.route.map((r) => ({ step: r.step, agency: r.agency! }));
  }
  if (outcome.dueAt) e.dueAt = outcome.dueAt;
  return e;
}

/**
 * Runs one saved scenario: computes what happens (`whatHappens`) and compares each expectation
 * the scenario states; one it leaves out is not checked. Due instants compare as instants, so
 * "2026-03-02T10:00:00+07:00" equals "2026-03-02T03:00:00.000Z".
 */
export function runScenario(
  procedure: Procedure,
  scenario: TestScenario,
  env: ScenarioEnvironment,
  index = (procedure.scenarios ?? []).indexOf(scenario),
): ScenarioResult {
  const outcome = whatHappens(procedure, scenario, env);
  const actual = expectationOf(outcome);
  const mismatches: ScenarioMismatch[] = [];
  const base = index >= 0 ? `/scenarios/${index}/expect` : '/expect';
  for (const key of Object.keys(WHAT) as (keyof ScenarioExpectation)[]) {
    const expected = scenario.expect[key];
    if (expected === undefined) continue;
    const got = actual[key] ?? null;
    const equal =
      key === 'dueAt'
        ? typeof got === 'string' && Date.parse(got) === Date.parse(expected as string)
        : canonicalJson(expected) === canonicalJson(got);
    if (equal) continue;
    mismatches.push({
      what: key,
      pointer: `${base}/${key}`,
      expected,
      actual: got,
      message: {
        vi: `${WHAT[key].vi}: mong đợi ${show(expected)}, tính ra ${show(got)}`,
        en: `${WHAT[key].en}: expected ${show(expected)}, computed ${show(got)}`,
      },
    });
  }
  return { id: scenario.id, passed: mismatches.length === 0, outcome, mismatches };
}

/** Every saved scenario of the definition, in order. */
export function runScenarios(procedure: Procedure, env: ScenarioEnvironment): ScenarioResult[] {
  return (procedure.scenarios ?? []).map((s, i) => runScenario(procedure, s, env, i));
}

function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v))
    return v.map((x) => (typeof x === 'object' ? `${x.step}@${x.agency}` : String(x))).join(', ') || '∅';
  return String(v);
}
