import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createAjv } from '@motcua/core/ajv';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { json } from '../../test/support/http.ts';
import { POLICY } from '../policy/table.ts';

/** `/a/{x}/b` and `/a/:y/b` both become `/a/{}/b`. */
const shape = (path: string) => path.replace(/\{[^}]+\}|:[A-Za-z0-9_]+(\{[^}]*\})?/g, '{}');

forEachDatabase('the OpenAPI document', (db) => {
  let server: TestServer;
  before(async () => {
    server = await testServer(db());
  });

  test('its route set equals the app\u2019s', async () => {
    const doc = await json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      await server.request('/api/v1/openapi.json'),
    );
    assert.equal(doc.openapi, '3.1.0');
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([p, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${shape(p)}`),
      ),
    );
    const mounted = new Set(
      server.app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
        .map((r) => `${r.method} ${shape(r.path)}`),
    );
    assert.deepEqual(
      [...mounted].filter((r) => !documented.has(r)),
      [],
      'mounted but not documented',
    );
    assert.deepEqual(
      [...documented].filter((r) => !mounted.has(r)),
      [],
      'documented but not mounted',
    );
    // Everything outside /api is static content, not API.
    const other = server.app.routes.filter((r) => r.method !== 'ALL' && !r.path.startsWith('/api/')).map((r) => r.path);
    assert.deepEqual([...new Set(other)].sort(), [
      '/',
      '/designer',
      '/designer/*',
      '/embed/:file{.+}',
      '/site',
      '/site/*',
      '/staff',
      '/staff/*',
      '/staff/assets/:file{.+}',
    ]);
  });

  test('every operation has a policy row, an id, a summary and schemas that compile', async () => {
    const doc = await json<{
      paths: Record<
        string,
        Record<
          string,
          {
            operationId: string;
            summary: string;
            'x-policy': unknown;
            responses: Record<string, { content?: Record<string, { schema?: object }> }>;
            requestBody?: { content: Record<string, { schema: object }> };
          }
        >
      >;
      components: Record<string, unknown>;
    }>(await server.request('/api/v1/openapi.json'));
    // Component references are document-local (#/components/…): each schema is compiled inside the document.
    const ajv = createAjv({ discriminator: true, strict: false });
    const inDocument = (schema: object) => ({ ...schema, $id: undefined, components: doc.components });
    const ids = new Set<string>();
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        assert.ok(op.operationId && !ids.has(op.operationId), `${method} ${path}: unique operationId`);
        ids.add(op.operationId);
        assert.ok(op.summary.includes(' / '), `${op.operationId}: summary in Vietnamese / English`);
        assert.deepEqual(op['x-policy'], POLICY[op.operationId], `${op.operationId}: the policy row`);
        for (const body of Object.values(op.requestBody?.content ?? {})) ajv.compile(inDocument(body.schema));
        for (const r of Object.values(op.responses))
          for (const c of Object.values(r.content ?? {}))
            if (c.schema && !('$ref' in c.schema)) ajv.compile(inDocument(c.schema));
      }
    }
    assert.deepEqual(
      Object.keys(POLICY).filter((k) => !ids.has(k)),
      [],
      'no policy row for a route that does not exist',
    );
  });

  test('each case action’s parameters are documented, and the result file’s part name', async () => {
    type Kind = { properties: { kind: { const: string }; params?: { required?: string[] } }; required: string[] };
    const doc = await json<{
      paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: unknown }> } }>>;
    }>(await server.request('/api/v1/openapi.json'));
    const body = doc.paths['/api/v1/dossiers/{dossierCode}/actions']!.post!.requestBody.content['application/json']!
      .schema as { oneOf: Kind[] };
    const paid = body.oneOf.find((k) => k.properties.kind.const === 'payment_recorded')!;
    assert.ok(paid.required.includes('params'));
    assert.deepEqual(paid.properties.params?.required, ['amount']);
    const multipart = doc.paths['/api/v1/dossiers/{dossierCode}/actions/with-files']!.post!.requestBody.content[
      'multipart/form-data'
    ]!.schema as { properties: Record<string, unknown>; patternProperties: Record<string, { description: string }> };
    assert.ok(multipart.properties.action);
    const files = Object.entries(multipart.patternProperties);
    assert.equal(files.length, 1);
    assert.match(files[0]![0], /files/);
    assert.match(files[0]![1].description, /approve, deny/);
  });

  test('the docs page lists every operation, without external resources', async () => {
    const res = await server.request('/api/v1/docs');
    assert.equal(res.status, 200);
    const html = await res.text();
    for (const id of Object.keys(POLICY)) assert.ok(html.includes(`id="${id}"`), id);
    assert.doesNotMatch(html, /<script|https?:\/\/(?!json-schema\.org)/);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  });

  after(() => server.dispose());
});
