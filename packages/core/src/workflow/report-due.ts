import type { DossierState, DueChange } from './types.ts';

/**
 * The due instant reports classify against, in force from each change on: the appointment moved
 * by acceptance and by clock pauses, never by an apology (phiếu xin lỗi và hẹn lại ngày trả kết
 * quả). An apology is for a dossier that will be late; its new appointment drives the tracking view
 * and reminders (`DossierState.dueAt`) but does not make the dossier on time (DOMAIN.md, deadlines).
 *
 * A pause that ends after an apology moves both instants; the event then records the report's own
 * (`DueChange.reportDueAt`). Logs written before that field existed fall back to moving the report
 * due by the same number of milliseconds as the appointment.
 */
export function reportDueHistory(history: readonly DueChange[]): { from: number; dueAt: number }[] {
  const out: { from: number; dueAt: number }[] = [];
  let appointment: number | null = null;
  let report: number | null = null;
  for (const d of history) {
    if (d.cause === 'extend') {
      appointment = d.dueAt;
      continue;
    }
    if (d.cause === 'accept' || report === null || appointment === null) report = d.dueAt;
    else if (d.reportDueAt !== undefined) report = d.reportDueAt;
    else report = appointment === report ? d.dueAt : report + (d.dueAt - appointment);
    appointment = d.dueAt;
    out.push({ from: d.at, dueAt: report });
  }
  return out;
}

/** The report's due instant now (null before acceptance). */
export function reportDueAt(state: Pick<DossierState, 'dueHistory'>): number | null {
  return reportDueHistory(state.dueHistory).at(-1)?.dueAt ?? null;
}
