import { CHANNEL_NAMES } from '@motcua/core';
import { OVERSIGHT_MEASURES, type OversightMeasure } from '@motcua/api';

/**
 * What the oversight page shows, kept in the address (shareable, survives a reload): the period,
 * the filters of the dashboard, and the number whose dossiers are listed (drill-down).
 */
export interface OversightView {
  from: string;
  to: string;
  level?: string;
  /** An agency of the subtree whose dashboard is shown (default: the workspace's agency). */
  agency?: string;
  field?: string;
  procedure?: string;
  channel?: (typeof CHANNEL_NAMES)[number];
  /** Drill-down: the number whose dossiers are listed, and the ranking row it came from. */
  measure?: OversightMeasure;
  unit?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TEXT_KEYS = ['level', 'agency', 'field', 'procedure', 'unit'] as const;

/** The calendar day in Vietnam (UTC+7, no daylight saving) of an instant. */
export const vietnamDay = (now: number) => new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);

/** The default period: from the first of this month to today. */
export function defaultPeriod(now: number): { from: string; to: string } {
  const to = vietnamDay(now);
  return { from: `${to.slice(0, 8)}01`, to };
}

/** The view an address's query asks for; anything unknown or malformed is left out. */
export function viewFromSearch(search: string, now: number): OversightView {
  const p = new URLSearchParams(search);
  const from = p.get('from') ?? '';
  const to = p.get('to') ?? '';
  const view: OversightView = DAY.test(from) && DAY.test(to) && from <= to ? { from, to } : defaultPeriod(now);
  for (const k of TEXT_KEYS) {
    const v = p.get(k)?.trim();
    if (v) view[k] = v.slice(0, 100);
  }
  const channel = p.get('channel');
  if (channel && (CHANNEL_NAMES as readonly string[]).includes(channel))
    view.channel = channel as OversightView['channel'];
  const measure = p.get('measure');
  if (measure && (OVERSIGHT_MEASURES as readonly string[]).includes(measure))
    view.measure = measure as OversightMeasure;
  return view;
}

/** The query string of a view, keys in a fixed order (the same view, the same address). */
export function searchOf(view: OversightView): string {
  const p = new URLSearchParams();
  p.set('from', view.from);
  p.set('to', view.to);
  for (const k of ['agency', 'level', 'field', 'procedure', 'channel', 'measure', 'unit'] as const) {
    const v = view[k];
    if (v) p.set(k, v);
  }
  return `?${p}`;
}

/** The dashboard's query of a view (the API's names; no drill-down). */
export function dashboardQuery(view: OversightView) {
  return {
    from: view.from,
    to: view.to,
    ...(view.level ? { level: view.level } : {}),
    ...(view.field ? { field: view.field } : {}),
    ...(view.procedure ? { procedure: view.procedure } : {}),
    ...(view.channel ? { channel: view.channel } : {}),
  };
}

/** The previous period of the same length, ending the day before `from` (a card's trend). */
export function previousPeriod(view: { from: string; to: string }): { from: string; to: string } {
  const day = 86_400_000;
  const from = Date.parse(`${view.from}T00:00:00Z`);
  const to = Date.parse(`${view.to}T00:00:00Z`);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: iso(from - (to - from) - day), to: iso(from - day) };
}
