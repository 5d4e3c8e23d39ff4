import { emptyRow, type Bieu06Row } from './bieu06-row.ts';
import { overdueAtEndOfDay, type ReportFacts } from './facts.ts';
import { dayOf, type Period } from './period.ts';

/**
 * One dossier's 0/1 contribution to Biểu 06 for a period, computed directly from its facts. The
 * report for a set of dossiers is the sum of their contributions (and equals `reportFromLedger`).
 */
export function contribution(f: ReportFacts, period: Period): Bieu06Row {
  const row = emptyRow();
  const accepted = dayOf(f.acceptedAt, f.timeZone);
  if (accepted > period.to) return row;
  const endDay = f.end ? dayOf(f.end.at, f.timeZone) : null;
  if (endDay !== null && endDay < period.from) return row;
  const inPeriodEnd = f.end !== null && endDay! <= period.to;
  // The form has no place for a dossier withdrawn or stopped in the period: only the annex counts it.
  if (inPeriodEnd && f.end!.kind !== 'resolved') {
    if (f.end!.kind === 'withdrawn') row.withdrawn = 1;
    else row.stopped = 1;
    return row;
  }
  row.received = 1;
  if (accepted < period.from) row.carriedOver = 1;
  else if (f.channel === 'online') row.online = 1;
  else row.directOrPostal = 1;
  if (inPeriodEnd && f.end!.kind === 'resolved') {
    row.resolved = 1;
    if (f.end!.class === 'early') row.early = 1;
    else if (f.end!.class === 'on-time') row.onTime = 1;
    else row.late = 1;
    return row;
  }
  row.inProgress = 1;
  if (overdueAtEndOfDay(f, period.to)) row.overdue = 1;
  else row.withinDeadline = 1;
  return row;
}
