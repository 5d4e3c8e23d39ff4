import { Type } from '@sinclair/typebox';
import { route, type AnyRoute } from '../http/route.ts';
import { errors } from '../http/errors.ts';
import { AgencyCode, Ok, Uuid } from '../http/schemas.ts';
import { requireAccess } from '../policy/middleware.ts';
import { GrantSchema } from '../auth/routes.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../auth/api-tokens.ts';
import { createStaff, setStaffRoles, staffOfAgency, staffView, updateStaff } from './service.ts';

export const StaffView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  fullName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  agencyCode: Type.String(),
  active: Type.Boolean(),
  hasPassword: Type.Boolean(),
  roles: Type.Array(GrantSchema),
  revision: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const TokenInfo = Type.Object({
  id: Type.String(),
  name: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});

const Phone = Type.String({ pattern: '^[0-9+ .-]{6,20}$' });
const Email = Type.String({ format: 'email', maxLength: 200 });

async function view(c: Parameters<AnyRoute['handler']>[0], id: string) {
  const v = await staffView(c.get('ctx').db, id);
  if (!v) throw errors.notFound({ vi: 'Không tìm thấy tài khoản', en: 'Account not found' });
  return v;
}

export function staffRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/agencies/{agencyCode}/staff',
      operationId: 'listStaff',
      summary: 'Tài khoản cán bộ của cơ quan / Staff accounts of an agency',
      tags: ['staff'],
      params: Type.Object({ agencyCode: AgencyCode }),
      query: Type.Object({ subtree: Type.Optional(Type.Boolean({ description: 'Include the agencies below' })) }),
      responses: { 200: { description: 'Accounts', schema: Type.Object({ items: Type.Array(StaffView) }) } },
      handler: async (c, { params, query }) => {
        const ctx = c.get('ctx');
        const snap = await ctx.agencies.get();
        const codes = query.subtree ? snap.all.subtree(params.agencyCode).map((a) => a.code) : [params.agencyCode];
        return c.json({ items: await staffOfAgency(ctx.db, codes) });
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/agencies/{agencyCode}/staff',
      operationId: 'createStaff',
      summary: 'Tạo tài khoản cán bộ / Create a staff account',
      description: 'Roles may be granted only at agencies the administrator manages.',
      tags: ['staff'],
      params: Type.Object({ agencyCode: AgencyCode }),
      body: {
        json: Type.Object(
          {
            username: Type.String({ minLength: 2, maxLength: 64 }),
            fullName: Type.String({ minLength: 1, maxLength: 200 }),
            email: Type.Optional(Type.Union([Email, Type.Null()])),
            phone: Type.Optional(Type.Union([Phone, Type.Null()])),
            password: Type.Optional(
              Type.String({
                maxLength: 200,
                description: 'Omit for an integration account that signs in with API tokens only',
              }),
            ),
            roles: Type.Array(GrantSchema, { maxItems: 100 }),
          },
          { additionalProperties: false },
        ),
      },
      responses: { 201: { description: 'Created', schema: StaffView }, 409: { description: 'Username taken' } },
      handler: async (c, { params, body }) => {
        const ctx = c.get('ctx');
        await requireAccess(
          c,
          body.roles.map((g) => g.agency),
        );
        const id = await ctx.db.transaction((tx) =>
          createStaff(tx, { ...body, password: body.password ?? null, agencyCode: params.agencyCode }, ctx.clock.now()),
        );
        return c.json(await view(c, id), 201);
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/staff/{staffId}',
      operationId: 'getStaff',
      summary: 'Một tài khoản / One staff account',
      tags: ['staff'],
      params: Type.Object({ staffId: Uuid }),
      responses: { 200: { description: 'The account', schema: StaffView } },
      handler: async (c, { params }) => c.json(await view(c, params.staffId)),
    }),
    route({
      method: 'patch',
      path: '/api/v1/staff/{staffId}',
      operationId: 'updateStaff',
      summary: 'Sửa, khóa tài khoản hoặc đặt lại mật khẩu / Update, deactivate or reset the password of an account',
      description: 'Deactivating or setting a password ends the account\u2019s sessions.',
      tags: ['staff'],
      params: Type.Object({ staffId: Uuid }),
      body: {
        json: Type.Object(
          {
            fullName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            email: Type.Optional(Type.Union([Email, Type.Null()])),
            phone: Type.Optional(Type.Union([Phone, Type.Null()])),
            active: Type.Optional(Type.Boolean()),
            password: Type.Optional(Type.String({ maxLength: 200 })),
            revision: Type.Optional(Type.Integer()),
          },
          { additionalProperties: false },
        ),
      },
      responses: { 200: { description: 'Updated', schema: StaffView } },
      handler: async (c, { params, body }) => {
        const ctx = c.get('ctx');
        if (body.active === false && params.staffId === c.get('principal')!.staffId) {
          throw errors.conflict('self', {
            vi: 'Không thể tự khóa tài khoản của mình',
            en: 'You cannot deactivate your own account',
          });
        }
        await ctx.db.transaction((tx) => updateStaff(tx, params.staffId, body, ctx.clock.now()));
        return c.json(await view(c, params.staffId));
      },
    }),
    route({
      method: 'put',
      path: '/api/v1/staff/{staffId}/roles',
      operationId: 'setStaffRoles',
      summary: 'Phân quyền / Set an account\u2019s roles',
      description: 'Replaces the roles. The administrator must manage every agency of the old and the new grants.',
      tags: ['staff'],
      params: Type.Object({ staffId: Uuid }),
      body: {
        json: Type.Object({ roles: Type.Array(GrantSchema, { maxItems: 100 }) }, { additionalProperties: false }),
      },
      responses: { 200: { description: 'Updated', schema: StaffView } },
      handler: async (c, { params, body }) => {
        const ctx = c.get('ctx');
        const before = await view(c, params.staffId);
        await requireAccess(
          c,
          [...before.roles, ...body.roles].map((g) => g.agency),
        );
        await ctx.db.transaction((tx) => setStaffRoles(tx, params.staffId, body.roles, ctx.clock.now()));
        return c.json(await view(c, params.staffId));
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/staff/{staffId}/tokens',
      operationId: 'listApiTokens',
      summary: 'Mã truy cập API / API tokens of an account',
      tags: ['staff'],
      params: Type.Object({ staffId: Uuid }),
      responses: {
        200: { description: 'Tokens (never their secret)', schema: Type.Object({ items: Type.Array(TokenInfo) }) },
      },
      handler: async (c, { params }) => c.json({ items: await listApiTokens(c.get('ctx').db, params.staffId) }),
    }),
    route({
      method: 'post',
      path: '/api/v1/staff/{staffId}/tokens',
      operationId: 'createApiToken',
      summary: 'Tạo mã truy cập API / Create an API token',
      description: 'The token is shown once; only its hash is stored. It acts with the account\u2019s roles.',
      tags: ['staff'],
      params: Type.Object({ staffId: Uuid }),
      body: {
        json: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
          },
          { additionalProperties: false },
        ),
      },
      responses: {
        201: { description: 'Created', schema: Type.Composite([TokenInfo, Type.Object({ token: Type.String() })]) },
      },
      handler: async (c, { params, body }) => {
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
      },
    }),
    route({
      method: 'delete',
      path: '/api/v1/staff/{staffId}/tokens/{tokenId}',
      operationId: 'revokeApiToken',
      summary: 'Thu hồi mã truy cập API / Revoke an API token',
      tags: ['staff'],
      params: Type.Object({ staffId: Uuid, tokenId: Uuid }),
      responses: { 200: { description: 'Revoked', schema: Ok } },
      handler: async (c, { params }) => {
        const ctx = c.get('ctx');
        if (!(await revokeApiToken(ctx.db, params.staffId, params.tokenId, ctx.clock.now()))) {
          throw errors.notFound({ vi: 'Không tìm thấy mã truy cập', en: 'Token not found' });
        }
        return c.json({ ok: true as const });
      },
    }),
  ];
}
