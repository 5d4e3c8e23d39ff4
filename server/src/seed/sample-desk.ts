import { addDays, localDate, workingPeriods, type ActionKind, type Calendar, type QueueId } from '@motcua/core';
import type { SampleChoices, SampleProcedure } from './sample-applicants.ts';
import type { SamplePlan } from './sample-plan.ts';

/**
 * The work a clerk finds on the demo's desk: recent dossiers of the main communes left at each
 * stage of the inbox (new online, awaiting payment, supplements, in progress, forwarded, results
 * to hand over, due soon, overdue). Each is a script of actions timed in working hours before
 * "now", so that the same stages are reached whatever the day and hour the demo first starts:
 * a deadline counted in working time (3 working days for a household business, 7 for a
 * construction permit) is then exactly as far from now as the script says.
 */
export interface DeskScenario {
  /** The inbox queue the dossier is left in (others may list it too). */
  queue: QueueId;
  /** 0: the main commune; 1: the second one. */
  commune: 0 | 1;
  procedure: SampleProcedure;
  channel: SamplePlan['channel'];
  choices?: SampleChoices;
  /** Working hours before now of the submission. */
  submitted: number;
  /** The actions after it, each with its working hours before now (decreasing). */
  then: readonly (readonly [ActionKind, number])[];
}

const BIRTH = '1.001193';
const BUSINESS = '1.001612';
const PERMIT = '1.013225';

/** Best first: a small sample keeps the head of the list. */
export const DESK: readonly DeskScenario[] = [
  {
    queue: 'new-online',
    commune: 0,
    procedure: BIRTH,
    channel: 'online',
    choices: { charged: false },
    submitted: 0.5,
    then: [],
  },
  { queue: 'awaiting-payment', commune: 0, procedure: BUSINESS, channel: 'online', submitted: 2, then: [] },
  {
    queue: 'supplement-requested',
    commune: 0,
    procedure: BUSINESS,
    channel: 'direct',
    submitted: 8,
    then: [
      ['claim', 7],
      ['request_supplement', 5],
    ],
  },
  {
    queue: 'supplement-received',
    commune: 0,
    procedure: PERMIT,
    channel: 'direct',
    choices: { floors: 3 },
    submitted: 30,
    then: [
      ['request_supplement', 28],
      ['supplement_provided', 2],
    ],
  },
  { queue: 'mine', commune: 0, procedure: BUSINESS, channel: 'direct', submitted: 10, then: [['claim', 9]] },
  {
    queue: 'forwarded-out',
    commune: 0,
    procedure: PERMIT,
    channel: 'direct',
    choices: { floors: 7 },
    submitted: 40,
    then: [
      ['send_external', 39],
      ['receive_external', 38],
      ['claim', 36],
      ['forward', 14],
    ],
  },
  {
    // Back from the Department of Construction, at the leader's signature, due within the day.
    queue: 'due-soon',
    commune: 0,
    procedure: PERMIT,
    channel: 'online',
    choices: { floors: 7 },
    submitted: 52,
    then: [
      ['accept', 50],
      ['send_external', 49],
      ['receive_external', 48],
      ['claim', 47],
      ['forward', 30],
      ['claim', 28],
      ['forward', 16],
    ],
  },
  {
    // Results wait for the applicant before their appointment, not after it.
    queue: 'result-online',
    commune: 0,
    procedure: PERMIT,
    channel: 'online',
    choices: { floors: 3 },
    submitted: 30,
    then: [
      ['accept', 29],
      ['send_external', 28],
      ['receive_external', 27],
      ['claim', 26],
      ['forward', 8],
      ['approve', 2],
    ],
  },
  {
    queue: 'result-counter',
    commune: 0,
    procedure: BUSINESS,
    channel: 'direct',
    submitted: 20,
    then: [
      ['claim', 18],
      ['forward', 6],
      ['approve', 3],
    ],
  },
  {
    queue: 'result-postal',
    commune: 0,
    procedure: PERMIT,
    channel: 'postal',
    choices: { floors: 3 },
    submitted: 50,
    then: [
      ['send_external', 49],
      ['receive_external', 48],
      ['claim', 46],
      ['forward', 26],
      ['approve', 3],
    ],
  },
  {
    queue: 'overdue',
    commune: 0,
    procedure: BUSINESS,
    channel: 'direct',
    submitted: 34,
    then: [
      ['claim', 33],
      ['forward', 20],
    ],
  },
  {
    queue: 'due-soon',
    commune: 0,
    procedure: BUSINESS,
    channel: 'online',
    submitted: 22,
    then: [
      ['payment_recorded', 21.8],
      ['accept', 21.5],
      ['claim', 20],
    ],
  },
  {
    queue: 'refused',
    commune: 0,
    procedure: BIRTH,
    channel: 'online',
    choices: { charged: false },
    submitted: 3,
    then: [['refuse', 2.5]],
  },
  {
    queue: 'unit',
    commune: 0,
    procedure: PERMIT,
    channel: 'online',
    choices: { floors: 3 },
    submitted: 4,
    then: [['accept', 3]],
  },
  {
    queue: 'overdue',
    commune: 0,
    procedure: BIRTH,
    channel: 'online',
    choices: { charged: false },
    submitted: 18,
    then: [
      ['accept', 17],
      ['claim', 16],
    ],
  },
  {
    queue: 'overdue',
    commune: 0,
    procedure: PERMIT,
    channel: 'direct',
    choices: { floors: 4 },
    submitted: 70,
    then: [
      ['send_external', 68],
      ['receive_external', 67],
      ['claim', 66],
    ],
  },
  {
    queue: 'new-online',
    commune: 1,
    procedure: PERMIT,
    channel: 'online',
    choices: { floors: 3 },
    submitted: 1.5,
    then: [],
  },
  {
    queue: 'result-counter',
    commune: 1,
    procedure: BUSINESS,
    channel: 'direct',
    submitted: 12,
    then: [
      ['claim', 11],
      ['forward', 5],
      ['approve', 2],
    ],
  },
  {
    queue: 'supplement-requested',
    commune: 1,
    procedure: BUSINESS,
    channel: 'direct',
    submitted: 12,
    then: [['request_supplement', 11]],
  },
  {
    queue: 'overdue',
    commune: 1,
    procedure: BUSINESS,
    channel: 'direct',
    submitted: 40,
    then: [['claim', 38]],
  },
];

