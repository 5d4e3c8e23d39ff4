/**
 * Dossier codes (mã hồ sơ): `{agency code}-{yyMMdd}-{sequence}`, e.g. `000.17.22.H56-210531-0001`.
 * The date is the receipt date in the AGENCY's time zone (a server in UTC receiving at 06:30 in
 * Hà Nội must still write that Hà Nội date); the sequence restarts every day per agency and has at
 * least 4 digits (more when a day overflows 9999). Making the sequence unique is the store's job.
 */
import { isValidDate, localDate } from '../working-time/zoned-time.ts';

/** Agency codes as in QCVN 102:2016 (same rule as the procedure schema): no '-', which separates. */
export const AGENCY_CODE_PATTERN = /^[0-9A-Za-z][0-9A-Za-z._]*$/;
const CODE_RE = /^([0-9A-Za-z][0-9A-Za-z._]*)-(\d{2})(\d{2})(\d{2})-(\d{4,})$/;

export interface DossierCodeParts {
  agencyCode: string;
  /** The receipt date, YYYY-MM-DD (years 2000–2099). */
  date: string;
  sequence: number;
}

export function formatDossierCode(agencyCode: string, instant: number, timeZone: string, sequence: number): string {
  if (!AGENCY_CODE_PATTERN.test(agencyCode) || agencyCode.length > 64)
    throw new RangeError(`Not an agency code: ${agencyCode}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1)
    throw new RangeError(`A dossier sequence is a whole number ≥ 1: ${sequence}`);
  const date = localDate(instant, timeZone);
  const year = Number(date.slice(0, 4));
  if (year < 2000 || year > 2099) throw new RangeError(`A dossier code holds years 2000–2099 only: ${date}`);
  return `${agencyCode}-${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}-${String(sequence).padStart(4, '0')}`;
}

/**
 * The parts of a dossier code, or null when it is not one: unknown shape, a day that does not
 * exist, sequence 0, or a sequence padded beyond 4 digits (codes are canonical: one per dossier).
 */
export function parseDossierCode(code: string): DossierCodeParts | null {
  if (typeof code !== 'string') return null;
  const m = CODE_RE.exec(code);
  if (!m) return null;
  const [, agencyCode, yy, mm, dd, seq] = m;
  if (agencyCode!.length > 64) return null;
  const date = `20${yy}-${mm}-${dd}`;
  if (!isValidDate(date)) return null;
  if (seq!.length > 4 && seq!.startsWith('0')) return null;
  const sequence = Number(seq);
  if (sequence < 1 || !Number.isSafeInteger(sequence)) return null;
  return { agencyCode: agencyCode!, date, sequence };
}
