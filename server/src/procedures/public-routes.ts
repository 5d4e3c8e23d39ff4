import { contract, currentValidatorsModule } from '@motcua/api';
import { implement, type Implementation } from '../http/implement.ts';
import { errors } from '../http/errors.ts';
import { baseUrl } from '../http/base-url.ts';
import { getVersion } from './service.ts';
import { inForce, loadVersion, publicCatalog } from './catalog.ts';
import { publicProcedureView, receivingSummary } from './public-view.ts';

const notFound = () => errors.notFound({ vi: 'Không tìm thấy thủ tục', en: 'Procedure not found' });

export function validatorsPath(code: string, version: number): string {
  return `/api/v1/public/procedures/${encodeURIComponent(code)}/versions/${version}/validators.js`;
}

export function publicProcedureRoutes(): Implementation[] {
  return [
    implement(contract.publicListProcedures, async (c) => {
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
    }),
    implement(contract.publicGetProcedure, async (c, { params }) => {
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
    }),
    implement(contract.publicGetProcedureVersion, async (c, { params }) => {
      const ctx = c.get('ctx');
      const v = await loadVersion(ctx, params.procedureCode, params.version);
      if (!v) throw notFound();
      c.header('Cache-Control', 'public, max-age=3600');
      return c.json(publicProcedureView(v, await ctx.agencies.get(), baseUrl(c) + validatorsPath(v.code, v.version)));
    }),
    implement(contract.publicGetCurrentValidators, async (c, { params }) => {
      const ctx = c.get('ctx');
      const f = await inForce(ctx, params.procedureCode);
      if (!f || f.retired || !f.current) throw notFound();
      const v = await getVersion(ctx.db, f.current.code, f.current.version);
      if (!v) throw notFound();
      const etag = `"${v.validatorsSha256}.${v.version}"`;
      c.header('Cache-Control', 'public, max-age=60');
      c.header('ETag', etag);
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('X-Procedure-Version', String(v.version));
      if (c.req.header('if-none-match')?.replace(/^W\//, '') === etag) return c.body(null, 304);
      c.header('Content-Type', 'text/javascript; charset=utf-8');
      return c.body(currentValidatorsModule(v.version, v.validators));
    }),
    implement(contract.publicGetValidators, async (c, { params }) => {
      const v = await getVersion(c.get('ctx').db, params.procedureCode, params.version);
      if (!v) throw notFound();
      const etag = `"${v.validatorsSha256}"`;
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      c.header('ETag', etag);
      c.header('X-Content-Type-Options', 'nosniff');
      // A compressed answer carries the weak form of the tag (W/"…"): both name the same version.
      if (c.req.header('if-none-match')?.replace(/^W\//, '') === etag) return c.body(null, 304);
      c.header('Content-Type', 'text/javascript; charset=utf-8');
      return c.body(v.validators);
    }),
  ];
}