/** The instant `ms` of working time before `now` in `cal` (now itself when `ms` is 0). */
export function workingBefore(cal: Calendar, now: number, ms: number): number {
  let left = ms;
  let day = localDate(now, cal.timeZone);
  for (let i = 0; i < 400; i++) {
    for (const p of workingPeriods(cal, day).reverse()) {
      const end = Math.min(p.to, now);
      if (end <= p.from) continue;
      if (left <= end - p.from) return end - left;
      left -= end - p.from;
    }
    day = addDays(day, -1);
  }
  throw new RangeError(`no working time ${ms} ms before ${now}`);
}

const HOUR = 3_600_000;

/**
 * The desk scenarios as plans at `communes[scenario.commune]`, each action at its working instant
 * before `now` moved back by up to ten minutes so that times look typed by people, not by a clock.
 */
export function deskPlans(
  scenarios: readonly DeskScenario[],
  communes: readonly string[],
  calendarOf: (agency: string) => Calendar,
  now: number,
  r: () => number,
): SamplePlan[] {
  const jitter = () => Math.floor(r() * 10) * 60_000;
  return scenarios.flatMap((s, n) => {
    const commune = communes[s.commune] ?? communes[0];
    if (!commune) return [];
    const cal = calendarOf(commune);
    const at = (hours: number) => workingBefore(cal, now, hours * HOUR + (hours > 0.25 ? jitter() : 0));
    return [
      {
        n: -1 - n,
        procedure: s.procedure,
        commune,
        channel: s.channel,
        submitAt: at(s.submitted),
        fate: 'normal' as const,
        pace: 0,
        ...(s.choices ? { choices: s.choices } : {}),
        script: s.then.map(([kind, hours]) => ({ kind, at: at(hours) })),
      },
    ];
  });
}
