import assert from 'node:assert/strict';
import type { TestServer } from './server.ts';
import { json } from './http.ts';

/**
 * Every dossier code an inbox lists for `params` (view, q…), walking all its pages in order, as
 * a client following the cursors would see them.
 */
export async function inboxCodes(
  server: TestServer,
  token: string,
  agency: string,
  params: Record<string, string>,
): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '200', ...params });
    if (cursor) query.set('cursor', cursor);
    const res = await server.request(`/api/v1/agencies/${agency}/inbox?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200, await res.clone().text());
    const page = await json<{ items: { code: string }[]; nextCursor: string | null }>(res);
    out.push(...page.items.map((i) => i.code));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}
