import type { SavedInboxFilter } from '@motcua/api';
import type { QueueScope } from '../data/staff-data.ts';

/** A named view of the inbox: a queue, a scope and the search fields (kept on the server, per staff member). */
export type SavedFilter = SavedInboxFilter;

/** As many as the server keeps (the contract's maxItems). */
export const MAX_FILTERS = 30;

/** The few calls of localStorage used (a test passes a map). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Adds (or replaces, by name) a filter, most recent first; a blank name changes nothing. */
export function withFilter(list: readonly SavedFilter[], f: SavedFilter): SavedFilter[] {
  const name = f.name.trim();
  if (!name) return [...list];
  return [{ ...f, name }, ...list.filter((x) => x.name !== name)].slice(0, MAX_FILTERS);
}

export function withoutFilter(list: readonly SavedFilter[], name: string): SavedFilter[] {
  return list.filter((x) => x.name !== name);
}

const keyOf = (user: string) => `motcua-staff-filters:${user}`;

/**
 * The filters this browser kept for the user before they were stored on the server: read once,
 * to be moved there, then `forgetLocalFilters`. Unreadable or foreign entries are dropped, never trusted.
 */
export function localFilters(store: KeyValueStore | undefined, user: string): SavedFilter[] {
  try {
    const raw = JSON.parse(store?.getItem(keyOf(user)) ?? '[]') as unknown;
    return Array.isArray(raw) ? raw.filter(isSavedFilter).slice(0, MAX_FILTERS) : [];
  } catch {
    return [];
  }
}

export function forgetLocalFilters(store: KeyValueStore | undefined, user: string): void {
  try {
    store?.removeItem(keyOf(user));
  } catch {
    // storage refused: the entries are merged by name again next time, harmlessly
  }
}

/** The server's list with the browser's old entries after it (names already there win). */
export function mergeFilters(server: readonly SavedFilter[], local: readonly SavedFilter[]): SavedFilter[] {
  const names = new Set(server.map((f) => f.name));
  return [...server, ...local.filter((f) => !names.has(f.name))].slice(0, MAX_FILTERS);
}

const optionalString = (v: unknown) => v === undefined || (typeof v === 'string' && v.length <= 200);

function isSavedFilter(v: unknown): v is SavedFilter {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Record<string, unknown>;
  return (
    typeof f.name === 'string' &&
    f.name.trim().length > 0 &&
    f.name.length <= 80 &&
    typeof f.queue === 'string' &&
    /^[a-z][a-z0-9-]{0,59}$/.test(f.queue) &&
    (f.scope === 'personal' || f.scope === 'unit') &&
    optionalString(f.q) &&
    optionalString(f.procedure) &&
    (f.channel === undefined || f.channel === 'online' || f.channel === 'direct' || f.channel === 'postal')
  );
}

/** The scope chosen last, per user on this computer (it shapes the first request, so it is not waited for). */
export function loadScope(store: KeyValueStore | undefined, user: string): QueueScope {
  try {
    return store?.getItem(`motcua-staff-scope:${user}`) === 'personal' ? 'personal' : 'unit';
  } catch {
    return 'unit';
  }
}

export function saveScope(store: KeyValueStore | undefined, user: string, scope: QueueScope): void {
  try {
    store?.setItem(`motcua-staff-scope:${user}`, scope);
  } catch {
    // the choice lasts for the page
  }
}
