import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { conditionSchemas, type Procedure } from '@motcua/core';
import { compileValidatorModule } from '@motcua/compile';

export const LIMIT_BYTES = 80_000;
export const GOAL_BYTES = 47_000;

const path = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export const gzip = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

export function bundleText(): string {
  return readFileSync(path('../dist/motcua.js'), 'utf8');
}

export interface EmbedWeight {
  procedure: string;
  bundle: number;
  validators: number;
  total: number;
}

/**
 * The JavaScript an embed page loads for each example procedure: the runtime bundle and the
 * procedure version's validator module (compiled as the server compiles it at publish time),
 * each gzip -9, summed. (The end-to-end test measures the same on a real page.)
 */
export async function embedWeights(): Promise<EmbedWeight[]> {
  const bundle = gzip(bundleText());
  const dir = path('../../examples/procedures/');
  const out: EmbedWeight[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const procedure = JSON.parse(readFileSync(dir + file, 'utf8')) as Procedure;
    const validators = gzip(await compileValidatorModule(conditionSchemas(procedure).map((c) => c.schema)));
    out.push({ procedure: procedure.code, bundle, validators, total: bundle + validators });
  }
  return out;
}
