/**
 * Shared fixtures for the workflow and report tests: the 2026 civil-service calendar, the demo
 * province (2025 two-level tree), and a construction-permit procedure with a liên thông step to
 * the province Department of Construction, a tax step done by an external system, and outcomes.
 */
import assert from 'node:assert/strict';
import { createAjvEvaluator } from '../../conditions/ajv-evaluator.ts';
import { createAgencyDirectory, type Agency } from '../../agencies/index.ts';
import type { Procedure } from '../../model/procedure.ts';
import type { Calendar } from '../../working-time/index.ts';
import { zonedInstant } from '../../working-time/index.ts';
import { decide } from '../decide.ts';
import type { Action, Actor, DossierEvent, DossierState, WorkflowContext } from '../types.ts';

export const TZ = 'Asia/Ho_Chi_Minh';

export const CAL_2026: Calendar = {
  timeZone: TZ,
  workingHours: [
    ['07:00', '11:30'],
    ['13:30', '17:00'],
  ],
  weekend: [0, 6],
  holidays: [
    '2026-01-01',
    '2026-01-02',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-04-27',
    '2026-04-30',
    '2026-05-01',
    '2026-08-31',
    '2026-09-01',
    '2026-09-02',
  ],
  extraWorkingDays: ['2026-01-10', '2026-08-22'],
};

export const PROVINCE = '000.00.00.H56';
export const CENTRE = '000.00.01.H56';
export const JUSTICE = '000.00.10.H56';
export const CONSTRUCTION = '000.00.11.H56';
export const FINANCE = '000.00.12.H56';
export const WARD_1 = '000.20.01.H56';
export const WARD_2 = '000.20.02.H56';
export const COMMUNE_3 = '000.20.03.H56';

const a = (code: string, kind: string, parent: string | null, vi: string): Agency => ({
  code,
  kind,
  parent,
  name: { vi },
  timeZone: TZ,
});

export const AGENCIES_2025: Agency[] = [
  a(PROVINCE, 'province', null, 'Ủy ban nhân dân tỉnh'),
  a(CENTRE, 'public-service-centre', PROVINCE, 'Trung tâm Phục vụ hành chính công tỉnh'),
  a(JUSTICE, 'province-department', PROVINCE, 'Sở Tư pháp'),
  a(CONSTRUCTION, 'province-department', PROVINCE, 'Sở Xây dựng'),
  a(FINANCE, 'province-department', PROVINCE, 'Sở Tài chính'),
  a(WARD_1, 'commune', PROVINCE, 'Phường Trung Tâm'),
  a(WARD_2, 'commune', PROVINCE, 'Phường Bắc Thành'),
  a(COMMUNE_3, 'commune', PROVINCE, 'Xã Đông Sơn'),
];

export const directory = createAgencyDirectory(AGENCIES_2025);
export const evaluator = createAjvEvaluator();

const text = (vi: string) => ({ vi, en: vi });

