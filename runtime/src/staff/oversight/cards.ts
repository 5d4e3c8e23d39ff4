import type { OversightMeasure } from '@motcua/api';
import type { OversightDashboard } from '../data/staff-data.ts';
import type { StringKey } from '../i18n/strings.ts';

type Numbers = OversightDashboard['totals'];

/** One KPI card: its label, how its figure is read off the dashboard, and the dossiers behind it. */
export interface Card {
  id: string;
  label: StringKey;
  kind: 'percent' | 'count' | 'days';
  value: (d: OversightDashboard) => number | null;
  /** The numerator and denominator shown under a percentage. */
  of?: (n: Numbers) => [number, number];
  measure: OversightMeasure;
  /** For a trend: whether a higher figure is better. */
  higherIsBetter: boolean;
  /** Per month, for the sparkline. */
  monthly: (n: Numbers) => number | null;
}

export const CARDS: Card[] = [
  {
    id: 'early-on-time',
    label: 'ovEarlyOnTime',
    kind: 'percent',
    value: (d) => d.totals.earlyOrOnTimePercent,
    of: (n) => [n.early + n.onTime, n.resolved],
    measure: 'earlyOrOnTime',
    higherIsBetter: true,
    monthly: (n) => n.earlyOrOnTimePercent,
  },
  {
    id: 'overdue',
    label: 'ovOverdue',
    kind: 'count',
    value: (d) => d.overdueInProgress,
    measure: 'overdue',
    higherIsBetter: false,
    monthly: () => null,
  },
  {
    id: 'mean-days',
    label: 'ovMeanDays',
    kind: 'days',
    value: (d) => d.totals.meanProcessingDays,
    measure: 'resolved',
    higherIsBetter: false,
    monthly: (n) => n.meanProcessingDays,
  },
  {
    id: 'online',
    label: 'ovOnline',
    kind: 'percent',
    value: (d) => d.totals.onlineSharePercent,
    of: (n) => [n.online, n.accepted],
    measure: 'online',
    higherIsBetter: true,
    monthly: (n) => n.onlineSharePercent,
  },
  {
    id: 'online-payment',
    label: 'ovOnlinePayment',
    kind: 'percent',
    value: (d) => d.totals.onlinePaymentPercent,
    of: (n) => [n.paidOnline, n.paid],
    measure: 'paidOnline',
    higherIsBetter: true,
    monthly: (n) => n.onlinePaymentPercent,
  },
  {
    id: 'digitised',
    label: 'ovDigitised',
    kind: 'percent',
    value: (d) => d.totals.digitisedPercent,
    of: (n) => [n.digitised, n.accepted],
    measure: 'digitised',
    higherIsBetter: true,
    monthly: (n) => n.digitisedPercent,
  },
];

/** The service index's entries, each with the measure of its numerator. */
export const INDEX_MEASURES = {
  onTime: 'indexOnTime',
  supplementOnce: 'supplementOnce',
  onlineShare: 'online',
  onlinePayment: 'paidOnline',
  digitised: 'digitised',
  electronicResult: 'electronicResult',
} as const satisfies Record<keyof OversightDashboard['serviceIndex'], OversightMeasure>;

/** The change from the previous period, rounded to a tenth (null when either side has no figure). */
export function change(now: number | null, before: number | null): number | null {
  if (now === null || before === null) return null;
  return Math.round((now - before) * 10) / 10;
}

/** The count a measure lists, read off a set of numbers (a card's or a ranking row's link). */
export function countOf(n: Numbers, overdue: number, m: OversightMeasure): number {
  if (m === 'overdue') return overdue;
  if (m === 'earlyOrOnTime') return n.early + n.onTime;
  return n[m];
}
