import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresDatabase } from '../../test/support/databases.ts';
import { EXAMPLES_DIR } from '../seed/demo-province.ts';
import { runImport } from './import.ts';

function buffer() {
  let text = '';
  return {
    write: (s: string) => void (text += s),
    get text() {
      return text;
    },
  };
}

async function scenario(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-import-'));
  try {
    const example = join(EXAMPLES_DIR, 'procedures/1.001193-dang-ky-khai-sinh.json');
    const broken = JSON.parse(readFileSync(example, 'utf8'));
    broken.workflow.steps[0].next = [{ step: 'khong-co' }];
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
    writeFileSync(join(dir, 'not-json.json'), '{ "code": ');
    const allEnv = { MOTCUA_DATA_DIR: join(dir, 'data'), MOTCUA_SEED_DEMO: 'false', LOG_LEVEL: 'silent', ...env };
    // The seed is off: the first import needs the agency tree, which a bare database lacks.
    let out = buffer();
    let err = buffer();
    const first = await runImport([example], out, err, allEnv);
    assert.equal(first, 1);
    assert.match(err.text, /\/owner: Cơ quan "000\.00\.10\.H56" không có trong danh mục/);
    // With the demo province seeded (serve once creates it), the same file publishes.
    const { startServer } = await import('../server.ts');
    const { loadConfig } = await import('../config/config.ts');
    const server = await startServer({
      config: loadConfig({ ...allEnv, MOTCUA_SEED_DEMO: 'true', MOTCUA_DEMO_SAMPLES: '0', NODE_ENV: 'test' }),
      port: 0,
      host: '127.0.0.1',
    });
    await server.close();
    out = buffer();
    err = buffer();
    const code = await runImport([example, join(dir, 'broken.json'), join(dir, 'not-json.json')], out, err, allEnv);
    assert.equal(code, 1);
    assert.match(out.text, /published 1\.001193 v2/, 'the seed published v1; the import makes v2');
    assert.match(err.text, /broken\.json: .*\n {2}\/workflow\/steps\/0\/next\/0\/step: /);
    assert.match(err.text, /not-json\.json: không đọc được JSON/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('motcua import publishes definitions and reports each problem with its pointer [pglite]', async () => {
  await scenario({});
});

test('motcua import publishes definitions and reports each problem with its pointer [postgres]', async () => {
  const db = await createPostgresDatabase();
  try {
    await scenario({ DATABASE_URL: db.url });
  } finally {
    await db.drop();
  }
});
