import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './config.ts';

test('MOTCUA_WEBHOOKS is read and checked, with a clear error', () => {
  const ok = loadConfig({
    MOTCUA_WEBHOOKS: JSON.stringify([{ name: 'sync', url: 'https://example.test/hook', secret: '0123456789abcdef' }]),
  });
  assert.deepEqual(ok.webhooks, [{ name: 'sync', url: 'https://example.test/hook', secret: '0123456789abcdef' }]);
  assert.deepEqual(loadConfig({}).webhooks, []);
  for (const [raw, why] of [
    ['not json', /not JSON/],
    ['{}', /not an array/],
    ['[{"name":"A","url":"https://x","secret":"0123456789abcdef"}]', /\[0\]\.name/],
    ['[{"name":"a","url":"ftp://x","secret":"0123456789abcdef"}]', /\[0\]\.url/],
    ['[{"name":"a","url":"https://x","secret":"short"}]', /\[0\]\.secret/],
  ] as const) {
    assert.throws(
      () => loadConfig({ MOTCUA_WEBHOOKS: raw }),
      (e: unknown) => e instanceof ConfigError && why.test(e.message) && !e.message.includes('0123456789abcdef'),
    );
  }
});
