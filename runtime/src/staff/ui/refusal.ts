import { ApiError, NetworkError } from '@motcua/api/client';
import type { CaseView } from '@motcua/api';
import { msg, t } from '../i18n/language.ts';

/** The dossier as it is now, which a 409 answer to an action carries. */
export function conflictCurrent(e: unknown): CaseView | null {
  if (!(e instanceof ApiError) || e.status !== 409) return null;
  return (e.body.error as { current?: CaseView | null }).current ?? null;
}

/**
 * Why an action was refused, in words: a dossier someone else holds now names them ("already
 * claimed by …"); otherwise the server's message, with the field of each issue.
 */
export function refusalText(e: unknown): string {
  const current = conflictCurrent(e);
  if (current) {
    if (current.location.assigneeName) return t('conflictClaimed', { name: current.location.assigneeName });
    return t('conflictChanged', { status: msg(current.statusLabel) });
  }
  if (e instanceof ApiError) {
    const issues = e.issues.map((i) => `${i.pointer}: ${msg(i.message)}`);
    return [msg(e.body.error.message), ...issues].join(' — ');
  }
  if (e instanceof NetworkError) return msg({ vi: 'Không kết nối được máy chủ.', en: 'The server cannot be reached.' });
  return e instanceof Error ? e.message : String(e);
}
