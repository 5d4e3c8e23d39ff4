import { contract } from '@motcua/api';
import type { Context } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { implement, type Implementation } from '../http/implement.ts';
import { errors } from '../http/errors.ts';
import { requireAccess } from '../policy/middleware.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../auth/api-tokens.ts';
import { createStaff, setStaffRoles, staffOfAgency, staffView, updateStaff } from './service.ts';

async function view(c: Context<AppEnv>, id: string) {
  const v = await staffView(c.get('ctx').db, id);
  if (!v) throw errors.notFound({ vi: 'Không tìm thấy tài khoản', en: 'Account not found' });
  return v;
}

export function staffRoutes(): Implementation[] {
  return [
    implement(contract.listStaff, async (c, { params, query }) => {
      const ctx = c.get('ctx');
      const snap = await ctx.agencies.get();
      const codes = query.subtree ? snap.all.subtree(params.agencyCode).map((a) => a.code) : [params.agencyCode];
      return c.json({ items: await staffOfAgency(ctx.db, codes) });
    }),
    implement(contract.createStaff, async (c, { params, body }) => {
      const ctx = c.get('ctx');
      await requireAccess(
        c,
        body.roles.map((g) => g.agency),
      );
      const id = await ctx.db.transaction((tx) =>
        createStaff(tx, { ...body, password: body.password ?? null, agencyCode: params.agencyCode }, ctx.clock.now()),
      );
      return c.json(await view(c, id), 201);
    }),
    implement(contract.getStaff, async (c, { params }) => c.json(await view(c, params.staffId))),
    implement(contract.updateStaff, async (c, { params, body }) => {
      const ctx = c.get('ctx');
      if (body.active === false && params.staffId === c.get('principal')!.staffId) {
        throw errors.conflict('self', {
          vi: 'Không thể tự khóa tài khoản của mình',
          en: 'You cannot deactivate your own account',
        });
      }
      await ctx.db.transaction((tx) => updateStaff(tx, params.staffId, body, ctx.clock.now()));
      return c.json(await view(c, params.staffId));
    }),
    implement(contract.setStaffRoles, async (c, { params, body }) => {
      const ctx = c.get('ctx');
      const before = await view(c, params.staffId);
      await requireAccess(
        c,
        [...before.roles, ...body.roles].map((g) => g.agency),
      );
      await ctx.db.transaction((tx) => setStaffRoles(tx, params.staffId, body.roles, ctx.clock.now()));
      return c.json(await view(c, params.staffId));
    }),
    implement(contract.listApiTokens, async (c, { params }) =>
      c.json({ items: await listApiTokens(c.get('ctx').db, params.staffId) }),
    ),
    implement(contract.createApiToken, async (c, { params, body }) => {
      const ctx = c.get('ctx');
      const now = ctx.clock.now();
      const expires = body.expiresAt ? new Date(body.expiresAt) : null;
      if (expires && expires.getTime() <= now) {
        throw errors.invalid([
          {
            pointer: '/body/expiresAt',
            code: 'past',
            message: { vi: 'Thời hạn phải ở tương lai', en: 'The expiry must be in the future' },
          },
        ]);
      }
      const { token, info } = await createApiToken(ctx.db, params.staffId, body.name, now, expires);
      return c.json({ ...info, token }, 201);
    }),
    implement(contract.revokeApiToken, async (c, { params }) => {
      const ctx = c.get('ctx');
      if (!(await revokeApiToken(ctx.db, params.staffId, params.tokenId, ctx.clock.now()))) {
        throw errors.notFound({ vi: 'Không tìm thấy mã truy cập', en: 'Token not found' });
      }
      return c.json({ ok: true as const });
    }),
  ];
}
