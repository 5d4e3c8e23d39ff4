import { eq } from 'drizzle-orm';
import {
  createAgencyDirectory,
  parseCalendar,
  type Agency,
  type Issue,
  type LocalizedText,
  type Calendar,
} from '@motcua/core';
import type { Executor } from '../db/client.ts';
import { agencies, agencyHistory, agencyKinds, calendars } from '../db/schema/index.ts';
import { errors, HttpError } from '../http/errors.ts';
import { bumpAgencyRevision, loadSnapshot, type AgencySnapshot } from '../agency-directory/cache.ts';

/**
 * Changes to the agency tree. Each writes a history row and bumps the tree's revision in the
 * caller's transaction. Codes are never changed or deleted: dossiers reference them forever.
 */
export interface Who {
  actorId: string | null;
  at: number;
}

export interface NewAgency {
  code: string;
  name: LocalizedText;
  kind: string;
  parent: string | null;
  calendarId: string;
}

const AGENCY_CODE = /^[0-9A-Za-z][0-9A-Za-z._]*$/;

function issue(pointer: string, code: string, vi: string, en: string): Issue {
  return { pointer, code, message: { vi, en } };
}

async function checkTree(tx: Executor, mutate: (list: Agency[]) => Agency[]): Promise<AgencySnapshot> {
  const snap = await loadSnapshot(tx);
  const next = mutate([...snap.all.list()]);
  try {
    createAgencyDirectory(next);
  } catch (err) {
    const issues = (err as { issues?: Issue[] }).issues ?? [];
    throw errors.unprocessable(
      'agency_tree',
      { vi: 'Cây cơ quan không hợp lệ sau thay đổi này', en: 'The agency tree would become invalid' },
      issues,
    );
  }
  return snap;
}

export async function createAgency(tx: Executor, input: NewAgency, who: Who): Promise<void> {
  const issues: Issue[] = [];
  if (!AGENCY_CODE.test(input.code) || input.code.length > 64)
    issues.push(
      issue(
        '/body/code',
        'pattern',
        'Mã cơ quan không đúng định dạng QCVN 102',
        'The agency code does not have the QCVN 102 shape',
      ),
    );
  const kind = await tx.select().from(agencyKinds).where(eq(agencyKinds.id, input.kind));
  if (!kind[0])
    issues.push(
      issue(
        '/body/kind',
        'unknown-kind',
        `Loại cơ quan "${input.kind}" không có trong danh mục`,
        `Unknown agency kind "${input.kind}"`,
      ),
    );
  const cal = await tx
    .select({ id: calendars.id, owner: calendars.ownerCode })
    .from(calendars)
    .where(eq(calendars.id, input.calendarId));
  if (cal[0] && !(await calendarSharedWith(tx, cal[0].owner, input.parent, input.code)))
    issues.push(notShared(input.calendarId));
  if (!cal[0])
    issues.push(
      issue(
        '/body/calendarId',
        'unknown-calendar',
        `Không có lịch làm việc "${input.calendarId}"`,
        `No calendar "${input.calendarId}"`,
      ),
    );
  const existing = await tx.select({ code: agencies.code }).from(agencies).where(eq(agencies.code, input.code));
  if (existing[0])
    throw errors.conflict('agency_exists', {
      vi: `Mã cơ quan "${input.code}" đã tồn tại`,
      en: `Agency code "${input.code}" already exists`,
    });
  if (issues.length) throw errors.invalid(issues);
  const at = new Date(who.at);
  await tx.insert(agencies).values({
    code: input.code,
    name: input.name,
    kind: input.kind,
    parentCode: input.parent,
    calendarId: input.calendarId,
    createdAt: at,
    updatedAt: at,
  });
  await tx.insert(agencyHistory).values({
    agencyCode: input.code,
    at,
    change: 'created',
    before: null,
    after: input,
    actorId: who.actorId,
    reason: null,
  });
  await bumpAgencyRevision(tx);
}

export interface AgencyPatch {
  name?: LocalizedText;
  calendarId?: string;
  kind?: string;
  reason?: string;
  /** Optimistic concurrency: the revision the client read. */
  revision?: number;
}

/**
 * May an agency use a calendar? Its deadlines move with it, so only a calendar with no owner
 * (province-wide), its own, or one an agency above it maintains — never a sibling's or another
 * branch's, whose administrators would then move this agency's deadlines.
 */
async function calendarSharedWith(
  tx: Executor,
  owner: string | null,
  parent: string | null,
  self: string,
): Promise<boolean> {
  if (owner === null || owner === self) return true;
  let at = parent;
  for (let i = 0; at !== null && i < 64; i++) {
    if (at === owner) return true;
    const row = await tx.select({ parent: agencies.parentCode }).from(agencies).where(eq(agencies.code, at));
    at = row[0]?.parent ?? null;
  }
  return false;
}

