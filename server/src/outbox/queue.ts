import { sql } from 'drizzle-orm';
import type { DossierEvent } from '@motcua/core';
import { execute, type Executor } from '../db/client.ts';

/** A dossier event as every destination receives it: no personal data, the dossier's code and state. */
export interface OutboxEvent {
  dossierId: string;
  code: string | null;
  procedureCode: string;
  seq: number;
  kind: string;
  at: string;
  fromStatus: number | null;
  toStatus: number;
  public: boolean;
}

/** One claimed outbox row: what to deliver, where, and which attempt this is (1 = first). */
export interface OutboxMessage {
  id: number;
  destination: string;
  attempt: number;
  event: OutboxEvent;
  /**
   * Core's event with its data, personal data included: for destinations inside this process
   * (whether an event calls for a notification at all), never sent out as it is.
   */
  record: DossierEvent;
}

interface ClaimedRow extends Record<string, unknown> {
  id: string | number;
  destination: string;
  attempts: number;
  dossier_id: string;
  seq: number;
  kind: string;
  at: Date | string;
  from_status: number | null;
  to_status: number;
  public: boolean;
  code: string | null;
  procedure_code: string;
  record: DossierEvent;
}

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

/**
 * Claims up to `limit` due rows for `destinations` with a lease of `leaseMs`: FOR UPDATE SKIP
 * LOCKED makes concurrent workers take disjoint rows, the lease makes a dead worker's rows due
 * again. The attempt counter goes up at the claim, so a worker killed mid-delivery still counts.
 */
