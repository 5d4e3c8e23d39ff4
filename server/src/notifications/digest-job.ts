import { sql } from 'drizzle-orm';
import {
  addDays,
  localDate,
  queueById,
  renderDigest,
  wallTime,
  zonedInstant,
  type DigestAgency,
  type DigestDossier,
  type LocalizedText,
} from '@motcua/core';
import type { Logger } from 'pino';
import { execute, type Executor } from '../db/client.ts';
import type { Clock } from '../config/clock.ts';
import type { AgencySnapshot } from '../agency-directory/cache.ts';
import { queueBase, queueConditions } from '../inbox/queue-sql.ts';
import type { Mailer } from './mailer.ts';

export interface DigestJobOptions {
  db: Executor;
  clock: Clock;
  agencies: () => Promise<AgencySnapshot>;
  mailer: Mailer;
  /** The province's zone: whose day the digest is of. */
  timeZone: string;
  /** From this local hour on, the day's digests go out. */
  hour: number;
  workspaceUrl: string;
  log?: Pick<Logger, 'warn' | 'info'>;
  leaseMs?: number;
  /** Attempts per staff member and day before giving up (the error stays on the row). */
  maxAttempts?: number;
}

const OVERDUE = queueById('overdue')!;
const DUE_SOON = queueById('due-soon')!;
const LIST_LIMIT = 200;

/** One agency's overdue and due-today dossiers: the staff inbox's own queue conditions (unit scope). */
async function dueAt(db: Executor, agency: string, now: number, endOfDay: number): Promise<Omit<DigestAgency, 'name'>> {
  const viewer = { agency, staffId: null, roles: [], scope: 'unit' as const, now, soonUntil: endOfDay };
  const list = async (q: typeof OVERDUE) => {
    const rows = await execute<{ code: string; title: LocalizedText; due_at: Date | string }>(
      db,
      sql`select d.code, v.definition -> 'title' as title, d.due_at
            from dossiers d join procedure_versions v on v.code = d.procedure_code and v.version = d.procedure_version
           where ${sql.join([queueBase(q, agency).where, ...queueConditions(q, viewer)], sql` and `)}
           order by d.due_at, d.code limit ${LIST_LIMIT}`,
    );
    return rows.map((r): DigestDossier => ({
      code: r.code,
      procedureName: r.title,
      dueAt: new Date(r.due_at).getTime(),
    }));
  };
  return { code: agency, overdue: await list(OVERDUE), dueToday: await list(DUE_SOON) };
}

/**
 * The staff daily digest, run by every process's worker: once the day's hour has come, the day's
 * rows (one per active staff member with an e-mail address) are created by whichever process gets
 * there first, then claimed with SKIP LOCKED and a lease, so each goes out once; a crash between
 * the send and "sent" sends it again after the lease, with the same Message-ID.
 */
export function digestJob(o: DigestJobOptions): { run(): Promise<number> } {
  const leaseMs = o.leaseMs ?? 120_000;
  const maxAttempts = o.maxAttempts ?? 5;

  async function sendOne(staffId: string, day: string, now: number, snap: AgencySnapshot): Promise<number> {
    const [who] = await execute<{ full_name: string; email: string }>(
      o.db,
      sql`select full_name, email from staff where id = ${staffId}::uuid and active and email is not null`,
    );
    if (!who) return 0;
    const codes = await execute<{ agency_code: string }>(
      o.db,
      sql`select distinct r.agency_code from staff_roles r join agencies a on a.code = r.agency_code
           where r.staff_id = ${staffId}::uuid and a.active order by r.agency_code`,
    );
    const agencies: DigestAgency[] = [];
    for (const { agency_code: code } of codes) {
      const tz = snap.timeZoneOf(code);
      const endOfDay = zonedInstant(addDays(localDate(now, tz), 1), '00:00', tz);
      agencies.push({
        ...(await dueAt(o.db, code, now, endOfDay)),
        name: snap.records.get(code)?.name ?? { vi: code },
      });
    }
    const digest = renderDigest({
      staffName: who.full_name,
      day: now,
      timeZone: o.timeZone,
      agencies,
      workspaceUrl: o.workspaceUrl,
    });
    if (digest)
      await o.mailer.send({
        to: who.email,
        subject: digest.subject,
        text: digest.text,
        messageId: `<motcua.digest.${day}.${staffId}@${o.mailer.domain}>`,
      });
    return digest?.count ?? 0;
  }

  async function run(): Promise<number> {
    const now = o.clock.now();
    if (wallTime(now, o.timeZone).hour < o.hour) return 0;
    const day = localDate(now, o.timeZone);
    // A month of digests is kept (what went out, what failed); older rows go.
    await execute(o.db, sql`delete from staff_digests where day < ${addDays(day, -31)}::date`);
    await execute(
      o.db,
      sql`insert into staff_digests (staff_id, day)
          select id, ${day}::date from staff where active and email is not null
          on conflict do nothing`,
    );
    let sent = 0;
    const snap = await o.agencies();
    for (;;) {
      const claimed = await execute<{ staff_id: string; attempts: number }>(
        o.db,
        sql`with c as (
              select staff_id from staff_digests
               where day = ${day}::date and sent_at is null and attempts < ${maxAttempts}
                 and (locked_until is null or locked_until <= now())
               order by staff_id limit 20 for update skip locked
            )
            update staff_digests s set locked_until = now() + ${leaseMs}::int * interval '1 millisecond',
                   attempts = s.attempts + 1
              from c where s.staff_id = c.staff_id and s.day = ${day}::date
            returning s.staff_id, s.attempts`,
      );
      if (!claimed.length) return sent;
      for (const { staff_id: staffId, attempts } of claimed) {
        try {
          const count = await sendOne(staffId, day, now, snap);
          await execute(
            o.db,
            sql`update staff_digests set sent_at = now(), locked_until = null, dossiers = ${count}, last_error = null
                 where staff_id = ${staffId}::uuid and day = ${day}::date and attempts = ${attempts}`,
          );
          if (count) {
            sent++;
            // No address in the line: the staff id says who, the mailer's own line (or SMTP log) where.
            o.log?.info({ staff: staffId, day, dossiers: count }, 'staff digest sent');
          }
        } catch (err) {
          const error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
          // Tried again after a minute (the lease's hold is shortened), up to maxAttempts.
          await execute(
            o.db,
            sql`update staff_digests set locked_until = now() + interval '1 minute', last_error = ${error}
                 where staff_id = ${staffId}::uuid and day = ${day}::date and attempts = ${attempts}`,
          );
          o.log?.warn({ staff: staffId, day, attempt: attempts, error }, 'staff digest failed');
        }
      }
    }
  }

  return { run };
}
