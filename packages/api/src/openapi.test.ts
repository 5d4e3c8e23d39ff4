import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAjv } from '@motcua/core/ajv';
import { ACTION_PARAMS } from '@motcua/core';
import { openApiDocument } from './openapi.ts';
import { routes } from './contract.ts';

type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};
type Operation = {
  operationId: string;
  requestBody?: { content: Record<string, { schema: Record<string, unknown>; encoding?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
};

const doc = openApiDocument() as unknown as Doc;
const op = (id: string) =>
  Object.values(doc.paths)
    .flatMap((m) => Object.values(m))
    .find((o) => o.operationId === id)!;

test('every route of the contract is in the document once', () => {
  const ids = Object.values(doc.paths).flatMap((m) => Object.values(m).map((o) => o.operationId));
  assert.deepEqual(ids.sort(), routes.map((r) => r.operationId).sort());
});

test('every schema of the document compiles, references included', () => {
  const ajv = createAjv({ discriminator: true });
  ajv.addSchema({ ...doc, $id: 'openapi.json' } as object);
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, o] of Object.entries(methods)) {
      const schemas = [
        ...Object.values(o.requestBody?.content ?? {}).map((c) => c.schema),
        ...Object.values(o.responses).flatMap((r) => Object.values(r.content ?? {}).map((c) => c.schema)),
      ].filter(Boolean);
      for (const s of schemas) {
        const text = JSON.stringify(s).replaceAll('"#/components/', '"openapi.json#/components/');
        assert.doesNotThrow(() => ajv.compile(JSON.parse(text)), `${method} ${path}`);
      }
    }
});

test('every action kind\u2019s parameters are in the document', () => {
  const body = op('performDossierAction').requestBody!.content['application/json']!.schema as {
    oneOf: { properties: { kind: { const: string }; params: object } }[];
  };
  for (const [kind, schema] of Object.entries(ACTION_PARAMS)) {
    if (kind === 'submit') continue;
    const branch = body.oneOf.find((b) => b.properties.kind.const === kind);
    assert.ok(branch, kind);
    assert.deepEqual(branch.properties.params, JSON.parse(JSON.stringify(schema)), kind);
  }
  const multipart = op('performDossierActionWithFiles').requestBody!.content['multipart/form-data']!;
  const schema = multipart.schema as {
    properties: { action: { contentSchema: unknown } };
    patternProperties: Record<string, { description: string }>;
  };
  assert.deepEqual(schema.properties.action.contentSchema, body, 'the action part is the same union');
  assert.deepEqual(Object.keys(schema.patternProperties), ['^files\\..+$']);
  assert.match(Object.values(schema.patternProperties)[0]!.description, /approve, deny, receive_external/);
  assert.deepEqual(multipart.encoding, { action: { contentType: 'application/json' } });
});

test('errors use the one error body; the procedure and the calendar are components', () => {
  const track = op('publicTrackDossier');
  assert.deepEqual(track.responses['404']!.content!['application/json']!.schema, {
    $ref: '#/components/schemas/Error',
  });
  assert.ok(doc.components.schemas.Procedure && doc.components.schemas.Calendar);
  const view = JSON.stringify(op('publicGetProcedure').responses['200']!.content!['application/json']!.schema);
  assert.match(view, /"#\/components\/schemas\/Procedure"/);
  assert.doesNotMatch(view, /https:\/\/motcua/);
});

test('the host adds its own fields to each operation', () => {
  const withPolicy = openApiDocument({ operation: (id) => ({ 'x-policy': { id } }) }) as unknown as {
    paths: Record<string, Record<string, { 'x-policy': { id: string }; operationId: string }>>;
  };
  for (const methods of Object.values(withPolicy.paths))
    for (const o of Object.values(methods)) assert.equal(o['x-policy'].id, o.operationId);
});
