// The one resolution of @jsonforms/core that the Vite build and the browser tests share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PatchError } from '@motcua/compile/text-patch';
import { jsonFormsPatchName, patchJsonForms, resolveForJsonForms } from '../jsonforms-resolve.ts';

const require = createRequire(import.meta.url);
const JSONFORMS = require.resolve('@jsonforms/core/lib/jsonforms-core.esm.js');
const installed = () => readFileSync(JSONFORMS, 'utf8');

test('@jsonforms/core is pinned exactly, and the reviewed patch is for the installed version', () => {
  const pinned = (
    JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    }
  ).dependencies['@jsonforms/core']!;
  assert.match(pinned, /^\d+\.\d+\.\d+$/, 'an exact version');
  assert.equal(jsonFormsPatchName(), `@jsonforms+core+${pinned}.patch`);
});

test('the patch applies exactly to the installed file', () => {
  const patched = patchJsonForms(installed());
  assert.ok(
    patched.startsWith(
      "import { resolveSchema as __motcuaResolveSchema, deriveTypes as __motcuaDeriveTypes, hasType as __motcuaHasType, generateUiSchema as __motcuaGenerateUiSchema } from 'motcua-jsonforms:resolve';\n",
    ),
  );
  assert.match(patched, /const resolveSchema = __motcuaResolveSchema;/);
  assert.match(patched, /const deriveTypes = __motcuaDeriveTypes;/);
  assert.match(patched, /const errors = __motcuaNoErrors\(state\);/);
  assert.doesNotMatch(patched, /jsonSchema: generateJsonSchema/);
});

test('a changed upstream file fails loudly, naming the patch', () => {
  const changed = installed().replace('const Generate = {', 'const Generate  = {');
  assert.throws(
    () => patchJsonForms(changed),
    (e: unknown) =>
      e instanceof PatchError &&
      e.message.startsWith(`${jsonFormsPatchName()}: the file is not the one this patch was reviewed against`),
  );
});

test('only @jsonforms/core\u2019s own imports are replaced', () => {
  for (const source of ['ajv', 'ajv-formats', 'lodash/get', 'lodash/fp/set', 'motcua-jsonforms:no-errors'])
    assert.notEqual(resolveForJsonForms(source, JSONFORMS), null, source);
  assert.deepEqual(resolveForJsonForms('lodash/startCase', JSONFORMS), { virtual: '\0motcua-lodash-lite:startCase' });
  assert.deepEqual(resolveForJsonForms('lodash/merge', JSONFORMS), { package: 'es-toolkit/compat/merge' });
  const elsewhere = [new URL('../src/index.ts', import.meta.url).pathname, '/repo/designer/src/main.ts', undefined];
  for (const importer of elsewhere)
    for (const source of ['ajv', 'ajv-formats', 'lodash/get'])
      assert.equal(resolveForJsonForms(source, importer), null, `${source} from ${importer}`);
});
