import { eq, sql } from 'drizzle-orm';
import {
  createAgencyDirectory,
  parseCalendar,
  VIETNAM_TIME_ZONE,
  type Agency,
  type AgencyDirectory,
  type Calendar,
  type LocalizedText,
} from '@motcua/core';
import type { Db, Executor } from '../db/client.ts';
import { agencies, agencyKinds, calendars, revisions } from '../db/schema/index.ts';

/** An agency as stored: core's Agency plus what only the server tracks. */
export interface AgencyRecord extends Agency {
  calendarId: string;
  active: boolean;
  successorCode: string | null;
  revision: number;
}

export interface CalendarRecord {
  id: string;
  name: LocalizedText;
  ownerCode: string | null;
  calendar: Calendar;
  revision: number;
}

/**
 * A consistent view of the agency tree and calendars at one revision. `all` includes merged
 * (inactive) agencies, whose codes old dossiers keep; `active` is what new dossiers may use.
 */
export interface AgencySnapshot {
  revision: number;
  records: Map<string, AgencyRecord>;
  kinds: Map<string, { id: string; title: LocalizedText; level: number }>;
  all: AgencyDirectory;
  active: AgencyDirectory;
  calendars: Map<string, CalendarRecord>;
  calendarOf(agencyCode: string): Calendar;
  timeZoneOf(agencyCode: string): string;
}

export interface AgencyCache {
  /** The current snapshot (re-read when another process changed the tree, checked at most every `ttlMs`). */
  get(): Promise<AgencySnapshot>;
  /** Forget the snapshot (after this process changed the tree). */
  invalidate(): void;
}

export const AGENCY_REVISION = 'agencies';

/** Bumps the tree's revision in the writer's transaction, so every process reloads. */
export async function bumpAgencyRevision(tx: Executor): Promise<void> {
  await tx
    .insert(revisions)
    .values({ name: AGENCY_REVISION, value: 1 })
    .onConflictDoUpdate({ target: revisions.name, set: { value: sql`${revisions.value} + 1` } });
}

async function currentRevision(db: Executor): Promise<number> {
  const rows = await db.select({ value: revisions.value }).from(revisions).where(eq(revisions.name, AGENCY_REVISION));
  return rows[0]?.value ?? 0;
}

export async function loadSnapshot(db: Executor): Promise<AgencySnapshot> {
  const revision = await currentRevision(db);
  const [kindRows, calRows, agencyRows] = [
    await db.select().from(agencyKinds),
    await db.select().from(calendars),
    await db.select().from(agencies),
  ];
  const cals = new Map<string, CalendarRecord>();
  for (const c of calRows) {
    const parsed = parseCalendar(c.data);
    if (!parsed.ok)
      throw new Error(`stored calendar ${c.id} is invalid: ${parsed.issues.map((i) => i.message.en).join('; ')}`);
    cals.set(c.id, { id: c.id, name: c.name, ownerCode: c.ownerCode, calendar: parsed.calendar, revision: c.revision });
  }
  // Parents before children keeps lists in tree order.
  const records = new Map<string, AgencyRecord>();
  for (const a of agencyRows) {
    const cal = cals.get(a.calendarId);
    records.set(a.code, {
      code: a.code,
      name: a.name,
      kind: a.kind,
      parent: a.parentCode,
      timeZone: cal?.calendar.timeZone ?? VIETNAM_TIME_ZONE,
      calendarId: a.calendarId,
      active: a.active,
      successorCode: a.successorCode,
      revision: a.revision,
    });
  }
  const ordered = treeOrder([...records.values()]);
  const toAgency = (r: AgencyRecord): Agency => ({
    code: r.code,
    name: r.name,
    kind: r.kind,
    parent: r.parent,
    timeZone: r.timeZone,
  });
  const all = createAgencyDirectory(ordered.map(toAgency));
  // Inactive agencies drop out with their subtree from what new dossiers may use.
  const activeCodes = new Set(ordered.filter((r) => r.active).map((r) => r.code));
  const activeList = ordered.filter(
    (r) => activeCodes.has(r.code) && all.ancestors(r.code).every((p) => activeCodes.has(p.code)),
  );
  const active = createAgencyDirectory(activeList.map(toAgency));
  const kinds = new Map(kindRows.map((k) => [k.id, { id: k.id, title: k.title, level: k.level }]));
  return {
    revision,
    records,
    kinds,
    all,
    active,
    calendars: cals,
    calendarOf(code) {
      const r = records.get(code);
      const cal = r && cals.get(r.calendarId);
      if (!cal) throw new Error(`no calendar for agency ${code}`);
      return cal.calendar;
    },
    timeZoneOf(code) {
      const r = records.get(code);
      if (!r) throw new Error(`unknown agency ${code}`);
      return r.timeZone;
    },
  };
}

/** Sorts agencies so that every parent precedes its children, siblings by code. */
function treeOrder(list: AgencyRecord[]): AgencyRecord[] {
  const children = new Map<string | null, AgencyRecord[]>();
  for (const a of list) {
    const key = a.parent !== null && list.some((p) => p.code === a.parent) ? a.parent : null;
    if (!children.has(key)) children.set(key, []);
    children.get(key)!.push(a);
  }
  for (const arr of children.values()) arr.sort((x, y) => x.code.localeCompare(y.code));
  const out: AgencyRecord[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null) => {
    for (const a of children.get(parent) ?? []) {
      if (seen.has(a.code)) continue;
      seen.add(a.code);
      out.push(a);
      visit(a.code);
    }
  };
  visit(null);
  // Anything not reached sits in a cycle: keep it so the directory reports the problem.
  for (const a of list) if (!seen.has(a.code)) out.push(a);
  return out;
}

export function createAgencyCache(db: Db, options: { ttlMs?: number; now?: () => number } = {}): AgencyCache {
  const ttlMs = options.ttlMs ?? 1000;
  const now = options.now ?? (() => Date.now());
  let snapshot: AgencySnapshot | null = null;
  let checkedAt = 0;
  let loading: Promise<AgencySnapshot> | null = null;
  const refresh = async (): Promise<AgencySnapshot> => {
    if (snapshot && now() - checkedAt < ttlMs) return snapshot;
    if (snapshot) {
      const rev = await currentRevision(db);
      checkedAt = now();
      if (rev === snapshot.revision) return snapshot;
    }
    snapshot = await loadSnapshot(db);
    checkedAt = now();
    return snapshot;
  };
  return {
    get() {
      if (snapshot && now() - checkedAt < ttlMs) return Promise.resolve(snapshot);
      loading ??= refresh().finally(() => (loading = null));
      return loading;
    },
    invalidate() {
      snapshot = null;
    },
  };
}
