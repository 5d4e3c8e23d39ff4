import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { formatsModuleSource } from './formats.ts';

const require = createRequire(import.meta.url);

test('the reviewed patch of ajv-formats applies to the installed version and exports every format', async () => {
  const source = await formatsModuleSource();
  const { formatNames } = require('ajv-formats/dist/formats') as { formatNames: string[] };
  const exported = [...source.matchAll(/^export const format_(\w+) = /gm)].map((m) => m[1]);
  assert.deepEqual(
    exported,
    formatNames.map((n) => n.replace(/[^A-Za-z0-9]/g, '_')),
  );
  assert.doesNotMatch(source, /\bexports\b|\brequire\(/, 'an ES module, no CommonJS left');
});

test('the patched formats behave as ajv-formats\u2019 own', async () => {
  const url = `data:text/javascript,${encodeURIComponent(await formatsModuleSource())}`;
  type Format = RegExp | ((s: string) => boolean) | { validate: RegExp | ((s: string) => boolean) };
  const esm = (await import(url)) as Record<string, Format>;
  const { fullFormats } = require('ajv-formats/dist/formats') as { fullFormats: Record<string, Format> };
  const check = (f: Format, s: string): boolean =>
    f instanceof RegExp ? f.test(s) : typeof f === 'function' ? f(s) : check(f.validate, s);
  for (const [name, samples] of Object.entries({
    date: ['2026-02-29', '2028-02-29', 'x'],
    'date-time': ['2026-12-03T10:00:00Z', '2026-12-03T10:00:00', '2026-12-03 10:00:00+07:00'],
    email: ['a@b.vn', 'a@', 'ná@b.vn'],
    uri: ['https://dichvucong.gov.vn/p', 'not a uri'],
    regex: ['^a+$', '(', 'a\\Z'],
  }))
    for (const s of samples)
      assert.equal(check(esm[`format_${name.replace(/-/g, '_')}`]!, s), check(fullFormats[name]!, s), `${name} ${s}`);
});
