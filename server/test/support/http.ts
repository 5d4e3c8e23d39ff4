import assert from 'node:assert/strict';
import type { TestServer } from './server.ts';
import { DEMO_PASSWORD } from './server.ts';
import { createApiToken } from '../../src/auth/api-tokens.ts';
import { findStaffByUsername } from '../../src/auth/find-account.ts';

/** A signed-in browser: its cookie and CSRF token. */
export interface BrowserSession {
  cookie: string;
  csrf: string;
  staffId: string;
}

export async function login(server: TestServer, username: string, password = DEMO_PASSWORD): Promise<BrowserSession> {
  const res = await server.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  assert.equal(res.status, 200, `login ${username}: ${await res.clone().text()}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0]!;
  const body = (await res.json()) as { csrfToken: string; staff: { id: string } };
  return { cookie, csrf: body.csrfToken, staffId: body.staff.id };
}

/** Headers of a session request (JSON body, cookie, CSRF token). */
export function sessionHeaders(s: BrowserSession, extra: Record<string, string> = {}): Record<string, string> {
  return { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf, ...extra };
}

/** A bearer token for a demo account (created directly, no HTTP). */
export async function bearer(server: TestServer, username: string): Promise<string> {
  const s = await findStaffByUsername(server.ctx.db, username);
  assert.ok(s, `no account ${username}`);
  const { token } = await createApiToken(server.ctx.db, s.id, 'test', server.clock.now(), null);
  return token;
}

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  const text = await res.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`not JSON (${res.status}): ${text.slice(0, 300)}`);
  }
}

/** Sends JSON with a bearer token. */
export function withBearer(server: TestServer, token: string) {
  return (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    server.request(path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
}
