import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { conditionSchemas, createPrecompiledEvaluator, type CompiledValidator, type Procedure } from '@motcua/core';
import { createAjvEvaluator } from '@motcua/core/ajv';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { bearer, json, withBearer } from '../../test/support/http.ts';
import { execute } from '../db/client.ts';
import { EXAMPLES_DIR } from '../seed/demo-province.ts';

const birth = JSON.parse(
  readFileSync(join(EXAMPLES_DIR, 'procedures/1.001193-dang-ky-khai-sinh.json'), 'utf8'),
) as Procedure;

/** A copy of the birth registration example under another code, owned by the Department of Justice. */
function definition(code: string, over: Partial<Procedure> = {}): Procedure {
  return { ...structuredClone(birth), code, ...over };
}

forEachDatabase('procedures: drafts, publishing, versions, validator modules', (db) => {
  let server: TestServer;
  let designer: ReturnType<typeof withBearer>;
  before(async () => {
    server = await testServer(db());
    designer = withBearer(server, await bearer(server, 'designer.justice'));
  });

  test('a draft is saved even when invalid, with core\u2019s pointers; publishing an invalid draft is 422', async () => {
    const broken = definition('9.000001');
    (broken.applicant.person as { fullName: string }).fullName = '/khong/ton/tai';
    const created = await designer('POST', '/api/v1/agencies/000.00.10.H56/procedures', broken);
    assert.equal(created.status, 201, await created.clone().text());
    const body = await json<{ validation: { valid: boolean; issues: { pointer: string }[] }; draftRevision: number }>(
      created,
    );
    assert.equal(body.validation.valid, false);
    assert.ok(
      body.validation.issues.some((i) => i.pointer === '/applicant/person/fullName'),
      JSON.stringify(body.validation.issues),
    );
    const pub = await designer('POST', '/api/v1/procedures/9.000001/versions', {});
    assert.equal(pub.status, 422);
    assert.ok(
      (await json<{ error: { issues: { pointer: string }[] } }>(pub)).error.issues.some(
        (i) => i.pointer === '/applicant/person/fullName',
      ),
    );
    const unknownAgency = definition('9.000001', { receiving: { mode: 'fixed', agency: '000.99.99.H56' } });
    const saved = await designer('PUT', '/api/v1/procedures/9.000001/draft', unknownAgency, { 'if-match': '1' });
    assert.equal(saved.status, 200);
    const v = (await json<{ validation: { issues: { pointer: string; code: string }[] } }>(saved)).validation;
    assert.deepEqual(
      v.issues.map((i) => [i.pointer, i.code]),
      [['/receiving/agency', 'unknown-agency']],
    );
    const stale = await designer('PUT', '/api/v1/procedures/9.000001/draft', definition('9.000001'), {
      'if-match': '1',
    });
    assert.equal(stale.status, 409, 'If-Match protects against lost updates');
    const wrongCode = await designer('PUT', '/api/v1/procedures/9.000001/draft', definition('9.000002'));
    assert.equal(wrongCode.status, 400);
  });

  test('a form element that no renderer renders: the draft says where, publishing refuses it', async () => {
    const unrenderable = definition('9.000005');
    unrenderable.form.schema = {
      ...(unrenderable.form.schema as object),
      properties: {
        ...(unrenderable.form.schema as { properties: object }).properties,
        note: { type: 'null' },
      },
    };
    unrenderable.form.uischema.elements!.push({ type: 'Control', scope: '#/properties/note' });
    const at = `/form/uischema/elements/${unrenderable.form.uischema.elements!.length - 1}`;
    const created = await designer('POST', '/api/v1/agencies/000.00.10.H56/procedures', unrenderable);
    assert.equal(created.status, 201, await created.clone().text());
    const { validation } = await json<{ validation: { issues: { pointer: string; code: string }[] } }>(created);
    assert.deepEqual(
      validation.issues.map((i) => [i.pointer, i.code]),
      [[at, 'no-renderer']],
    );
    const pub = await designer('POST', '/api/v1/procedures/9.000005/versions', {});
    assert.equal(pub.status, 422);
    const refused = await json<{ error: { issues: { pointer: string; code: string }[] } }>(pub);
    assert.deepEqual(
      refused.error.issues.map((i) => [i.pointer, i.code]),
      [[at, 'no-renderer']],
    );
  });

  test('publish → immutable numbered versions; the public API serves the version in force by its effective date', async () => {
    assert.equal((await designer('PUT', '/api/v1/procedures/9.000001/draft', definition('9.000001'))).status, 200);
    const v1 = await designer('POST', '/api/v1/procedures/9.000001/versions', {});
    assert.equal(v1.status, 201, await v1.clone().text());
    assert.equal((await json<{ version: number }>(v1)).version, 1);
    // v2 takes effect on 2026-04-01 (the server's clock says 2026-03-02)
    const later = definition('9.000001', {
      effectiveFrom: '2026-04-01',
      title: { vi: 'Đăng ký khai sinh (mới)', en: 'Birth registration (new)' },
    });
    await designer('PUT', '/api/v1/procedures/9.000001/draft', later);
    const blank = await designer('POST', '/api/v1/procedures/9.000001/versions', { note: '   ' });
    assert.equal(blank.status, 400, 'a blank change note is refused');
    const v2 = await designer('POST', '/api/v1/procedures/9.000001/versions', {
      note: 'Đổi tên thủ tục theo Nghị định mới',
    });
    const published = await json<{ version: number; note: string | null }>(v2);
    assert.deepEqual([published.version, published.note], [2, 'Đổi tên thủ tục theo Nghị định mới']);
    let pub = await json<{
      version: number;
      validators: string;
      agencies: { code: string }[];
      calendars: Record<string, { timeZone: string }>;
    }>(await server.request('/api/v1/public/procedures/9.000001'));
    assert.equal(pub.version, 1, 'v2 is not in force yet');
    assert.equal(pub.agencies.length, 5, 'the communes an applicant may choose');
    assert.deepEqual(Object.keys(pub.calendars).sort(), pub.agencies.map((a) => a.code).sort());
    assert.equal(pub.validators, 'http://motcua.test/api/v1/public/procedures/9.000001/versions/1/validators.js');
    server.clock.set(Date.parse('2026-04-01T00:30:00+07:00'));
    pub = await json(await server.request('/api/v1/public/procedures/9.000001'));
    assert.equal(pub.version, 2, 'in force from its effective date, in the owner\u2019s zone');
    const versions = await json<{ items: { version: number; inForce: boolean; note: string | null }[] }>(
      await designer('GET', '/api/v1/procedures/9.000001/versions'),
    );
    assert.deepEqual(
      versions.items.map((v) => [v.version, v.inForce, v.note]),
      [
        [2, true, 'Đổi tên thủ tục theo Nghị định mới'],
        [1, false, null],
      ],
    );
    const immutable = (err: unknown) => /immutable/.test(String((err as Error).cause ?? err));
    await assert.rejects(
      () =>
        execute(
          server.ctx.db,
          sql`update procedure_versions set effective_from = '2020-01-01' where code = '9.000001'`,
        ),
      immutable,
    );
    await assert.rejects(
      () => execute(server.ctx.db, sql`delete from procedure_versions where code = '9.000001'`),
      immutable,
    );
    server.clock.set(Date.parse('2026-03-02T09:00:00+07:00'));
  });

  test('the validator module is self-contained, served with CORS and immutable caching, and agrees with the server\u2019s evaluator', async () => {
    const res = await server.request('/api/v1/public/procedures/9.000001/versions/1/validators.js', {
      headers: { origin: 'https://tinh.example.gov.vn' },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const source = await res.text();
    assert.doesNotMatch(source, /\bimport\s*[{(*'"]|require\(/, 'no imports left');
    assert.doesNotMatch(source, /new Function|eval\(/);
    const again = await server.request('/api/v1/public/procedures/9.000001/versions/1/validators.js', {
      headers: { 'if-none-match': res.headers.get('etag')! },
    });
    assert.equal(again.status, 304);
    const mod = (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as {
      validators: Record<string, CompiledValidator>;
    };
    const pre = createPrecompiledEvaluator(mod.validators);
    const ajv = createAjvEvaluator();
    const samples: unknown[] = [
      {},
      { child: { fullName: 'Nguyễn Thị Ngọc Ánh' } },
      { $derived: { daysSinceBirth: 60 } },
      { $derived: { daysSinceBirth: 61 }, hasBirthCertificate: false },
    ];
    for (const { pointer, schema } of conditionSchemas(definition('9.000001'))) {
      for (const data of samples) {
        assert.deepEqual(
          pre.validate(schema, data).length === 0,
          ajv.validate(schema, data).length === 0,
          `${pointer} on ${JSON.stringify(data)}`,
        );
      }
    }
  });

  test('designers edit only procedures owned by their agency or its subtree', async () => {
    const other = withBearer(server, await bearer(server, 'designer.construction'));
    assert.equal((await other('PUT', '/api/v1/procedures/9.000001/draft', definition('9.000001'))).status, 403);
    assert.equal((await other('POST', '/api/v1/procedures/9.000001/versions', {})).status, 403);
    assert.equal(
      (await other('POST', '/api/v1/agencies/000.00.10.H56/procedures', definition('9.000003'))).status,
      403,
    );
    const province = withBearer(server, await bearer(server, 'designer.province'));
    assert.equal(
      (await province('GET', '/api/v1/procedures/9.000001')).status,
      200,
      'a designer of the province (an ancestor)',
    );
    const reception = withBearer(server, await bearer(server, 'reception.trung-tam'));
    assert.equal((await reception('GET', '/api/v1/procedures')).status, 200, 'any staff lists procedures');
    assert.equal(
      (await reception('GET', '/api/v1/procedures/9.000001')).status,
      403,
      'drafts are designers\u2019 work',
    );
    const wrongOwner = await designer(
      'POST',
      '/api/v1/agencies/000.00.10.H56/procedures',
      definition('9.000004', { owner: '000.00.11.H56' }),
    );
    assert.equal(wrongOwner.status, 400);
  });

  test('retiring removes a procedure from the public API; its versions stay readable', async () => {
    assert.equal(
      (await designer('POST', '/api/v1/procedures/9.000001/retire', { reason: 'Thủ tục bị bãi bỏ' })).status,
      200,
    );
    assert.equal((await server.request('/api/v1/public/procedures/9.000001')).status, 404);
    const list = await json<{ items: { code: string }[] }>(await server.request('/api/v1/public/procedures'));
    assert.ok(!list.items.some((p) => p.code === '9.000001'));
    assert.ok(
      list.items.some((p) => p.code === '1.001193'),
      'the seeded examples are published',
    );
    assert.equal(
      (await server.request('/api/v1/public/procedures/9.000001/versions/1')).status,
      200,
      'a pinned version remains readable',
    );
    assert.equal((await designer('POST', '/api/v1/procedures/9.000001/versions', {})).status, 409);
  });

  after(() => server.dispose());
});
