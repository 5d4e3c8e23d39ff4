import { Type } from '@sinclair/typebox';
import { defineRoute } from './route.ts';
import { Message } from './common.ts';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  database: Type.String({ description: 'pglite or postgres' }),
  time: Type.String({ description: 'The server\u2019s clock (ISO 8601)' }),
});

export const getHealth = defineRoute({
  method: 'get',
  path: '/api/v1/health',
  operationId: 'getHealth',
  summary: 'Tình trạng máy chủ / Server health',
  tags: ['meta'],
  auth: 'public',
  responses: {
    200: { description: 'OK', json: Health },
    503: { description: 'Database unreachable (`status: "unavailable"`)', json: Health },
  },
});

const Readiness = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('starting')]),
  message: Message,
});

export const getReady = defineRoute({
  method: 'get',
  path: '/api/v1/ready',
  operationId: 'getReady',
  summary: 'Sẵn sàng phục vụ / Readiness',
  description:
    'Ready once the database is migrated and the demo province seeded. Until then this answers 503 (with `Retry-After`) and so does every other route except `/api/v1/health` (liveness).',
  tags: ['meta'],
  auth: 'public',
  responses: {
    200: { description: 'Ready (`status: "ready"`)', json: Readiness },
    503: { description: 'Still starting (`status: "starting"`, `Retry-After`)', json: Readiness },
  },
});

export const getOpenApi = defineRoute({
  method: 'get',
  path: '/api/v1/openapi.json',
  operationId: 'getOpenApi',
  summary: 'Tài liệu OpenAPI 3.1 / The OpenAPI 3.1 document',
  tags: ['meta'],
  auth: 'public',
  responses: { 200: { description: 'The document', json: Type.Object({}, { additionalProperties: true }) } },
});

export const getApiDocs = defineRoute({
  method: 'get',
  path: '/api/v1/docs',
  operationId: 'getApiDocs',
  summary: 'Trang tài liệu API / Human-readable API documentation',
  tags: ['meta'],
  auth: 'public',
  responses: { 200: { description: 'HTML page', files: ['text/html'] } },
});
