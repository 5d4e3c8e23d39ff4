import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { ACTIONS, canonicalJson, replay, type DossierEvent, type Message } from '@motcua/core';
import { execute, type Executor } from '../db/client.ts';
import { dossierEvents, dossiers } from '../db/schema/index.ts';
import { GENESIS_HASH, eventHash } from '../dossiers/event-hash.ts';

export type BreakKind =
  /** The event's content no longer gives its recorded hash: edited. */
  | 'hash-mismatch'
  /** The event does not point to the hash of the one before it: inserted, removed or reordered. */
  | 'prev-mismatch'
  /** The sequence has a hole or the event sits at another position than it was recorded at. */
  | 'sequence'
  /** A column copied from the event (kind, time, actor, statuses) disagrees with the event. */
  | 'column-mismatch'
  /** Fewer or more events than the dossier recorded: e.g. its last event was deleted. */
  | 'count-mismatch'
  /** The chain does not end at the head hash the dossier recorded. */
  | 'head-mismatch'
  /** The dossier's stored state is not the replay of its events. */
  | 'state-mismatch'
  /** The events cannot even be replayed. */
  | 'unreadable'
  /** A code the daily sequence issued belongs to no dossier: a whole dossier was deleted. */
  | 'missing-dossier';

/** The first broken link of one dossier's chain. */
export interface BrokenLink {
  /** Null for a dossier that no longer exists (`missing-dossier`). */
  dossierId: string | null;
  code: string | null;
  /** The event where the chain breaks (for count/head problems: the first missing or extra one). */
  seq: number | null;
  kind: BreakKind;
  message: Message;
}

export interface AuditResult {
  dossiers: number;
  events: number;
  broken: BrokenLink[];
}

export interface VerifyOptions {
  /** Only this dossier. */
  code?: string;
  /** Also check each dossier's stored state against the replay of its events (default true). */
  checkState?: boolean;
  /**
   * Also check that every code the daily sequences issued belongs to a dossier (default true when
   * every dossier is verified): codes are gapless, so a deleted dossier leaves a hole.
   */
  checkSequences?: boolean;
  /** Dossiers per round trip. */
  batch?: number;
  onProgress?: (done: number) => void;
}

type EventRow = {
  dossierId: string;
  seq: number;
  kind: string;
  at: Date;
  actorKind: string;
  actorId: string | null;
  fromStatus: number | null;
  toStatus: number;
  public: boolean;
  event: unknown;
  prevHash: string;
  hash: string;
};

/**
 * Checks every dossier's hash chain: each event's hash is recomputed over the canonical JSON of
 * the event and the previous hash; the chain must run 1, 2, 3… without a hole, end at the head hash
 * and count the dossier keeps (so a deleted last event is caught), the columns copied from the
 * event must agree with it, and the stored state must be the replay of the events. The first
 * broken link of each dossier is reported.
 */
export async function verifyChains(db: Executor, options: VerifyOptions = {}): Promise<AuditResult> {
  const batch = options.batch ?? 500;
  const result: AuditResult = { dossiers: 0, events: 0, broken: [] };
  let after: string | null = null;
  for (;;) {
    const conds: SQL[] = [
      ...(options.code !== undefined ? [eq(dossiers.code, options.code)] : []),
      ...(after !== null ? [gt(dossiers.id, after)] : []),
    ];
    const heads: { id: string; code: string | null; headHash: string; eventCount: number; state: unknown }[] = await db
      .select({
        id: dossiers.id,
        code: dossiers.code,
        headHash: dossiers.headHash,
        eventCount: dossiers.eventCount,
        state: dossiers.state,
      })
      .from(dossiers)
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(asc(dossiers.id))
      .limit(batch);
    if (!heads.length) break;
    after = heads.at(-1)!.id;
    const rows = (await db
      .select({
        dossierId: dossierEvents.dossierId,
        seq: dossierEvents.seq,
        kind: dossierEvents.kind,
        at: dossierEvents.at,
        actorKind: dossierEvents.actorKind,
        actorId: dossierEvents.actorId,
        fromStatus: dossierEvents.fromStatus,
        toStatus: dossierEvents.toStatus,
        public: dossierEvents.public,
        event: dossierEvents.event,
        prevHash: dossierEvents.prevHash,
        hash: dossierEvents.hash,
      })
      .from(dossierEvents)
      .where(
        inArray(
          dossierEvents.dossierId,
          heads.map((h) => h.id),
        ),
      )
      .orderBy(asc(dossierEvents.dossierId), asc(dossierEvents.seq))) as EventRow[];
    const byDossier = new Map<string, EventRow[]>();
    for (const r of rows) {
      let list = byDossier.get(r.dossierId);
      if (!list) byDossier.set(r.dossierId, (list = []));
      list.push(r);
    }
    for (const h of heads) {
      const events = byDossier.get(h.id) ?? [];
      result.dossiers++;
      result.events += events.length;
      const broken = checkChain(h, events, options.checkState ?? true);
      if (broken) result.broken.push(broken);
    }
    options.onProgress?.(result.dossiers);
    if (heads.length < batch) break;
  }
  if (options.code === undefined && (options.checkSequences ?? true))
    result.broken.push(...(await missingDossiers(db)));
  return result;
}

/**
 * Codes the daily per-agency sequences issued that no dossier carries. Intake allocates them
 * gaplessly (a refused submission consumes none), so a hole is a deleted dossier. Days that hold
 * dossiers imported from a legacy system are skipped: their numbering was the old system's.
 */
