import type { Agency, Calendar, Procedure } from '@motcua/core';
import { environmentFrom } from '../../../src/editors/environment.ts';

const TZ = 'Asia/Ho_Chi_Minh';
export const PROVINCE = '000.00.00.H56';
export const JUSTICE = '000.00.10.H56';
export const WARD_1 = '000.20.01.H56';
export const WARD_2 = '000.20.02.H56';

export const CALENDAR: Calendar = {
  timeZone: TZ,
  workingHours: [
    ['07:00', '11:30'],
    ['13:30', '17:00'],
  ],
  weekend: [0, 6],
  holidays: ['2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02'],
  extraWorkingDays: [],
};

const agency = (
  code: string,
  kind: string,
  parent: string | null,
  vi: string,
  en: string,
): Agency & { calendarId: string } => ({
  code,
  kind,
  parent,
  name: { vi, en },
  timeZone: TZ,
  calendarId: 'vn',
});

export const AGENCIES = [
  agency(PROVINCE, 'province', null, 'Ủy ban nhân dân tỉnh', 'Provincial People’s Committee'),
  agency(JUSTICE, 'province-department', PROVINCE, 'Sở Tư pháp', 'Department of Justice'),
  agency(WARD_1, 'commune', PROVINCE, 'Phường Trung Tâm', 'Trung Tâm Ward'),
  agency(WARD_2, 'commune', PROVINCE, 'Phường Bắc Thành', 'Bắc Thành Ward'),
];

export const environment = () => environmentFrom(AGENCIES, { vn: CALENDAR });

/** A small definition with a named condition in use, one document, one fee with an exemption and a two-step route across two agencies. */
export function procedure(): Procedure {
  const married = {
    title: 'cha mẹ đã đăng ký kết hôn / the parents are married',
    properties: { parentsMarried: { const: true } },
    required: ['parentsMarried'],
  };
  return structuredClone({
    code: '1.999001',
    title: { vi: 'Thủ tục thử', en: 'Test procedure' },
    field: { code: 'ho-tich', title: { vi: 'Hộ tịch', en: 'Civil status' } },
    owner: JUSTICE,
    serviceLevel: 'full',
    legalBasis: [],
    effectiveFrom: '2099-01-01',
    receiving: { mode: 'choice', kind: 'commune', within: PROVINCE },
    form: {
      schema: {
        type: 'object',
        required: ['fullName'],
        properties: {
          fullName: { type: 'string', title: 'Họ và tên / Full name' },
          parentsMarried: { type: 'boolean', title: 'Cha mẹ đã kết hôn / Parents married' },
          copies: { type: 'integer', minimum: 0, title: 'Số bản sao / Copies' },
          place: { type: 'string', enum: ['benh-vien', 'nha'], title: 'Nơi sinh / Place of birth' },
        },
      },
      uischema: {
        type: 'VerticalLayout',
        elements: [
          { type: 'Control', scope: '#/properties/fullName' },
          { type: 'Control', scope: '#/properties/parentsMarried' },
          { type: 'Control', scope: '#/properties/copies' },
          { type: 'Control', scope: '#/properties/place' },
        ],
      },
    },
    applicant: { person: { fullName: '/fullName' } },
    documents: [
      {
        id: 'to-khai',
        title: { vi: 'Tờ khai', en: 'Declaration' },
        mediaTypes: ['application/pdf'],
        maxSizeBytes: 10485760,
        minFiles: 1,
        maxFiles: 2,
        originals: 1,
        copies: 0,
      },
      {
        id: 'giay-ket-hon',
        title: { vi: 'Giấy chứng nhận kết hôn', en: 'Marriage certificate' },
        when: married,
        mediaTypes: ['application/pdf'],
        maxSizeBytes: 10485760,
        minFiles: 1,
        maxFiles: 1,
        originals: 0,
        copies: 1,
      },
    ],
    fees: {
      collect: 'before',
      items: [
        {
          id: 'le-phi',
          title: { vi: 'Lệ phí', en: 'Charge' },
          kind: 'charge',
          amount: 8000,
          exemptions: [{ id: 'ket-hon', title: { vi: 'Cha mẹ đã kết hôn', en: 'Married parents' }, when: married }],
        },
        {
          id: 'ban-sao',
          title: { vi: 'Phí bản sao', en: 'Copy fee' },
          kind: 'fee',
          amount: 5000,
          per: { field: '/copies', unit: { vi: 'bản', en: 'copies' } },
        },
      ],
    },
    deadline: { unit: 'working-days', value: 3 },
    workflow: {
      start: 'tham-dinh',
      steps: [
        {
          id: 'tham-dinh',
          title: { vi: 'Thẩm định', en: 'Review' },
          agency: { relative: 'receiving' },
          role: 'specialist',
          budget: { unit: 'working-days', value: 2 },
          next: [{ step: 'phe-duyet' }],
        },
        {
          id: 'phe-duyet',
          title: { vi: 'Phê duyệt', en: 'Approval' },
          agency: { code: JUSTICE },
          role: 'leader',
          budget: { unit: 'working-days', value: 1 },
          outcomes: ['approved', 'denied'],
        },
      ],
    },
    conditions: [
      { id: 'ket-hon', title: { vi: 'cha mẹ đã đăng ký kết hôn', en: 'the parents are married' }, when: married },
    ],
  }) as Procedure;
}