/** Construction permit for a private house (illustrative): commune of choice, 15 working days. */
export const PERMIT: Procedure = {
  code: '1.009999', // illustrative, not a real national code
  title: { vi: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', en: 'Construction permit for a private house' },
  field: { code: 'xay-dung', title: text('Xây dựng') },
  owner: CONSTRUCTION,
  serviceLevel: 'full',
  legalBasis: [],
  effectiveFrom: '2025-07-01',
  receiving: { mode: 'choice', kind: 'commune' },
  form: {
    schema: {
      type: 'object',
      required: ['fullName'],
      properties: { fullName: { type: 'string', minLength: 1 }, area: { type: 'number', minimum: 0 } },
    },
    uischema: {
      type: 'VerticalLayout',
      elements: [
        { type: 'Control', scope: '#/properties/fullName' },
        { type: 'Control', scope: '#/properties/area' },
      ],
    },
  },
  applicant: { person: { fullName: '/fullName' } },
  documents: [
    {
      id: 'don',
      title: text('Đơn đề nghị'),
      mediaTypes: ['application/pdf'],
      maxSizeBytes: 10_000_000,
      minFiles: 1,
      maxFiles: 1,
      originals: 1,
      copies: 0,
    },
    {
      id: 'ban-ve',
      title: text('Bản vẽ'),
      mediaTypes: ['application/pdf'],
      maxSizeBytes: 10_000_000,
      minFiles: 1,
      maxFiles: 5,
      originals: 2,
      copies: 0,
    },
  ],
  fees: {
    collect: 'before',
    items: [{ id: 'le-phi', title: text('Lệ phí cấp phép'), kind: 'charge', amount: 75_000 }],
  },
  deadline: { unit: 'working-days', value: 15 },
  workflow: {
    start: 'tham-dinh',
    steps: [
      {
        id: 'tham-dinh',
        title: text('Thẩm định hồ sơ'),
        agency: { relative: 'receiving' },
        role: 'specialist',
        budget: { unit: 'working-days', value: 3 },
        next: [
          { when: { required: ['area'], properties: { area: { minimum: 250 } } }, step: 'so-xay-dung' },
          { step: 'lanh-dao-xa' },
        ],
      },
      {
        id: 'so-xay-dung',
        title: text('Sở Xây dựng thẩm định'),
        agency: { kind: 'province-department', code: CONSTRUCTION },
        role: 'specialist',
        budget: { unit: 'working-days', value: 5 },
        next: [{ step: 'thue' }],
      },
      {
        id: 'thue',
        title: text('Xác định nghĩa vụ thuế'),
        agency: { kind: 'province-department', code: FINANCE },
        role: 'specialist',
        external: { system: 'tax' },
        next: [{ step: 'lanh-dao-so' }],
        outcomes: ['denied'],
      },
      {
        id: 'lanh-dao-so',
        title: text('Lãnh đạo Sở ký'),
        agency: { kind: 'province-department', code: CONSTRUCTION },
        role: 'leader',
        outcomes: ['approved', 'denied'],
      },
      {
        id: 'lanh-dao-xa',
        title: text('Lãnh đạo xã ký'),
        agency: { relative: 'receiving' },
        role: 'leader',
        budget: { unit: 'working-days', value: 2 },
        outcomes: ['approved', 'denied'],
      },
    ],
  },
};

export function ctxFor(data: unknown, procedure: Procedure = PERMIT): WorkflowContext {
  return { procedure, data, evaluator, directory, calendarOf: () => CAL_2026 };
}

/** An instant: local date and time in Hà Nội. */
export const at = (date: string, time: string) => zonedInstant(date, time, TZ);

export const applicant: Actor = { kind: 'applicant', name: 'Nguyễn Thị Ngọc Ánh' };
export const system: Actor = { kind: 'system', id: 'motcua' };
export const taxSystem: Actor = { kind: 'external', id: 'tax' };
export const staff = (id: string, agency: string, ...roles: NonNullable<Actor['roles']>): Actor => ({
  kind: 'staff',
  id,
  name: id,
  agency,
  roles,
});

export const reception1 = staff('tn1', WARD_1, 'reception');
export const specialist1 = staff('cv1', WARD_1, 'specialist');
export const specialist1b = staff('cv1b', WARD_1, 'specialist');
export const leader1 = staff('ld1', WARD_1, 'leader');
export const reception2 = staff('tn2', WARD_2, 'reception');
export const constructionSpecialist = staff('cvxd', CONSTRUCTION, 'specialist');
export const constructionLeader = staff('ldxd', CONSTRUCTION, 'leader');
export const financeSpecialist = staff('cvtc', FINANCE, 'specialist');

/** Applies actions in order, failing the test on the first refusal; returns the state and all events. */
export function run(
  ctx: WorkflowContext,
  actions: Action[],
  start: { state: DossierState | null; events: DossierEvent[] } = { state: null, events: [] },
) {
  let state = start.state;
  const events = [...start.events];
  for (const action of actions) {
    const d = decide(ctx, state, action);
    if (!d.ok) assert.fail(`${action.kind} refused: ${d.refusal.code} ${d.refusal.message.en}`);
    events.push(...d.events);
    state = d.state;
  }
  return { state: state!, events };
}