function notShared(calendarId: string) {
  return issue(
    '/body/calendarId',
    'calendar-not-shared',
    `Lịch làm việc "${calendarId}" thuộc cơ quan khác, không được dùng chung cho cơ quan này`,
    `Calendar "${calendarId}" belongs to another agency and is not shared with this one`,
  );
}

/** Renames an agency, changes its calendar or kind. Old dossiers keep the code; history keeps the old name. */
export async function updateAgency(tx: Executor, code: string, patch: AgencyPatch, who: Who): Promise<void> {
  const rows = await tx.select().from(agencies).where(eq(agencies.code, code)).for('update');
  const a = rows[0];
  if (!a) throw errors.notFound({ vi: 'Không tìm thấy cơ quan', en: 'Agency not found' });
  if (patch.revision !== undefined && patch.revision !== a.revision) {
    throw errors.conflict(
      'stale',
      { vi: 'Cơ quan đã bị người khác thay đổi, hãy tải lại', en: 'The agency was changed by someone else; reload it' },
      { revision: a.revision },
    );
  }
  if (patch.calendarId !== undefined) {
    const cal = await tx
      .select({ id: calendars.id, owner: calendars.ownerCode })
      .from(calendars)
      .where(eq(calendars.id, patch.calendarId));
    if (
      cal[0] &&
      patch.calendarId !== a.calendarId &&
      !(await calendarSharedWith(tx, cal[0].owner, a.parentCode, code))
    )
      throw errors.invalid([notShared(patch.calendarId)]);
    if (!cal[0])
      throw errors.invalid([
        issue(
          '/body/calendarId',
          'unknown-calendar',
          `Không có lịch làm việc "${patch.calendarId}"`,
          `No calendar "${patch.calendarId}"`,
        ),
      ]);
  }
  if (patch.kind !== undefined) {
    const kind = await tx.select().from(agencyKinds).where(eq(agencyKinds.id, patch.kind));
    if (!kind[0])
      throw errors.invalid([
        issue(
          '/body/kind',
          'unknown-kind',
          `Loại cơ quan "${patch.kind}" không có trong danh mục`,
          `Unknown agency kind "${patch.kind}"`,
        ),
      ]);
  }
  const at = new Date(who.at);
  const changes: [string, unknown, unknown][] = [];
  if (patch.name && JSON.stringify(patch.name) !== JSON.stringify(a.name))
    changes.push(['renamed', { name: a.name }, { name: patch.name }]);
  if (patch.calendarId && patch.calendarId !== a.calendarId)
    changes.push(['calendar', { calendarId: a.calendarId }, { calendarId: patch.calendarId }]);
  if (patch.kind && patch.kind !== a.kind) changes.push(['kind', { kind: a.kind }, { kind: patch.kind }]);
  if (!changes.length) return;
  await tx
    .update(agencies)
    .set({
      name: patch.name ?? a.name,
      calendarId: patch.calendarId ?? a.calendarId,
      kind: patch.kind ?? a.kind,
      updatedAt: at,
      revision: a.revision + 1,
    })
    .where(eq(agencies.code, code));
  for (const [change, before, after] of changes) {
    await tx
      .insert(agencyHistory)
      .values({ agencyCode: code, at, change, before, after, actorId: who.actorId, reason: patch.reason ?? null });
  }
  await bumpAgencyRevision(tx);
}

/** Moves an agency under another parent (a reorganisation). */
export async function moveAgency(
  tx: Executor,
  code: string,
  parent: string,
  reason: string | null,
  who: Who,
): Promise<void> {
  const rows = await tx.select().from(agencies).where(eq(agencies.code, code)).for('update');
  const a = rows[0];
  if (!a) throw errors.notFound({ vi: 'Không tìm thấy cơ quan', en: 'Agency not found' });
  if (a.parentCode === parent) return;
  await checkTree(tx, (list) => list.map((x) => (x.code === code ? { ...x, parent } : x)));
  const at = new Date(who.at);
  await tx
    .update(agencies)
    .set({ parentCode: parent, updatedAt: at, revision: a.revision + 1 })
    .where(eq(agencies.code, code));
  await tx.insert(agencyHistory).values({
    agencyCode: code,
    at,
    change: 'moved',
    before: { parent: a.parentCode },
    after: { parent },
    actorId: who.actorId,
    reason,
  });
  await bumpAgencyRevision(tx);
}

/**
 * Merges `code` into `into`: `code` stops receiving new dossiers (inactive, successor set), its
 * children move under `into`, and every dossier that references `code` keeps doing so.
 */
