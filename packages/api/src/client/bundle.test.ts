import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

test('the client bundles from its own files only: the contract comes in as types, no schema library', async () => {
  const out = await build({
    entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    metafile: true,
  });
  const inputs = Object.keys(out.metafile.inputs);
  assert.deepEqual(
    inputs.filter((p) => !/(^|\/)src\/client\/[a-z-]+\.ts$/.test(p)),
    [],
    'only the client\u2019s own modules',
  );
  assert.doesNotMatch(out.outputFiles[0]!.text, /typebox|ajv/i);
});
