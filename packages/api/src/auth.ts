import { Type, type Static } from '@sinclair/typebox';
import { ROLE_NAMES } from '@motcua/core';
import { Nullable, Ok } from './common.ts';
import { defineRoute } from './route.ts';

/** A role held at an agency. */
export const Grant = Type.Object({
  agency: Type.String(),
  role: Type.Union(ROLE_NAMES.map((r) => Type.Literal(r))),
});
export type Grant = Static<typeof Grant>;

export const SessionView = Type.Object({
  staff: Type.Object({
    id: Type.String(),
    username: Type.String(),
    fullName: Type.String(),
    agencyCode: Type.String(),
    roles: Type.Array(Grant),
  }),
  csrfToken: Nullable(Type.String(), {
    description: 'Send as X-CSRF-Token on every change made with the session cookie',
  }),
  via: Type.Union([Type.Literal('session'), Type.Literal('token')]),
});
export type SessionView = Static<typeof SessionView>;

export const login = defineRoute({
  method: 'post',
  path: '/api/v1/auth/login',
  operationId: 'login',
  summary: 'Đăng nhập / Sign in',
  description: 'Starts a browser session (HttpOnly cookie). Failed attempts are throttled per account and per address.',
  tags: ['auth'],
  auth: 'public',
  body: {
    json: Type.Object({
      username: Type.String({ minLength: 1, maxLength: 64 }),
      password: Type.String({ minLength: 1, maxLength: 200 }),
    }),
  },
  responses: {
    200: { description: 'Signed in', json: SessionView },
    401: { description: 'Wrong credentials' },
    429: { description: 'Too many attempts (per address, or failed ones per account)' },
  },
});

export const logout = defineRoute({
  method: 'post',
  path: '/api/v1/auth/logout',
  operationId: 'logout',
  summary: 'Đăng xuất / Sign out',
  tags: ['auth'],
  auth: 'staff',
  responses: { 200: { description: 'Signed out', json: Ok } },
});

export const getSession = defineRoute({
  method: 'get',
  path: '/api/v1/auth/session',
  operationId: 'getSession',
  summary: 'Phiên hiện tại / The current session',
  tags: ['auth'],
  auth: 'staff',
  responses: { 200: { description: 'Who is signed in, with the CSRF token', json: SessionView } },
});

export const changePassword = defineRoute({
  method: 'post',
  path: '/api/v1/auth/password',
  operationId: 'changePassword',
  summary: 'Đổi mật khẩu / Change one\u2019s password',
  description: 'Other sessions of the account end.',
  tags: ['auth'],
  auth: 'staff',
  body: {
    json: Type.Object({
      currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
      newPassword: Type.String({ minLength: 1, maxLength: 200 }),
    }),
  },
  responses: { 200: { description: 'Changed', json: Ok } },
});
