import { sql } from 'drizzle-orm';
import { contract, openApiDocument } from '@motcua/api';
import { implement, type Implementation } from '../http/implement.ts';
import { execute } from '../db/client.ts';
import { POLICY } from '../policy/table.ts';
import { renderDocsPage } from './docs-page.ts';
import { READY_MESSAGE } from '../http/middleware/readiness/readiness.ts';

/** The contract's OpenAPI document, each operation annotated with its access policy row. */
export function serverOpenApiDocument(): Record<string, unknown> {
  return openApiDocument({ operation: (id) => ({ 'x-policy': POLICY[id] ?? null }) });
}

/** Health, readiness, the OpenAPI document and its docs page. */
export function metaRoutes(): Implementation[] {
  let cached: Record<string, unknown> | null = null;
  const doc = () => (cached ??= serverOpenApiDocument());
  return [
    implement(contract.getHealth, async (c) => {
      const ctx = c.get('ctx');
      try {
        await execute(ctx.db, sql`select 1 as ok`);
      } catch {
        return c.json(
          { status: 'unavailable', database: ctx.database.kind, time: new Date(ctx.clock.now()).toISOString() },
          503,
        );
      }
      return c.json({
        status: 'ok' as const,
        database: ctx.database.kind,
        time: new Date(ctx.clock.now()).toISOString(),
      });
    }),
    // While starting, the readiness gate answers 503 before this handler: reaching it means ready.
    implement(contract.getReady, (c) => c.json({ status: 'ready' as const, message: READY_MESSAGE })),
    implement(contract.getOpenApi, (c) => c.json(doc())),
    implement(contract.getApiDocs, (c) => {
      // The page is static HTML with its own styles: nothing to load, nothing to run.
      c.header(
        'Content-Security-Policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
      );
      return c.html(renderDocsPage(doc()));
    }),
  ];
}
