import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import { addRows, emptyRow, type Bieu06Row } from './bieu06-row.ts';
import { contribution } from './contribution.ts';
import type { ReportFacts } from './facts.ts';
import type { Period } from './period.ts';

export type ReportGroupBy = 'agency' | 'field' | 'agency-field' | 'total';

export interface ReportOptions {
  groupBy: ReportGroupBy;
  /** Needed with `rollUp`. */
  directory?: AgencyDirectory;
  /**
   * Only dossiers whose responsible agency is in this agency's subtree. With groupBy 'agency' or
   * 'agency-field', each agency's row then sums its whole subtree (`own` keeps its own dossiers).
   */
  rollUp?: string;
}

export interface ReportLine {
  agency?: string;
  field?: string;
  /** Depth below the roll-up root (0 for the root). */
  depth?: number;
  /** The row: the agency's own dossiers, or its whole subtree in a roll-up. */
  row: Bieu06Row;
  /** In a roll-up: the agency's own dossiers only. */
  own?: Bieu06Row;
}

/**
 * Biểu 06 as the sum of the dossiers' contributions, grouped by responsible agency, field, both,
 * or in total. Each dossier counts once, at its responsible agency; a roll-up row is its agency's
 * own row plus its children's roll-up rows, so no dossier is counted twice in it.
 */
export function report(factsList: Iterable<ReportFacts>, period: Period, options: ReportOptions): ReportLine[] {
  const { groupBy, directory, rollUp } = options;
  if (rollUp !== undefined && !directory) throw new Error('report: a roll-up needs the agency directory');
  if (rollUp !== undefined && !directory!.has(rollUp)) throw new Error(`report: unknown agency ${rollUp}`);
  const own = new Map<string, Bieu06Row>();
  const fields = new Set<string>();
  for (const f of factsList) {
    if (rollUp !== undefined && !directory!.isInSubtree(f.agency, rollUp)) continue;
    const key = groupKey(groupBy, f.agency, f.field);
    own.set(key, addRows(own.get(key) ?? emptyRow(), contribution(f, period)));
    fields.add(f.field);
  }
  if (rollUp === undefined || groupBy === 'field' || groupBy === 'total') {
    return [...own.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, row]) => ({ ...splitKey(groupBy, key), row }));
  }
  if (groupBy === 'agency') {
    return rollUpRows(own, directory!, rollUp);
  }
  const lines: ReportLine[] = [];
  for (const field of [...fields].sort()) {
    const byAgency = new Map<string, Bieu06Row>();
    for (const [key, row] of own) {
      const k = splitKey('agency-field', key);
      if (k.field === field) byAgency.set(k.agency!, row);
    }
    for (const line of rollUpRows(byAgency, directory!, rollUp)) lines.push({ ...line, field });
  }
  return lines;
}

/**
 * Roll-up over `root`'s subtree from each agency's own row (missing agencies count as empty): one
 * line per agency, depth first, `row` = own + the children's rows. Hosts that compute own rows
 * from running totals use this to roll up exactly as `report` does.
 */
export function rollUpRows(
  own: ReadonlyMap<string, Bieu06Row>,
  directory: AgencyDirectory,
  root: string,
): ReportLine[] {
  const lines: ReportLine[] = [];
  const visit = (code: string, depth: number): Bieu06Row => {
    const line: ReportLine = { agency: code, depth, row: emptyRow(), own: own.get(code) ?? emptyRow() };
    lines.push(line);
    let total = line.own!;
    for (const child of directory.childrenOf(code)) total = addRows(total, visit(child.code, depth + 1));
    line.row = total;
    return total;
  };
  visit(root, 0);
  return lines;
}

function groupKey(groupBy: ReportGroupBy, agency: string, field: string): string {
  switch (groupBy) {
    case 'agency':
      return agency;
    case 'field':
      return field;
    case 'agency-field':
      return `${agency}\u0000${field}`;
    case 'total':
      return '';
  }
}

function splitKey(groupBy: ReportGroupBy, key: string): { agency?: string; field?: string } {
  switch (groupBy) {
    case 'agency':
      return { agency: key };
    case 'field':
      return { field: key };
    case 'agency-field': {
      const [agency, field] = key.split('\u0000');
      return { agency: agency!, field: field! };
    }
    case 'total':
      return {};
  }
}