export async function mergeAgency(tx: Executor, code: string, into: string, reason: string, who: Who): Promise<void> {
  if (code === into)
    throw errors.invalid([
      issue(
        '/body/into',
        'same-agency',
        'Không thể sáp nhập cơ quan vào chính nó',
        'An agency cannot be merged into itself',
      ),
    ]);
  const rows = await tx.select().from(agencies).where(eq(agencies.code, code)).for('update');
  const a = rows[0];
  if (!a) throw errors.notFound({ vi: 'Không tìm thấy cơ quan', en: 'Agency not found' });
  if (!a.active)
    throw errors.conflict('inactive', { vi: 'Cơ quan đã ngừng hoạt động', en: 'The agency is already inactive' });
  const target = await tx.select().from(agencies).where(eq(agencies.code, into));
  if (!target[0] || !target[0].active) {
    throw errors.invalid([
      issue(
        '/body/into',
        'unknown-agency',
        `Cơ quan nhận sáp nhập "${into}" không tồn tại hoặc đã ngừng hoạt động`,
        `The successor "${into}" does not exist or is inactive`,
      ),
    ]);
  }
  const snap = await checkTree(tx, (list) => list.map((x) => (x.parent === code ? { ...x, parent: into } : x)));
  if (snap.all.isInSubtree(into, code)) {
    throw errors.invalid([
      issue(
        '/body/into',
        'inside',
        'Không thể sáp nhập vào một cơ quan cấp dưới của chính nó',
        'An agency cannot be merged into one of its own descendants',
      ),
    ]);
  }
  const at = new Date(who.at);
  for (const child of snap.all.childrenOf(code)) {
    await tx.update(agencies).set({ parentCode: into, updatedAt: at }).where(eq(agencies.code, child.code));
    await tx.insert(agencyHistory).values({
      agencyCode: child.code,
      at,
      change: 'moved',
      before: { parent: code },
      after: { parent: into },
      actorId: who.actorId,
      reason: `merge of ${code}`,
    });
  }
  await tx
    .update(agencies)
    .set({ active: false, successorCode: into, updatedAt: at, revision: a.revision + 1 })
    .where(eq(agencies.code, code));
  await tx.insert(agencyHistory).values({
    agencyCode: code,
    at,
    change: 'merged',
    before: { active: true },
    after: { active: false, successor: into },
    actorId: who.actorId,
    reason,
  });
  await bumpAgencyRevision(tx);
}

/** Stores a calendar after core has validated it (400 with pointers into the body otherwise). */
export function checkCalendar(data: unknown, pointer = '/body/calendar'): Calendar {
  const parsed = parseCalendar(data);
  if (!parsed.ok) throw errors.invalid(parsed.issues.map((i) => ({ ...i, pointer: pointer + i.pointer })));
  return parsed.calendar;
}

export async function createCalendar(
  tx: Executor,
  id: string,
  name: LocalizedText,
  ownerCode: string | null,
  data: unknown,
  at: number,
): Promise<void> {
  const calendar = checkCalendar(data);
  const existing = await tx.select({ id: calendars.id }).from(calendars).where(eq(calendars.id, id));
  if (existing[0])
    throw errors.conflict('calendar_exists', { vi: `Lịch "${id}" đã tồn tại`, en: `Calendar "${id}" already exists` });
  await tx.insert(calendars).values({ id, name, ownerCode, data: calendar, updatedAt: new Date(at) });
  await bumpAgencyRevision(tx);
}

/**
 * Replaces a calendar. Due instants already given are stored on dossiers and never move; the
 * new calendar applies to deadlines computed from now on.
 */
export async function updateCalendar(
  tx: Executor,
  id: string,
  patch: { name?: LocalizedText; data: unknown; revision?: number },
  at: number,
): Promise<number> {
  const calendar = checkCalendar(patch.data);
  const rows = await tx.select().from(calendars).where(eq(calendars.id, id)).for('update');
  const c = rows[0];
  if (!c) throw errors.notFound({ vi: 'Không tìm thấy lịch làm việc', en: 'Calendar not found' });
  if (patch.revision !== undefined && patch.revision !== c.revision) {
    throw new HttpError(
      409,
      'stale',
      { vi: 'Lịch đã bị người khác thay đổi, hãy tải lại', en: 'The calendar was changed by someone else; reload it' },
      undefined,
      { revision: c.revision },
    );
  }
  await tx
    .update(calendars)
    .set({ name: patch.name ?? c.name, data: calendar, revision: c.revision + 1, updatedAt: new Date(at) })
    .where(eq(calendars.id, id));
  await bumpAgencyRevision(tx);
  return c.revision + 1;
}
