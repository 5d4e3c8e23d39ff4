import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import {
  addDays,
  formatInstant,
  formatVnDate,
  replay,
  zonedInstant,
  type DossierEvent,
  type Period,
  type SubmitterIdentity,
} from '@motcua/core';
import type { ServerContext } from '../context.ts';
import { dossierEvents, dossiers } from '../db/schema/index.ts';
import { loadVersion } from '../procedures/catalog.ts';
import type { LogbookRow } from './logbook-export.ts';

/** The most rows one logbook request returns (a longer period is asked for in parts). */
export const LOGBOOK_MAX_ROWS = 50_000;

export class LogbookTooLarge extends Error {
  constructor(readonly count: number) {
    super(`logbook of ${count} rows`);
    this.name = 'LogbookTooLarge';
  }
}

const nonBlank = (s: string | null | undefined) => (s && s.trim() ? s.trim() : undefined);

/**
 * Sổ theo dõi hồ sơ of one agency: every dossier it received in the period (by submission, in the
 * agency's zone), one row each, built from the dossier's events — received (accepted), the
 * appointment fixed then, when the result came back to the counter, who handed it to whom, and a
 * note of what else happened (refusal, supplement, liên thông, extension, stop, withdrawal).
 */
export async function logbookRows(
  ctx: ServerContext,
  agency: string,
  period: Period,
): Promise<{ rows: LogbookRow[]; dossierIds: string[] }> {
  const snap = await ctx.agencies.get();
  const tz = snap.timeZoneOf(agency);
  const start = new Date(zonedInstant(period.from, '00:00', tz));
  const end = new Date(zonedInstant(addDays(period.to, 1), '00:00', tz));
  const list = await ctx.db
    .select({
      id: dossiers.id,
      code: dossiers.code,
      procedureCode: dossiers.procedureCode,
      procedureVersion: dossiers.procedureVersion,
      applicantName: dossiers.applicantName,
      applicantAddress: dossiers.applicantAddress,
      applicantPhone: dossiers.applicantPhone,
      submitter: dossiers.submitter,
    })
    .from(dossiers)
    .where(and(eq(dossiers.receivingAgency, agency), gte(dossiers.submittedAt, start), lt(dossiers.submittedAt, end)))
    .orderBy(asc(dossiers.submittedAt), asc(dossiers.code))
    .limit(LOGBOOK_MAX_ROWS + 1);
  if (list.length > LOGBOOK_MAX_ROWS) throw new LogbookTooLarge(list.length);
  const events = new Map<string, DossierEvent[]>();
  for (let i = 0; i < list.length; i += 1000) {
    const ids = list.slice(i, i + 1000).map((d) => d.id);
    const rows = await ctx.db
      .select({ dossierId: dossierEvents.dossierId, event: dossierEvents.event })
      .from(dossierEvents)
      .where(inArray(dossierEvents.dossierId, ids))
      .orderBy(asc(dossierEvents.dossierId), asc(dossierEvents.seq));
    for (const r of rows) {
      let l = events.get(r.dossierId);
      if (!l) events.set(r.dossierId, (l = []));
      l.push(r.event as DossierEvent);
    }
  }
  const iso = (t: number) => formatInstant(t, tz);
  const name = (code: string) => snap.records.get(code)?.name.vi ?? code;
  const out: LogbookRow[] = [];
  for (const d of list) {
    const log = events.get(d.id) ?? [];
    if (!log.length) continue;
    const state = replay(log);
    const version = await loadVersion(ctx, d.procedureCode, d.procedureVersion);
    const acceptance =
      log.find((e) => e.kind === 'accept') ?? log.find((e) => e.kind === 'submit' && e.data.acceptance);
    const firstDue = acceptance
      ? acceptance.kind === 'accept'
        ? acceptance.data.dueAt
        : acceptance.kind === 'submit'
          ? acceptance.data.acceptance!.dueAt
          : null
      : null;
    const resultAt = log.find(
      (e) => e.kind === 'approve' || e.kind === 'deny' || (e.kind === 'receive_external' && e.data.finish),
    )?.at;
    // The counter's hand-over to the unit that handles it (Chuyển hồ sơ đến cơ quan giải quyết).
    const forwarded = state.handovers.find((h) => h.from.step === null && h.to.step !== null);
    const returned = log.find((e) => e.kind === 'return_result' && e.data.closes === 'returned');
    const notes: string[] = [];
    if (state.channel === 'online') notes.push('Nộp trực tuyến');
    else if (state.channel === 'postal') notes.push('Nhận qua bưu chính');
    if (!acceptance && state.status === 3) notes.push(`Từ chối tiếp nhận: ${state.refusalReasons.join('; ')}`);
    else if (!acceptance && state.status !== 7) notes.push('Chưa tiếp nhận');
    for (const e of log) {
      if (e.kind === 'request_supplement') notes.push(`Yêu cầu bổ sung ngày ${formatVnDate(e.at, tz)}`);
      // The applicant's submission ends the pause (not staff acceptance): date it from that event.
      if (e.kind === 'supplement_provided') notes.push(`Đã bổ sung ngày ${formatVnDate(e.at, tz)}`);
      if (e.kind === 'extend') notes.push(`Xin lỗi, hẹn lại ngày ${formatVnDate(e.data.dueAt, tz)}: ${e.data.reason}`);
      if (e.kind === 'forward' && e.data.handover.interAgency)
        notes.push(`Liên thông: chuyển ${name(e.data.handover.to.agency)}`);
    }
    if (state.outcome === 'denied') notes.push('Từ chối giải quyết');
    if (state.status === 7) notes.push('Rút hồ sơ');
    if (state.stoppedAt !== null) notes.push(`Dừng xử lý: ${state.stopReason ?? ''}`.trim());
    const submitter = d.submitter as SubmitterIdentity | null;
    const receiver = nonBlank(submitter?.fullName) ?? nonBlank(d.applicantName);
    const address = nonBlank(d.applicantAddress);
    const phone = nonBlank(d.applicantPhone);
    const returnedBy = returned ? nonBlank(returned.actor.name) : undefined;
    const note = notes.join('. ');
    out.push({
      dossierCode: d.code!,
      content: version?.definition.title.vi ?? d.procedureCode,
      sets: 1,
      applicantName: nonBlank(d.applicantName) ?? 'Chưa ghi tên',
      ...(address ? { address } : {}),
      ...(phone ? { phone } : {}),
      leadAgency: name(state.responsibleAgency ?? state.receivingAgency),
      receivedAt: iso(acceptance?.at ?? state.submittedAt),
      ...(firstDue !== null ? { appointmentAt: iso(firstDue) } : {}),
      ...(forwarded ? { forwardedAt: iso(forwarded.at) } : {}),
      ...(resultAt !== undefined ? { resultReceivedAt: iso(resultAt) } : {}),
      ...(returned
        ? {
            ...(returnedBy ? { returnedBy } : {}),
            ...(receiver ? { returnedTo: receiver } : {}),
            returnedAt: iso(returned.at),
          }
        : {}),
      ...(note ? { note } : {}),
    });
  }
  return { rows: out, dossierIds: list.map((d) => d.id) };
}
