import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTION_PARAMS } from '@motcua/core';
import { contract, routes } from './contract.ts';
import { STAFF_ACTION_KINDS } from './cases.ts';
import { responsesOf } from './responses.ts';

test('the table is keyed by operationId; every method and path is one route', () => {
  for (const [key, r] of Object.entries(contract)) assert.equal(r.operationId, key);
  const seen = new Set<string>();
  for (const r of routes) {
    const k = `${r.method} ${r.path}`;
    assert.ok(!seen.has(k), `${k} declared twice`);
    seen.add(k);
  }
});

test('path parameters are exactly the params schema; summaries are Vietnamese / English', () => {
  for (const r of routes) {
    const inPath = [...r.path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(Object.keys(r.params?.properties ?? {}).sort(), inPath, r.operationId);
    assert.deepEqual([...(r.params?.required ?? [])].sort(), inPath, `${r.operationId}: path parameters are required`);
    assert.ok(r.summary.includes(' / '), `${r.operationId}: "${r.summary}"`);
    assert.ok(r.path.startsWith('/api/v1/'), r.operationId);
  }
});

test('every route answers something successful, and every multipart route names its parts', () => {
  for (const r of routes) {
    const statuses = Object.keys(r.responses).map(Number);
    assert.ok(
      statuses.some((s) => s >= 200 && s < 300),
      `${r.operationId} declares a 2xx`,
    );
    if (r.body && 'multipart' in r.body) {
      assert.ok(Object.keys(r.body.multipart.parts.properties).length > 0, r.operationId);
      assert.match(r.body.multipart.files.name, /^[a-z]+\.<[a-zA-Z]+>$/, r.operationId);
      assert.ok(r.body.multipart.files.name.startsWith(r.body.multipart.files.prefix), r.operationId);
    }
  }
});

test('standard statuses follow from what a route is', () => {
  const r = responsesOf(contract.performDossierActionWithFiles);
  for (const s of [200, 400, 401, 403, 404, 409, 413, 415, 422, 500]) assert.ok(r[s], `with-files ${s}`);
  const health = responsesOf(contract.getHealth);
  assert.deepEqual(Object.keys(health).map(Number).sort(), [200, 401, 500, 503]);
  const track = responsesOf(contract.publicTrackDossier);
  assert.ok(track[429] && track[404] && !track[403]);
});

test('the action request is one schema per staff action kind, with core\u2019s own parameters', () => {
  const body = contract.performDossierAction.body.json as unknown as {
    oneOf: { properties: { kind: { const: string }; params: unknown }; required: string[] }[];
    discriminator: { propertyName: string };
  };
  assert.equal(body.discriminator.propertyName, 'kind');
  assert.deepEqual(
    body.oneOf.map((b) => b.properties.kind.const),
    STAFF_ACTION_KINDS,
  );
  assert.ok(!STAFF_ACTION_KINDS.includes('submit' as never));
  for (const b of body.oneOf) {
    const kind = b.properties.kind.const as keyof typeof ACTION_PARAMS;
    const params = ACTION_PARAMS[kind] as { required?: string[] };
    assert.equal(JSON.stringify(b.properties.params), JSON.stringify(ACTION_PARAMS[kind]), kind);
    assert.equal(
      b.required.includes('params'),
      !!params.required?.length,
      `${kind}: params required iff core requires some`,
    );
  }
  const paid = body.oneOf.find((b) => b.properties.kind.const === 'payment_recorded')!;
  assert.ok(paid.required.includes('params'));
  assert.deepEqual((paid.properties.params as { required: string[] }).required, ['amount']);
});
