import assert from 'node:assert/strict';
import type { TestServer } from './server.ts';
import { bearer, json } from './http.ts';
import { birthData, birthFiles, pdfBytes, submitOnline } from './intake.ts';

/** Case-handling helpers: staff act over HTTP with bearer tokens of the demo accounts. */
export interface Staff {
  username: string;
  token: string;
}

export async function staffOf(server: TestServer, username: string): Promise<Staff> {
  return { username, token: await bearer(server, username) };
}

export interface ActionResponse {
  recorded: boolean;
  events: number[];
  dossier: {
    code: string;
    status: number;
    closed: boolean;
    lockVersion: number;
    dueAt: string | null;
    stepDueAt: string | null;
    overdue: boolean;
    location: { agency: string; step: string | null; role: string; assignee: string | null };
  };
  slips: { id: string; kind: string; format: string; sha256: string; url: string; eventSeq: number }[];
}

/** POSTs one action; returns the raw response. */
export function postAction(
  server: TestServer,
  who: Staff,
  code: string,
  body: Record<string, unknown>,
): Promise<Response> {
  return server.request(`/api/v1/dossiers/${code}/actions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${who.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** POSTs one action and asserts it was recorded (200). */
export async function doAction(
  server: TestServer,
  who: Staff,
  code: string,
  body: Record<string, unknown>,
): Promise<ActionResponse> {
  const res = await postAction(server, who, code, body);
  const text = await res.clone().text();
  assert.equal(res.status, 200, `${who.username} ${String(body.kind)} on ${code}: ${res.status} ${text}`);
  return json<ActionResponse>(res);
}

/** An action with uploaded files (`files.<name>` parts). */
export async function doActionWithFiles(
  server: TestServer,
  who: Staff,
  code: string,
  body: Record<string, unknown>,
  parts: { name: string; bytes: Uint8Array; fileName?: string; type?: string }[],
): Promise<Response> {
  const form = new FormData();
  form.append('action', JSON.stringify(body));
  for (const p of parts)
    form.append(
      `files.${p.name}`,
      new Blob([p.bytes], { type: p.type ?? 'application/pdf' }),
      p.fileName ?? `${p.name}.pdf`,
    );
  return server.request(`/api/v1/dossiers/${code}/actions/with-files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${who.token}` },
    body: form,
  });
}

/** A result document (a small real PDF). */
export function resultPdf(text = 'ket qua'): { name: string; bytes: Uint8Array; fileName: string } {
  return { name: 'ket-qua', bytes: pdfBytes(text), fileName: 'ket-qua.pdf' };
}

/** An online birth registration at Phường Trung Tâm; returns code and tracking secret. */
export async function onlineBirth(
  server: TestServer,
  data: Record<string, unknown> = {},
): Promise<{ code: string; secret: string }> {
  const res = await submitOnline(
    server,
    '1.001193',
    { version: 1, agency: '000.20.01.H56', data: birthData(data) },
    birthFiles(),
  );
  assert.equal(res.status, 201, await res.clone().text());
  return json<{ code: string; secret: string }>(res);
}
