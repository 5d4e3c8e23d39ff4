import type { StringKey } from '../i18n/strings.ts';

export const COLUMNS = [
  'code',
  'applicant',
  'procedure',
  'step',
  'channel',
  'received',
  'stepDue',
  'due',
  'fee',
  'flags',
] as const;
export type Column = (typeof COLUMNS)[number];

export const COLUMN_LABELS: Record<Column, StringKey> = {
  code: 'colCode',
  applicant: 'colApplicant',
  procedure: 'colProcedure',
  step: 'colStep',
  channel: 'colChannel',
  received: 'colReceived',
  stepDue: 'colStepDue',
  due: 'colDue',
  fee: 'colFee',
  flags: 'colFlags',
};

const KEY = 'motcua-staff-columns';

/** The columns this computer shows (the code column always). */
export function loadColumns(): Set<Column> {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as unknown;
    if (Array.isArray(saved)) return new Set(['code', ...COLUMNS.filter((c) => saved.includes(c))]);
  } catch {
    // unreadable: the default
  }
  return new Set(COLUMNS);
}

export function saveColumns(columns: Set<Column>): void {
  try {
    localStorage.setItem(KEY, JSON.stringify([...columns]));
  } catch {
    // private mode: lasts for the page
  }
}
