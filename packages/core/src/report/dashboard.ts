import type { ResolvedClass } from '../working-time/index.ts';
import type { DossierState } from '../workflow/types.ts';
import { reportFacts } from './facts.ts';
import { dayOf, type Period } from './period.ts';
import { serviceIndexFactsOf, onTimeByInstant, type IndexEventFlags, type ServiceIndexFacts } from './service-index.ts';

/**
 * What the supervisors' dashboard needs of one accepted dossier: the national index's facts
 * (instants), and how Biểu 06 classifies its resolution (dates). Days are the responsible agency's
 * dates, fixed when the facts are taken, so that a store can group by them without time zones.
 */
export interface DashboardFacts {
  index: ServiceIndexFacts;
  procedure: string;
  acceptedDay: string;
  finishedDay: string | null;
  /** Resolved (result ready, status 9): when, on which day, and Biểu 06's class. */
  resolved: { at: number; day: string; class: ResolvedClass } | null;
}

/** The dashboard facts of a dossier, or null when it was never accepted. */
export function dashboardFacts(
  state: DossierState,
  field: string,
  procedure: string,
  flags: IndexEventFlags,
): DashboardFacts | null {
  const index = serviceIndexFactsOf(state, field, flags);
  const report = reportFacts(state, field);
  if (index === null || report === null) return null;
  const end = report.end;
  return {
    index,
    procedure,
    acceptedDay: dayOf(index.acceptedAt, index.timeZone),
    finishedDay: index.finishedAt === null ? null : dayOf(index.finishedAt, index.timeZone),
    resolved: end?.kind === 'resolved' ? { at: end.at, day: dayOf(end.at, index.timeZone), class: end.class } : null,
  };
}

/**
 * The dashboard's counts over a set of dossiers for a period. Which definition each uses:
 * - `early`, `onTime`, `late`: Biểu 06 (dates; resolved in the period, README.md);
 * - `indexOnTime` over `finished`: the national index (instants, at most one supplement request);
 * - `processingMs`: the sum of acceptance → result ready over the resolved, for the mean;
 * - accepted-based shares (online, digitised, paid online) by the acceptance day.
 */
export interface DashboardCounts {
  accepted: number;
  online: number;
  digitised: number;
  paid: number;
  paidOnline: number;
  resolved: number;
  early: number;
  onTime: number;
  late: number;
  processingMs: number;
  electronicResult: number;
  finished: number;
  indexOnTime: number;
  supplementOnce: number;
}

export const DASHBOARD_COUNTS: readonly (keyof DashboardCounts)[] = [
  'accepted',
  'online',
  'digitised',
  'paid',
  'paidOnline',
  'resolved',
  'early',
  'onTime',
  'late',
  'processingMs',
  'electronicResult',
  'finished',
  'indexOnTime',
  'supplementOnce',
];

export function emptyCounts(): DashboardCounts {
  return Object.fromEntries(DASHBOARD_COUNTS.map((k) => [k, 0])) as unknown as DashboardCounts;
}

export function addCounts(a: DashboardCounts, b: DashboardCounts): DashboardCounts {
  return Object.fromEntries(DASHBOARD_COUNTS.map((k) => [k, a[k] + b[k]])) as unknown as DashboardCounts;
}

const within = (day: string | null, p: Period) => day !== null && day >= p.from && day <= p.to;

/** Which of a dossier's days a count is counted on: acceptance, resolution (status 9) or end. */
export type CountDay = 'accepted' | 'resolved' | 'finished';

export const COUNT_DAYS: Readonly<Record<keyof DashboardCounts, CountDay>> = {
  accepted: 'accepted',
  online: 'accepted',
  digitised: 'accepted',
  paid: 'accepted',
  paidOnline: 'accepted',
  resolved: 'resolved',
  early: 'resolved',
  onTime: 'resolved',
  late: 'resolved',
  processingMs: 'resolved',
  electronicResult: 'resolved',
  finished: 'finished',
  indexOnTime: 'finished',
  supplementOnce: 'finished',
};

/** A count's bit in a dossier's measures: its place in `DASHBOARD_COUNTS`. */
export const MEASURE_BITS: Readonly<Record<keyof DashboardCounts, number>> = Object.fromEntries(
  DASHBOARD_COUNTS.map((k, i) => [k, 1 << i]),
) as unknown as Record<keyof DashboardCounts, number>;

