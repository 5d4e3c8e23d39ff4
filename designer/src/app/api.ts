/** The API client of the designer: same origin, the staff cookie session with its CSRF token. */
import { createClient, type Client } from '@motcua/api/client';

export const api: Client = createClient({ baseUrl: '', session: true });

export type Lang = 'vi' | 'en';

/** The message of an API error in the page's language. */
export function errorText(err: unknown, lang: Lang): string {
  const e = err as { body?: { error?: { message?: { vi: string; en: string } } }; message?: string };
  const m = e?.body?.error?.message;
  return m ? (lang === 'en' ? m.en : m.vi) : String(e?.message ?? err);
}