export async function missingDossiers(db: Executor): Promise<BrokenLink[]> {
  const imported = new Set(
    (
      await execute<{ prefix: string }>(
        db,
        sql`select distinct regexp_replace(code, '-[0-9]+$', '') as prefix from dossiers where imported and code is not null`,
      )
    ).map((r) => r.prefix),
  );
  const rows = await execute<{ prefix: string; last: number; missing: number[] }>(
    db,
    sql`select s.agency_code || '-' || to_char(s.day, 'YYMMDD') as prefix, s.last, m.missing
        from dossier_sequences s
        cross join lateral (
          select array_agg(n order by n) as missing from generate_series(1, s.last) n
          where not exists (select 1 from dossiers d where d.code = s.agency_code || '-' || to_char(s.day, 'YYMMDD') || '-' || case when n < 10000 then lpad(n::text, 4, '0') else n::text end)
        ) m
        where m.missing is not null
        order by s.agency_code, s.day`,
  );
  const code = (prefix: string, n: number) => `${prefix}-${String(n).padStart(4, '0')}`;
  return rows
    .filter((r) => !imported.has(r.prefix))
    .map((r) => {
      const list =
        r.missing
          .slice(0, 5)
          .map((n) => code(r.prefix, n))
          .join(', ') + (r.missing.length > 5 ? ', …' : '');
      return {
        dossierId: null,
        code: code(r.prefix, r.missing[0]!),
        seq: null,
        kind: 'missing-dossier' as const,
        message: {
          vi: `Thiếu ${r.missing.length} hồ sơ trong dãy số đã cấp (đến số ${r.last}): ${list}`,
          en: `${r.missing.length} dossier(s) missing from the issued sequence (up to ${r.last}): ${list}`,
        },
      };
    });
}

function checkChain(
  h: { id: string; code: string | null; headHash: string; eventCount: number; state: unknown },
  events: EventRow[],
  checkState: boolean,
): BrokenLink | null {
  const at = (seq: number | null, kind: BreakKind, vi: string, en: string): BrokenLink => ({
    dossierId: h.id,
    code: h.code,
    seq,
    kind,
    message: { vi, en },
  });
  let prev = GENESIS_HASH;
  for (let i = 0; i < events.length; i++) {
    const r = events[i]!;
    const expected = i + 1;
    if (r.seq !== expected) {
      return at(
        expected,
        'sequence',
        `Thiếu sự kiện số ${expected} (gặp số ${r.seq})`,
        `Event ${expected} is missing (found ${r.seq} instead)`,
      );
    }
    const e = r.event as DossierEvent;
    if (r.prevHash !== prev) {
      return at(
        r.seq,
        'prev-mismatch',
        `Sự kiện ${r.seq} không nối tiếp mã băm của sự kiện trước`,
        `Event ${r.seq} does not link to the previous event's hash`,
      );
    }
    if (eventHash(h.id, prev, e) !== r.hash) {
      return at(
        r.seq,
        'hash-mismatch',
        `Nội dung sự kiện ${r.seq} đã bị sửa (mã băm không khớp)`,
        `Event ${r.seq} was altered: its content no longer gives its hash`,
      );
    }
    if (e.seq !== r.seq) {
      return at(
        r.seq,
        'sequence',
        `Sự kiện ở vị trí ${r.seq} mang số ${e.seq}: thứ tự đã bị đổi`,
        `The event at position ${r.seq} says it is number ${e.seq}: the order was changed`,
      );
    }
    const columnsAgree =
      r.kind === e.kind &&
      r.at.getTime() === e.at &&
      r.actorKind === e.actor.kind &&
      r.actorId === (e.actor.id ?? null) &&
      r.fromStatus === e.fromStatus &&
      r.toStatus === e.toStatus &&
      r.public === ACTIONS[e.kind]?.public;
    if (!columnsAgree) {
      return at(
        r.seq,
        'column-mismatch',
        `Các cột của sự kiện ${r.seq} (loại, thời điểm, người thực hiện, trạng thái) khác nội dung đã ký`,
        `The columns of event ${r.seq} (kind, time, actor, statuses) differ from its hashed content`,
      );
    }
    prev = r.hash;
  }
  if (events.length !== h.eventCount) {
    const seq = Math.min(events.length, h.eventCount) + 1;
    return events.length < h.eventCount
      ? at(
          seq,
          'count-mismatch',
          `Hồ sơ ghi ${h.eventCount} sự kiện nhưng chỉ còn ${events.length}: sự kiện ${seq} trở đi đã bị xóa`,
          `The dossier records ${h.eventCount} events but ${events.length} remain: event ${seq} onwards was deleted`,
        )
      : at(
          seq,
          'count-mismatch',
          `Hồ sơ ghi ${h.eventCount} sự kiện nhưng có ${events.length}: sự kiện ${seq} trở đi được thêm ngoài quy trình`,
          `The dossier records ${h.eventCount} events but has ${events.length}: event ${seq} onwards was added outside the workflow`,
        );
  }
  if (prev !== h.headHash) {
    return at(
      events.length || null,
      'head-mismatch',
      'Chuỗi sự kiện không kết thúc ở mã băm đầu chuỗi hồ sơ đã ghi',
      'The chain does not end at the head hash the dossier recorded',
    );
  }
  if (checkState && events.length) {
    let replayed: string;
    try {
      replayed = canonicalJson(replay(events.map((r) => r.event as DossierEvent)));
    } catch (err) {
      return at(
        null,
        'unreadable',
        `Không dựng lại được trạng thái từ các sự kiện: ${(err as Error).message}`,
        `The events cannot be replayed: ${(err as Error).message}`,
      );
    }
    if (replayed !== canonicalJson(h.state)) {
      return at(
        null,
        'state-mismatch',
        'Trạng thái lưu của hồ sơ khác trạng thái dựng lại từ các sự kiện',
        'The stored state of the dossier differs from the replay of its events',
      );
    }
  }
  return null;
}