/** The day of a dossier's facts that `COUNT_DAYS` names (null when it has none yet). */
export function countDay(f: DashboardFacts, day: CountDay): string | null {
  return day === 'accepted' ? f.acceptedDay : day === 'resolved' ? (f.resolved?.day ?? null) : f.finishedDay;
}

/**
 * Which counts a dossier counts toward, whatever the period: a bitmask of `MEASURE_BITS`. A period
 * counts it for each of them whose `COUNT_DAYS` day falls in it. The one definition of every count:
 * `countDossier` adds by it, and a store may keep it to list the dossiers behind a number.
 */
export function dashboardMeasures(f: DashboardFacts): number {
  const x = f.index;
  const b = MEASURE_BITS;
  let m = b.accepted;
  if (x.channel === 'online') m |= b.online;
  if (x.digitised) m |= b.digitised;
  if (x.paid) m |= b.paid;
  if (x.paidOnline) m |= b.paidOnline;
  if (f.resolved) {
    m |= b.resolved | b.processingMs;
    m |= f.resolved.class === 'early' ? b.early : f.resolved.class === 'on-time' ? b.onTime : b.late;
    if (x.electronicResult) m |= b.electronicResult;
  }
  if (x.finishedAt !== null && f.finishedDay !== null) {
    m |= b.finished;
    // The national index: at most one supplement request, finished by the due instant.
    if (x.supplementRequests <= 1) {
      m |= b.supplementOnce;
      if (onTimeByInstant(x.finishedAt, x.dueAt)) m |= b.indexOnTime;
    }
  }
  return m;
}

/** Adds one dossier's contribution to the counts of a period. */
export function countDossier(c: DashboardCounts, f: DashboardFacts, p: Period): void {
  const m = dashboardMeasures(f);
  for (const k of DASHBOARD_COUNTS) {
    if (!(m & MEASURE_BITS[k]) || !within(countDay(f, COUNT_DAYS[k]), p)) continue;
    // A sum of durations (for the mean) rather than a number of dossiers.
    c[k] += k === 'processingMs' ? f.resolved!.at - f.index.acceptedAt : 1;
  }
}

/** The difference of two sets of counts (a store's correction when a dossier's facts change). */
export function subtractCounts(a: DashboardCounts, b: DashboardCounts): DashboardCounts {
  return Object.fromEntries(DASHBOARD_COUNTS.map((k) => [k, a[k] - b[k]])) as unknown as DashboardCounts;
}

/**
 * One dossier's counts split by day: what it adds to each day it touches (acceptance, resolution,
 * end). The counts of any period are the sum of its days' (days are whole in every count), so a
 * store may keep daily sums and add days instead of dossiers.
 */
export function dailyCounts(f: DashboardFacts): { day: string; counts: DashboardCounts }[] {
  const days = new Set<string>([f.acceptedDay]);
  if (f.resolved) days.add(f.resolved.day);
  if (f.finishedDay !== null) days.add(f.finishedDay);
  return [...days].sort().map((day) => {
    const counts = emptyCounts();
    countDossier(counts, f, { from: day, to: day });
    return { day, counts };
  });
}

/** The counts of a set of dossiers for a period. */
export function dashboardCounts(facts: Iterable<DashboardFacts>, p: Period): DashboardCounts {
  const c = emptyCounts();
  for (const f of facts) countDossier(c, f, p);
  return c;
}

/** The mean processing time in days (two decimals), null when nothing was resolved. */
export function meanProcessingDays(c: DashboardCounts): number | null {
  return c.resolved === 0 ? null : Math.round((c.processingMs / c.resolved / 86_400_000) * 100) / 100;
}

/** A share in % with two decimals, null over nothing. */
export function percent(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 10000) / 100;
}

/** The months a period touches, each cut to the period (for the trend). */
export function monthsOf(p: Period): Period[] {
  const out: Period[] = [];
  let y = Number(p.from.slice(0, 4));
  let m = Number(p.from.slice(5, 7));
  for (;;) {
    const mm = String(m).padStart(2, '0');
    const first = `${y}-${mm}-01`;
    if (first > p.to) break;
    const last = `${y}-${mm}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
    out.push({ from: first < p.from ? p.from : first, to: last > p.to ? p.to : last });
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}
