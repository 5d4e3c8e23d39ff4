import { Type } from '@sinclair/typebox';
import { defineRoute } from './route.ts';

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
