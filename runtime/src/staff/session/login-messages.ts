import { ApiError, NetworkError } from '@motcua/api/client';
import { msg, t } from '../i18n/language.ts';

/** Why a sign-in failed, in words for the person at the keyboard. */
export function loginFailure(e: unknown): string {
  if (e instanceof ApiError && e.status === 401) return t('wrongCredentials');
  if (e instanceof ApiError && e.status === 429) return t('tooManyAttempts');
  if (e instanceof ApiError) return msg(e.body.error.message);
  if (e instanceof NetworkError) return msg({ vi: 'Không kết nối được máy chủ.', en: 'The server cannot be reached.' });
  return String(e);
}
