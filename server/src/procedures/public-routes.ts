import { Type } from '@sinclair/typebox';
import { route, type AnyRoute } from '../http/route.ts';
import { errors } from '../http/errors.ts';
import { LocalizedText, ProcedureCode } from '../http/schemas.ts';
import { baseUrl } from '../http/base-url.ts';
import { getVersion } from './service.ts';
import { inForce, loadVersion, publicCatalog } from './catalog.ts';
import { publicProcedureView, receivingSummary } from './public-view.ts';

const PublicAgency = Type.Object({
  code: Type.String(),
  name: LocalizedText,
  kind: Type.String(),
  parent: Type.Union([Type.String(), Type.Null()]),
});

const PublicProcedure = Type.Object({
  code: Type.String(),
  version: Type.Integer(),
  publishedAt: Type.String(),
  procedure: Type.Unknown({ description: 'The immutable definition of that version' }),
  validators: Type.String({ description: 'URL of the version\u2019s validator module' }),
  agencies: Type.Array(PublicAgency),
  calendars: Type.Record(Type.String(), Type.Unknown(), {
    description: 'Calendar of each agency above (calendar file format)',
  }),
});

const notFound = () => errors.notFound({ vi: 'Không tìm thấy thủ tục', en: 'Procedure not found' });

export function validatorsPath(code: string, version: number): string {
  return `/api/v1/public/procedures/${encodeURIComponent(code)}/versions/${version}/validators.js`;
}

export function publicProcedureRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/public/procedures',
      operationId: 'publicListProcedures',
      summary: 'Thủ tục đang áp dụng / Procedures in force',
      tags: ['public'],
      responses: {
        200: {
          description: 'The version in force today of every published procedure',
          schema: Type.Object({
            items: Type.Array(
              Type.Object({
                code: Type.String(),
                version: Type.Integer(),
                title: LocalizedText,
                field: Type.Object({ code: Type.String(), title: LocalizedText }),
                serviceLevel: Type.String(),
                receiving: Type.Object({ mode: Type.String() }, { additionalProperties: true }),
              }),
            ),
          }),
        },
      },
      handler: async (c) => {
        const items = (await publicCatalog(c.get('ctx'))).map((p) => ({
          code: p.code,
          version: p.version,
          title: p.definition.title,
          field: p.definition.field,
          serviceLevel: p.definition.serviceLevel,
          receiving: receivingSummary(p.definition.receiving),
        }));
        c.header('Cache-Control', 'public, max-age=60');
        return c.json({ items });
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/public/procedures/{procedureCode}',
      operationId: 'publicGetProcedure',
      summary: 'Thủ tục đang áp dụng, đủ để hiển thị tờ khai / The version in force, with what a runtime needs',
      tags: ['public'],
      params: Type.Object({ procedureCode: ProcedureCode }),
      responses: { 200: { description: 'The version in force', schema: PublicProcedure } },
      handler: async (c, { params }) => {
        const ctx = c.get('ctx');
        const f = await inForce(ctx, params.procedureCode);
        if (!f || f.retired || !f.current) throw notFound();
        c.header('Cache-Control', 'public, max-age=60');
        return c.json(
          publicProcedureView(
            f.current,
            await ctx.agencies.get(),
            baseUrl(c) + validatorsPath(f.current.code, f.current.version),
          ),
        );
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/public/procedures/{procedureCode}/versions/{version}',
      operationId: 'publicGetProcedureVersion',
      summary: 'Một phiên bản đã công bố / A published version (e.g. the one a dossier is pinned to)',
      tags: ['public'],
      params: Type.Object({ procedureCode: ProcedureCode, version: Type.Integer({ minimum: 1 }) }),
      responses: { 200: { description: 'The version', schema: PublicProcedure } },
      handler: async (c, { params }) => {
        const ctx = c.get('ctx');
        const v = await loadVersion(ctx, params.procedureCode, params.version);
        if (!v) throw notFound();
        c.header('Cache-Control', 'public, max-age=3600');
        return c.json(publicProcedureView(v, await ctx.agencies.get(), baseUrl(c) + validatorsPath(v.code, v.version)));
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/public/procedures/{procedureCode}/versions/{version}/validators.js',
      operationId: 'publicGetValidators',
      summary: 'Mô-đun kiểm tra dữ liệu đã biên dịch / The version\u2019s precompiled validator module',
      description:
        'A self-contained ES module (no imports) exporting `validators` keyed by core\u2019s schemaKey. Immutable: cached for a year, CORS for every origin.',
      tags: ['public'],
      params: Type.Object({ procedureCode: ProcedureCode, version: Type.Integer({ minimum: 1 }) }),
      responses: { 200: { description: 'ES module', contentType: 'text/javascript' } },
      handler: async (c, { params }) => {
        const v = await getVersion(c.get('ctx').db, params.procedureCode, params.version);
        if (!v) throw notFound();
        const etag = `"${v.validatorsSha256}"`;
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
        c.header('ETag', etag);
        c.header('X-Content-Type-Options', 'nosniff');
        if (c.req.header('if-none-match') === etag) return c.body(null, 304);
        c.header('Content-Type', 'text/javascript; charset=utf-8');
        return c.body(v.validators);
      },
    }),
  ];
}
