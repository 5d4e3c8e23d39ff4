import type { LocalizedText } from '../i18n/text.ts';
import { formatVnDate, formatVnDateTime } from '../working-time/vietnamese-dates.ts';

/** One dossier in a staff digest. */
export interface DigestDossier {
  code: string;
  procedureName: LocalizedText;
  dueAt: number;
}

/** What is due at one of the staff member's agencies. */
export interface DigestAgency {
  code: string;
  name: LocalizedText;
  dueToday: DigestDossier[];
  overdue: DigestDossier[];
}

export interface DigestInput {
  staffName: string;
  /** The digest's day (any instant in it) and the zone it is a day of. */
  day: number;
  timeZone: string;
  agencies: DigestAgency[];
  /** The staff workspace, where the dossiers are opened. */
  workspaceUrl: string;
}

/** The staff daily digest: Vietnamese first, English second, in one plain-text e-mail. */
export function renderDigest(input: DigestInput): { subject: string; text: string; count: number } | null {
  const agencies = input.agencies.filter((a) => a.dueToday.length || a.overdue.length);
  if (!agencies.length) return null;
  const day = formatVnDate(input.day, input.timeZone);
  const due = agencies.reduce((n, a) => n + a.dueToday.length, 0);
  const late = agencies.reduce((n, a) => n + a.overdue.length, 0);
  const row = (d: DigestDossier) =>
    `  - ${d.code} — ${d.procedureName.vi} — hạn / due ${formatVnDateTime(d.dueAt, input.timeZone)}`;
  const lines = [
    `Kính gửi ${input.staffName},`,
    '',
    `Ngày ${day}: ${due} hồ sơ đến hạn trong ngày, ${late} hồ sơ quá hạn.`,
    `On ${day}: ${due} dossiers due today, ${late} overdue.`,
  ];
  for (const a of agencies) {
    lines.push('', `${a.name.vi}${a.name.en ? ` / ${a.name.en}` : ''}`);
    if (a.overdue.length) lines.push(`Quá hạn / Overdue (${a.overdue.length}):`, ...a.overdue.map(row));
    if (a.dueToday.length) lines.push(`Đến hạn hôm nay / Due today (${a.dueToday.length}):`, ...a.dueToday.map(row));
  }
  lines.push('', `Mở hồ sơ / Open the dossiers: ${input.workspaceUrl}`, '');
  return {
    subject: `Hồ sơ đến hạn ngày ${day} / Dossiers due on ${day}: ${due} + ${late} quá hạn / overdue`,
    text: lines.join('\n'),
    count: due + late,
  };
}
