import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerContext } from '../context.ts';
import { importDefinition } from '../procedures/import-definition.ts';
import { EXAMPLES_DIR } from './demo-province.ts';

export interface PublishedExample {
  code: string;
  version: number;
  file: string;
}

/**
 * Publishes examples/procedures/*.json. A definition that fails validation is logged and skipped,
 * so that a broken example never keeps the server from starting.
 */
export async function publishExamples(
  ctx: ServerContext,
  dir = join(EXAMPLES_DIR, 'procedures'),
): Promise<PublishedExample[]> {
  const out: PublishedExample[] = [];
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    return out;
  }
  for (const file of files) {
    try {
      const v = await importDefinition(ctx, JSON.parse(readFileSync(join(dir, file), 'utf8')));
      out.push({ code: v.code, version: v.version, file });
    } catch (err) {
      ctx.log.error(
        { file, err: err instanceof Error ? err.message : err, issues: (err as { issues?: unknown }).issues },
        'example procedure not published',
      );
    }
  }
  return out;
}
