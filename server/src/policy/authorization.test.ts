/**
 * The authorisation test, generated from the OpenAPI document: every documented route × every
 * role × a staff member at the target's own / sibling / parent / child agency (and anonymous),
 * checked against the policy table. A route without a policy row fails. Requests carry an empty
 * JSON body, so a permitted mutation is refused by validation (400) instead of changing data,
 * while a denied one is refused by the policy (403) before its body is read.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLE_NAMES, type Procedure, type Role } from '@motcua/core';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { json } from '../../test/support/http.ts';
import { birthData, birthFiles, submitOnline } from '../../test/support/intake.ts';
import { createApiToken } from '../auth/api-tokens.ts';
import { createStaff } from '../staff/service.ts';
import { createAgency, createCalendar } from '../agencies/service.ts';
import { createProcedure } from '../procedures/service.ts';
import { EXAMPLES_DIR } from '../seed/demo-province.ts';
import { POLICY } from './table.ts';
import { ruleAllows, type PolicyRule, type Relation } from './rules.ts';

const TARGET = '000.20.01.H56';
const PLACES = { own: TARGET, sibling: '000.20.02.H56', parent: '000.00.00.H56', child: '000.20.01.99.H56' } as const;
const AS_RELATION: Record<keyof typeof PLACES, Relation> = {
  own: 'own',
  sibling: 'other',
  parent: 'ancestor',
  child: 'descendant',
};

interface Operation {
  operationId: string;
  'x-policy': PolicyRule | null;
  requestBody?: { content: Record<string, unknown> };
}

forEachDatabase('authorisation, generated from the OpenAPI document', (db) => {
  let server: TestServer;
  const tokens = new Map<string, { token: string; staffId: string }>();
  const params: Record<string, string> = {};

  // Before the tests: a child agency, one account per role and place, targets at the own agency.
  before(async () => {
    server = await testServer(db(), { quiet: true });
    const ctx = server.ctx;
    const now = server.clock.now();
    await ctx.db.transaction(async (tx) => {
      await createAgency(
        tx,
        {
          code: PLACES.child,
          name: { vi: 'Tổ dân phố 99' },
          kind: 'commune',
          parent: TARGET,
          calendarId: 'vn-civil-service',
        },
        { actorId: null, at: now },
      );
      const cal = JSON.parse(readFileSync(join(EXAMPLES_DIR, 'calendars/vn-2026.json'), 'utf8'));
      await createCalendar(tx, 'authz-calendar', { vi: 'Lịch thử' }, TARGET, cal, now);
      // An invalid draft owned by the target: publishing it is refused by validation (no mutation).
      const def = JSON.parse(
        readFileSync(join(EXAMPLES_DIR, 'procedures/1.001193-dang-ky-khai-sinh.json'), 'utf8'),
      ) as Procedure;
      await createProcedure(
        tx,
        TARGET,
        { ...def, code: '9.900001', owner: TARGET, workflow: { ...def.workflow, start: 'no-such-step' } },
        null,
        now,
      );
    });
    ctx.agencies.invalidate();
    for (const [place, agency] of Object.entries(PLACES)) {
      for (const role of ROLE_NAMES) {
        const id = await ctx.db.transaction((tx) =>
          createStaff(
            tx,
            {
              username: `authz.${role}.${place}`,
              fullName: `${role} ${place}`,
              agencyCode: agency,
              roles: [{ agency, role }],
            },
            now,
          ),
        );
        tokens.set(`${role}@${place}`, {
          token: (await createApiToken(ctx.db, id, 'authz', now, null)).token,
          staffId: id,
        });
      }
    }
    const targetStaff = await ctx.db.transaction((tx) =>
      createStaff(tx, { username: 'authz.target', fullName: 'Target', agencyCode: TARGET, roles: [] }, now),
    );
    const submitted = await json<{ code: string }>(
      await submitOnline(server, '1.001193', { version: 1, agency: TARGET, data: birthData() }, birthFiles()),
    );
    Object.assign(params, {
      agencyCode: TARGET,
      staffId: targetStaff,
      procedureCode: '9.900001',
      calendarId: 'authz-calendar',
      dossierCode: submitted.code,
      version: '1',
      tokenId: randomUUID(),
      fileId: randomUUID(),
      paymentId: randomUUID(),
    });
  });

  test('every route × every role × own / sibling / parent / child agency, and anonymous, as the policy table says', async () => {
    const doc = await json<{ paths: Record<string, Record<string, Operation>> }>(
      await server.request('/api/v1/openapi.json'),
    );
    const mismatches: string[] = [];
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const rule = POLICY[op.operationId];
        assert.ok(rule, `${method.toUpperCase()} ${path} (${op.operationId}) has no row in the policy table`);
        assert.deepEqual(op['x-policy'], rule);
        const url = path.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
          assert.ok(params[name], `no fixture for path parameter {${name}} of ${op.operationId}`);
          return encodeURIComponent(params[name]!);
        });
        const send = (headers: Record<string, string>) =>
          server.request(url, {
            method: method.toUpperCase(),
            headers: {
              ...headers,
              ...(method === 'get' || method === 'delete' ? {} : { 'content-type': 'application/json' }),
            },
            ...(method === 'get' || method === 'delete' ? {} : { body: '{}' }),
          });
        const verdict = (status: number) =>
          status === 401 ? 'unauthenticated' : status === 403 ? 'denied' : 'allowed';
        // anonymous
        const anon = verdict((await send({})).status);
        const anonExpected = rule.access === 'public' ? 'allowed' : 'unauthenticated';
        if (anon !== anonExpected) mismatches.push(`${op.operationId} anonymous: ${anon}, policy says ${anonExpected}`);
        checked++;
        for (const role of ROLE_NAMES as Role[]) {
          for (const place of Object.keys(PLACES) as (keyof typeof PLACES)[]) {
            const t = tokens.get(`${role}@${place}`)!;
            const res = await send({ authorization: `Bearer ${t.token}` });
            const got = verdict(res.status);
            const expected = ruleAllows(rule, role, AS_RELATION[place]) ? 'allowed' : 'denied';
            if (got !== expected)
              mismatches.push(`${op.operationId} ${role}@${place}: ${got} (${res.status}), policy says ${expected}`);
            checked++;
          }
        }
      }
    }
    assert.deepEqual(mismatches, []);
    assert.ok(checked > 1000, `${checked} checks`);
  });

  test('"self" rows let an account act on itself whatever its roles', async () => {
    for (const [id, rule] of Object.entries(POLICY)) {
      if (rule.access !== 'grants' || !rule.self) continue;
      const path = {
        getStaff: '/api/v1/staff/{id}',
        listApiTokens: '/api/v1/staff/{id}/tokens',
        createApiToken: '/api/v1/staff/{id}/tokens',
        revokeApiToken: `/api/v1/staff/{id}/tokens/${randomUUID()}`,
      }[id];
      assert.ok(path, `a self check for ${id}`);
      const method = { getStaff: 'GET', listApiTokens: 'GET', createApiToken: 'POST', revokeApiToken: 'DELETE' }[id]!;
      const t = tokens.get('viewer@sibling')!;
      const res = await server.request(path.replace('{id}', t.staffId), {
        method,
        headers: {
          authorization: `Bearer ${t.token}`,
          ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
        },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
      assert.ok(res.status !== 401 && res.status !== 403, `${id} on oneself: ${res.status}`);
    }
  });

  after(() => server.dispose());
});
