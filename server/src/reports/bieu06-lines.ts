import {
  addRows,
  emptyRow,
  reportFromLedger,
  rollUpRows,
  type AgencyDirectory,
  type Bieu06Row,
  type LedgerEntry,
  type Period,
  type ReportGroupBy,
  type ReportLine,
} from '@motcua/core';
import type { Executor } from '../db/client.ts';
import { asLedgerEntries, ledgerSums } from './ledger-sums.ts';

export interface Bieu06Options {
  /** The reporting agency. */
  agency: string;
  period: Period;
  groupBy: ReportGroupBy;
  /** Include the agencies below (each agency's row then sums its subtree, like core's `report`). */
  rollUp: boolean;
  /** Only these fields (lĩnh vực). */
  fields?: string[];
  directory: AgencyDirectory;
}

/**
 * Biểu 06 from the running totals: core's `reportFromLedger` on each agency × field's sums, and
 * core's `rollUpRows` for the subtree — the same lines core's `report` gives from the dossiers'
 * own contributions (the report test holds them equal on thousands of random histories).
 */
export async function bieu06Lines(db: Executor, o: Bieu06Options): Promise<ReportLine[]> {
  const agencies = o.rollUp ? o.directory.subtree(o.agency).map((a) => a.code) : [o.agency];
  const sums = await ledgerSums(db, agencies, o.period, o.fields);
  const byKey = new Map<string, LedgerEntry[]>();
  for (const e of asLedgerEntries(sums, o.period)) {
    const k = `${e.agency}\u0000${e.field}`;
    let list = byKey.get(k);
    if (!list) byKey.set(k, (list = []));
    list.push(e);
  }
  // Each agency × field's own row, then grouped as asked.
  const own = new Map<string, { agency: string; field: string; row: Bieu06Row }>();
  for (const [k, entries] of byKey) {
    const [agency, field] = k.split('\u0000') as [string, string];
    own.set(k, { agency, field, row: reportFromLedger(entries, o.period) });
  }
  const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const fields = [...new Set([...own.values()].map((x) => x.field))].sort();
  switch (o.groupBy) {
    case 'total':
      return [{ row: [...own.values()].reduce((acc, x) => addRows(acc, x.row), emptyRow()) }];
    case 'field': {
      const byField = new Map<string, Bieu06Row>();
      for (const x of own.values()) byField.set(x.field, addRows(byField.get(x.field) ?? emptyRow(), x.row));
      return sorted(byField).map(([field, row]) => ({ field, row }));
    }
    case 'agency': {
      const byAgency = new Map<string, Bieu06Row>();
      for (const x of own.values()) byAgency.set(x.agency, addRows(byAgency.get(x.agency) ?? emptyRow(), x.row));
      if (o.rollUp) return rollUpRows(byAgency, o.directory, o.agency);
      return sorted(byAgency).map(([agency, row]) => ({ agency, row }));
    }
    case 'agency-field': {
      if (!o.rollUp) return sorted(own).map(([, x]) => ({ agency: x.agency, field: x.field, row: x.row }));
      const lines: ReportLine[] = [];
      for (const field of fields) {
        const byAgency = new Map<string, Bieu06Row>();
        for (const x of own.values()) if (x.field === field) byAgency.set(x.agency, x.row);
        for (const line of rollUpRows(byAgency, o.directory, o.agency)) lines.push({ ...line, field });
      }
      return lines;
    }
  }
}
