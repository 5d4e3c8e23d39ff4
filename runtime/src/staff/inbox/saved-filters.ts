import type { QueueScope } from '../data/staff-data.ts';

/** A named view of the inbox: a queue, a scope and the search fields. */
export interface SavedFilter {
  name: string;
  queue: string;
  scope: QueueScope;
  q?: string;
  channel?: 'online' | 'direct' | 'postal';
  procedure?: string;
}

/** The few calls of localStorage used (a test passes a map). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const MAX = 30;
const keyOf = (user: string) => `motcua-staff-filters:${user}`;

/**
 * Saved filters, per user on this computer: the contract has no place for staff preferences on
 * the server yet, so they live in the browser's storage under the user's name (two clerks sharing
 * a counter computer keep theirs apart). Unreadable or foreign entries are dropped, never trusted.
 */
export function loadFilters(store: KeyValueStore | undefined, user: string): SavedFilter[] {
  try {
    const raw = JSON.parse(store?.getItem(keyOf(user)) ?? '[]') as unknown;
    return Array.isArray(raw) ? raw.filter(isSavedFilter).slice(0, MAX) : [];
  } catch {
    return [];
  }
}

/** Adds (or replaces, by name) a filter; returns the new list, stored when storage allows. */
export function saveFilter(store: KeyValueStore | undefined, user: string, f: SavedFilter): SavedFilter[] {
  const name = f.name.trim();
  if (!name) return loadFilters(store, user);
  const list = [{ ...f, name }, ...loadFilters(store, user).filter((x) => x.name !== name)].slice(0, MAX);
  write(store, user, list);
  return list;
}

export function removeFilter(store: KeyValueStore | undefined, user: string, name: string): SavedFilter[] {
  const list = loadFilters(store, user).filter((x) => x.name !== name);
  write(store, user, list);
  return list;
}

function write(store: KeyValueStore | undefined, user: string, list: SavedFilter[]) {
  try {
    store?.setItem(keyOf(user), JSON.stringify(list));
  } catch {
    // private mode or full: the list lasts for the page
  }
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
    (f.scope === 'personal' || f.scope === 'unit') &&
    optionalString(f.q) &&
    optionalString(f.procedure) &&
    (f.channel === undefined || f.channel === 'online' || f.channel === 'direct' || f.channel === 'postal')
  );
}

/** The scope chosen last, per user on this computer. */
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
