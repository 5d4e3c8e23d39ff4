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

/** The columns shown from the stored choice (null: all); the code column always, unknown ids ignored. */
export function columnsOf(saved: readonly string[] | null): Set<Column> {
  if (!saved) return new Set(COLUMNS);
  return new Set(['code', ...COLUMNS.filter((c) => saved.includes(c))]);
}

/** The choice to store, in the table's order. */
export function columnChoice(columns: ReadonlySet<Column>): Column[] {
  return COLUMNS.filter((c) => columns.has(c));
}

const KEY = 'motcua-staff-columns';

/** The columns this computer kept before they were stored on the server (read once, then forgotten). */
export function takeLocalColumns(): Column[] | null {
  try {
    const saved = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? 'null') as unknown;
    globalThis.localStorage?.removeItem(KEY);
    if (Array.isArray(saved)) return columnChoice(columnsOf(saved.filter((c) => typeof c === 'string')));
  } catch {
    // unreadable: nothing to move
  }
  return null;
}