export async function claimDue(
  db: Executor,
  destinations: readonly string[],
  limit: number,
  leaseMs: number,
): Promise<OutboxMessage[]> {
  if (!destinations.length) return [];
  const names = sql.join(
    destinations.map((d) => sql`${d}`),
    sql`, `,
  );
  const rows = await execute<ClaimedRow>(
    db,
    sql`with c as (
          select id from outbox
           where delivered_at is null and dead_at is null and next_at <= now()
             and (locked_until is null or locked_until <= now())
             and destination in (${names})
           order by next_at, id
           limit ${limit}
           for update skip locked
        ), u as (
          update outbox o set locked_until = now() + ${leaseMs}::int * interval '1 millisecond',
                 attempts = o.attempts + 1
            from c where o.id = c.id
          returning o.id, o.destination, o.attempts, o.dossier_id, o.seq
        )
        select u.id, u.destination, u.attempts, u.dossier_id, u.seq, e.kind, e.at, e.from_status,
               e.to_status, e.public, d.code, d.procedure_code,
               e.event as record
          from u join dossier_events e on e.dossier_id = u.dossier_id and e.seq = u.seq
                 join dossiers d on d.id = u.dossier_id
         order by u.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    destination: r.destination,
    attempt: Number(r.attempts),
    event: {
      dossierId: r.dossier_id,
      code: r.code,
      procedureCode: r.procedure_code,
      seq: Number(r.seq),
      kind: r.kind,
      at: iso(r.at),
      fromStatus: r.from_status === null ? null : Number(r.from_status),
      toStatus: Number(r.to_status),
      public: Boolean(r.public),
    },
    record: r.record,
  }));
}

/**
 * Marks a claimed row delivered (only if it is still this claim: same attempt), one statement per
 * message right after its send, so a worker killed mid-batch sends again only the message it was on.
 *
 * Its commit does not wait for the WAL flush (`synchronous_commit` off for this statement's own
 * transaction, through `set_config(…, true)`): a worker delivering a row per submission would
 * otherwise add one disk flush per submission, and each intake commit queues behind the flush in
 * progress. A killed server process loses nothing by it — PostgreSQL has the commit and writes it
 * within a fraction of a second; only a crash of PostgreSQL itself within that moment can undo a
 * mark, and the row is then sent again with its delivery id, as after a worker's death between a
 * send and its mark (at least once, receivers drop repeats by id).
 */
export async function markDelivered(db: Executor, m: OutboxMessage): Promise<void> {
  await execute(
    db,
    sql`update outbox set delivered_at = now(), locked_until = null, last_error = null
          from (select set_config('synchronous_commit', 'off', true)) as no_flush_wait
         where id = ${m.id} and attempts = ${m.attempt} and delivered_at is null`,
  );
}

/** Records a failed attempt: due again after `retryInMs`, or dead when it was the last attempt. */
export async function markFailed(
  db: Executor,
  m: OutboxMessage,
  error: string,
  retryInMs: number | null,
): Promise<void> {
  const message = error.slice(0, 500);
  if (retryInMs === null) {
    await execute(
      db,
      sql`update outbox set dead_at = now(), locked_until = null, last_error = ${message}
           where id = ${m.id} and attempts = ${m.attempt} and delivered_at is null`,
    );
    return;
  }
  await execute(
    db,
    sql`update outbox set next_at = now() + ${retryInMs}::int * interval '1 millisecond', locked_until = null,
               last_error = ${message}
         where id = ${m.id} and attempts = ${m.attempt} and delivered_at is null`,
  );
}

/** Makes the destinations the configuration names active (new events are queued for them), others not. */
export async function syncDestinations(db: Executor, names: readonly string[]): Promise<void> {
  for (const name of names) {
    await execute(
      db,
      sql`insert into outbox_destinations (name, active) values (${name}, true)
          on conflict (name) do update set active = true, updated_at = now() where outbox_destinations.active = false`,
    );
  }
  const keep = names.length
    ? sql`name not in (${sql.join(
        names.map((n) => sql`${n}`),
        sql`, `,
      )})`
    : sql`true`;
  await execute(db, sql`update outbox_destinations set active = false, updated_at = now() where active and ${keep}`);
}

export interface DeadLetter extends Record<string, unknown> {
  id: number;
  destination: string;
  dossierId: string;
  code: string | null;
  seq: number;
  kind: string;
  attempts: number;
  lastError: string | null;
  deadAt: string;
}

const within = (agencies: readonly string[] | null) =>
  agencies === null
    ? sql`true`
    : agencies.length
      ? sql`d.receiving_agency in (${sql.join(
          agencies.map((a) => sql`${a}`),
          sql`, `,
        )})`
      : sql`false`;

/** The dead-letter list (of dossiers received by `agencies`; null: all), newest first. */
export async function listDead(
  db: Executor,
  limit: number,
  agencies: readonly string[] | null = null,
): Promise<DeadLetter[]> {
  const rows = await execute(
    db,
    sql`select o.id, o.destination, o.dossier_id, d.code, o.seq, e.kind, o.attempts, o.last_error, o.dead_at
          from outbox o join dossier_events e on e.dossier_id = o.dossier_id and e.seq = o.seq
                        join dossiers d on d.id = o.dossier_id
         where o.dead_at is not null and ${within(agencies)} order by o.dead_at desc, o.id desc limit ${limit}`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    destination: String(r.destination),
    dossierId: String(r.dossier_id),
    code: (r.code as string | null) ?? null,
    seq: Number(r.seq),
    kind: String(r.kind),
    attempts: Number(r.attempts),
    lastError: (r.last_error as string | null) ?? null,
    deadAt: iso(r.dead_at as Date | string),
  }));
}

/** Puts dead rows (of dossiers received by `agencies`; null: any) back in the queue; returns the ids replayed. */
export async function replayDead(
  db: Executor,
  ids: readonly number[],
  agencies: readonly string[] | null = null,
): Promise<number[]> {
  if (!ids.length) return [];
  const rows = await execute<{ id: string | number }>(
    db,
    sql`update outbox o set dead_at = null, attempts = 0, next_at = now(), locked_until = null
          from dossiers d
         where d.id = o.dossier_id and o.dead_at is not null and ${within(agencies)} and o.id in (${sql.join(
           ids.map((i) => sql`${i}`),
           sql`, `,
         )})
     returning o.id`,
  );
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}
