import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { execute } from '../../db/client.ts';
import { hashPassword } from '../../auth/password.ts';
import { createStaff } from '../../staff/service.ts';
import { NATIONAL_CALENDAR_ID } from '../../seed/seed.ts';
import type { Role } from '@motcua/core';
import { DEMO_PASSWORD, type TestServer } from '../../../test/support/server.ts';
import { birthData, birthFiles, submitOnline } from '../../../test/support/intake.ts';
import type { Operation } from './operations.ts';
import type { FuzzOptions } from './fuzz-run.ts';

/**
 * The fuzz server's settings: fuzzed sign-ins fail by the thousand from one address, which the
 * login throttle (tested on its own) would answer with 429 to the fuzz account's own sign-in too.
 */
export const FUZZ_SERVER_CONFIG = { loginMaxFailures: 1_000_000 } as const;

const ROOT = '000.00.00.H56';
const WARD = '000.20.01.H56';
const USERNAME = 'fuzz.broad-grants';

/**
 * What the staff-route fuzzing needs on a seeded test server: an account holding every role (admin
 * and designer over the whole province, case roles at a ward, leader and viewer above), signed in
 * as a browser is — session cookie, and the CSRF token echoed on every state-changing request,
 * signing in again whenever a fuzzed request ended the session — and real dossiers, files, staff
 * and calendars for path parameters, so that fuzzed requests reach the handlers.
 */
export async function staffFuzzSetup(
  server: TestServer,
): Promise<Pick<FuzzOptions, 'known' | 'strings' | 'headers' | 'afterAnswer'>> {
  const roles: { agency: string; role: Role }[] = [
    { agency: ROOT, role: 'admin' },
    { agency: ROOT, role: 'designer' },
    { agency: ROOT, role: 'leader' },
    { agency: ROOT, role: 'viewer' },
    ...(['reception', 'specialist', 'leader', 'viewer'] as Role[]).map((role) => ({ agency: WARD, role })),
  ];
  const existing = await execute<{ id: string }>(server.ctx.db, sql`select id from staff where username = ${USERNAME}`);
  if (!existing[0])
    await createStaff(
      server.ctx.db,
      {
        username: USERNAME,
        fullName: 'Tài khoản thử nghiệm',
        agencyCode: ROOT,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        roles,
      },
      server.clock.now(),
    );

  const session = { cookie: '', csrf: '' };
  const signIn = async () => {
    const res = await server.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: USERNAME, password: DEMO_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
    session.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    session.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  };
  await signIn();

  // A few dossiers submitted as a citizen would, so that dossier routes reach real ones.
  for (let i = 0; i < 3; i++) {
    const res = await submitOnline(server, '1.001193', { version: 1, agency: WARD, data: birthData() }, birthFiles());
    if (res.status !== 201) throw new Error(`submission: ${res.status} ${await res.text()}`);
  }
  const dossiers = await execute<{ code: string }>(
    server.ctx.db,
    sql`select code from dossiers where code is not null order by code desc limit 5`,
  );
  // The files of the dossiers just submitted: a database shared with an earlier server of the same
  // file may hold rows whose bytes lived in that server's file store, gone with it.
  const files = await execute<{ id: string }>(
    server.ctx.db,
    sql`select f.file_id as id from dossier_files f join dossiers d on d.id = f.dossier_id
         where d.code in (select code from dossiers where code is not null order by code desc limit 3)
         order by d.code desc limit 5`,
  );
  const staff = await execute<{ id: string }>(
    server.ctx.db,
    sql`select id from staff where username <> ${USERNAME} order by username limit 3`,
  );
  const codes = dossiers.map((d) => d.code);
  return {
    known: {
      agencyCode: [ROOT, WARD, '000.00.10.H56'],
      procedureCode: ['1.001193', '1.001612'],
      version: ['1'],
      dossierCode: codes,
      fileId: files.map((f) => f.id),
      staffId: staff.map((s) => s.id),
      tokenId: [randomUUID()],
      calendarId: [NATIONAL_CALENDAR_ID],
      paymentId: [randomUUID()],
    },
    strings: [ROOT, WARD, '1.001193', ...codes, '2026-03-01', '2026-03-31', 'vnpay', 'admin', 'reception'],
    // As a browser: the cookie goes with every request, the page's script adds the token.
    headers: () => ({ cookie: session.cookie, 'x-csrf-token': session.csrf, origin: 'http://motcua.test' }),
    afterAnswer: async (op: Operation, status: number) => {
      if (status === 401 && op.access !== 'public') await signIn();
      else if (op.operationId === 'logout' && status < 300) await signIn();
    },
  };
}
