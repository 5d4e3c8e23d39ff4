import { Type, type Static } from '@sinclair/typebox';
import { AgencyCode, Items, Nullable, Ok, Uuid } from './common.ts';
import { Grant } from './auth.ts';
import { defineRoute } from './route.ts';

export const StaffView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  fullName: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  agencyCode: Type.String(),
  active: Type.Boolean(),
  hasPassword: Type.Boolean(),
  roles: Type.Array(Grant),
  revision: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type StaffView = Static<typeof StaffView>;

export const ApiTokenInfo = Type.Object({
  id: Type.String(),
  name: Type.String(),
  createdAt: Type.String(),
  expiresAt: Nullable(Type.String()),
  lastUsedAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
});
export type ApiTokenInfo = Static<typeof ApiTokenInfo>;

const Phone = Type.String({ pattern: '^[0-9+ .-]{6,20}$' });
const Email = Type.String({ format: 'email', maxLength: 200 });
const staffParams = Type.Object({ staffId: Uuid });
const Roles = Type.Array(Grant, { maxItems: 100 });

export const listStaff = defineRoute({
  method: 'get',
  path: '/api/v1/agencies/{agencyCode}/staff',
  operationId: 'listStaff',
  summary: 'Tài khoản cán bộ của cơ quan / Staff accounts of an agency',
  tags: ['staff'],
  auth: 'staff',
  params: Type.Object({ agencyCode: AgencyCode }),
  query: Type.Object({ subtree: Type.Optional(Type.Boolean({ description: 'Include the agencies below' })) }),
  responses: { 200: { description: 'Accounts', json: Items(StaffView) } },
});

export const createStaff = defineRoute({
  method: 'post',
  path: '/api/v1/agencies/{agencyCode}/staff',
  operationId: 'createStaff',
  summary: 'Tạo tài khoản cán bộ / Create a staff account',
  description: 'Roles may be granted only at agencies the administrator manages.',
  tags: ['staff'],
  auth: 'staff',
  params: Type.Object({ agencyCode: AgencyCode }),
  body: {
    json: Type.Object(
      {
        username: Type.String({ minLength: 2, maxLength: 64 }),
        fullName: Type.String({ minLength: 1, maxLength: 200 }),
        email: Type.Optional(Nullable(Email)),
        phone: Type.Optional(Nullable(Phone)),
        password: Type.Optional(
          Type.String({
            maxLength: 200,
            description: 'Omit for an integration account that signs in with API tokens only',
          }),
        ),
        roles: Roles,
      },
      { additionalProperties: false },
    ),
  },
  responses: { 201: { description: 'Created', json: StaffView }, 409: { description: 'Username taken' } },
});

export const getStaff = defineRoute({
  method: 'get',
  path: '/api/v1/staff/{staffId}',
  operationId: 'getStaff',
  summary: 'Một tài khoản / One staff account',
  tags: ['staff'],
  auth: 'staff',
  params: staffParams,
  responses: { 200: { description: 'The account', json: StaffView } },
});

export const updateStaff = defineRoute({
  method: 'patch',
  path: '/api/v1/staff/{staffId}',
  operationId: 'updateStaff',
  summary: 'Sửa, khóa tài khoản hoặc đặt lại mật khẩu / Update, deactivate or reset the password of an account',
  description: 'Deactivating or setting a password ends the account\u2019s sessions.',
  tags: ['staff'],
  auth: 'staff',
  params: staffParams,
  body: {
    json: Type.Object(
      {
        fullName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        email: Type.Optional(Nullable(Email)),
        phone: Type.Optional(Nullable(Phone)),
        active: Type.Optional(Type.Boolean()),
        password: Type.Optional(Type.String({ maxLength: 200 })),
        revision: Type.Optional(Type.Integer()),
      },
      { additionalProperties: false },
    ),
  },
  responses: {
    200: { description: 'Updated', json: StaffView },
    409: { description: 'Changed by someone else, or deactivating oneself' },
  },
});

export const setStaffRoles = defineRoute({
  method: 'put',
  path: '/api/v1/staff/{staffId}/roles',
  operationId: 'setStaffRoles',
  summary: 'Phân quyền / Set an account\u2019s roles',
  description: 'Replaces the roles. The administrator must manage every agency of the old and the new grants.',
  tags: ['staff'],
  auth: 'staff',
  params: staffParams,
  body: { json: Type.Object({ roles: Roles }, { additionalProperties: false }) },
  responses: { 200: { description: 'Updated', json: StaffView } },
});

export const listApiTokens = defineRoute({
  method: 'get',
  path: '/api/v1/staff/{staffId}/tokens',
  operationId: 'listApiTokens',
  summary: 'Mã truy cập API / API tokens of an account',
  tags: ['staff'],
  auth: 'staff',
  params: staffParams,
  responses: { 200: { description: 'Tokens (never their secret)', json: Items(ApiTokenInfo) } },
});

export const createApiToken = defineRoute({
  method: 'post',
  path: '/api/v1/staff/{staffId}/tokens',
  operationId: 'createApiToken',
  summary: 'Tạo mã truy cập API / Create an API token',
  description: 'The token is shown once; only its hash is stored. It acts with the account\u2019s roles.',
  tags: ['staff'],
  auth: 'staff',
  params: staffParams,
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
    201: {
      description: 'Created',
      json: Type.Composite([ApiTokenInfo, Type.Object({ token: Type.String({ description: 'mct_…, shown once' }) })]),
    },
  },
});

export const revokeApiToken = defineRoute({
  method: 'delete',
  path: '/api/v1/staff/{staffId}/tokens/{tokenId}',
  operationId: 'revokeApiToken',
  summary: 'Thu hồi mã truy cập API / Revoke an API token',
  tags: ['staff'],
  auth: 'staff',
  params: Type.Object({ staffId: Uuid, tokenId: Uuid }),
  responses: { 200: { description: 'Revoked', json: Ok } },
});
