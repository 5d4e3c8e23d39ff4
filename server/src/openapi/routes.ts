import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { route, type AnyRoute } from '../http/route.ts';
import { execute } from '../db/client.ts';
import { openApiDocument } from './document.ts';
import { renderDocsPage } from './docs-page.ts';

/** Health, the OpenAPI document and its docs page; `all` is the full route list (including these). */
export function metaRoutes(all: () => readonly AnyRoute[]): AnyRoute[] {
  let cached: Record<string, unknown> | null = null;
  const doc = () => (cached ??= openApiDocument(all()));
  return [
    route({
      method: 'get',
      path: '/api/v1/health',
      operationId: 'getHealth',
      summary: 'Tình trạng máy chủ / Server health',
      tags: ['meta'],
      responses: {
        200: {
          description: 'OK',
          schema: Type.Object({ status: Type.Literal('ok'), database: Type.String(), time: Type.String() }),
        },
        503: { description: 'Database unreachable' },
      },
      handler: async (c) => {
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
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/openapi.json',
      operationId: 'getOpenApi',
      summary: 'Tài liệu OpenAPI 3.1 / The OpenAPI 3.1 document',
      tags: ['meta'],
      responses: { 200: { description: 'The document', schema: Type.Object({}, { additionalProperties: true }) } },
      handler: (c) => c.json(doc()),
    }),
    route({
      method: 'get',
      path: '/api/v1/docs',
      operationId: 'getApiDocs',
      summary: 'Trang tài liệu API / Human-readable API documentation',
      tags: ['meta'],
      responses: { 200: { description: 'HTML page', contentType: 'text/html' } },
      handler: (c) => c.html(renderDocsPage(doc())),
    }),
  ];
}
