import type { TObject, TSchema } from '@sinclair/typebox';
import type { AnyRoute } from '../http/route.ts';
import { ErrorBody } from '../http/schemas.ts';
import { POLICY } from '../policy/table.ts';
import type { PolicyRule } from '../policy/rules.ts';

/** Plain JSON of a TypeBox schema (drops TypeBox's symbol keys, keeps every keyword). */
function json(schema: TSchema): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
}

const STANDARD_ERRORS: Record<number, string> = {
  400: 'Dữ liệu không hợp lệ / Invalid input (issues carry JSON pointers)',
  401: 'Cần đăng nhập / Authentication required',
  403: 'Không có quyền / Forbidden by the access policy',
  404: 'Không tìm thấy / Not found',
  429: 'Quá nhiều yêu cầu / Too many requests',
};

function parameters(r: AnyRoute): unknown[] {
  const out: unknown[] = [];
  const params = r.params as TObject | undefined;
  for (const name of [...r.path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!)) {
    const schema = params?.properties?.[name];
    out.push({ name, in: 'path', required: true, schema: schema ? json(schema) : { type: 'string' } });
  }
  const query = r.query as TObject | undefined;
  for (const [name, schema] of Object.entries(query?.properties ?? {})) {
    const { description, ...rest } = json(schema);
    out.push({
      name,
      in: 'query',
      required: (query?.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    });
  }
  for (const [name, h] of Object.entries(r.headers ?? {})) {
    out.push({ name, in: 'header', required: !!h.required, description: h.description, schema: json(h.schema) });
  }
  return out;
}

function security(rule: PolicyRule | undefined): unknown[] | undefined {
  if (!rule || rule.access === 'public') return [];
  return [{ session: [] }, { bearer: [] }];
}

/**
 * The OpenAPI 3.1 document, generated from the route registry (and annotated with each
 * operation's policy row as `x-policy`), so that it cannot drift from the app.
 */
export function openApiDocument(
  routes: readonly AnyRoute[],
  options: { serverUrl?: string; version?: string } = {},
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const rule = POLICY[r.operationId];
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(r.responses)) {
      const content = spec.schema
        ? { [spec.contentType ?? 'application/json']: { schema: json(spec.schema) } }
        : spec.contentType
          ? { [spec.contentType]: {} }
          : undefined;
      responses[status] = {
        description: spec.description,
        ...(content ? { content } : {}),
        ...(spec.headers
          ? {
              headers: Object.fromEntries(
                Object.entries(spec.headers).map(([k, h]) => [
                  k,
                  { description: h.description, schema: json(h.schema) },
                ]),
              ),
            }
          : {}),
      };
    }
    const errorCodes = new Set<number>([400, 404, 429]);
    if (rule && rule.access !== 'public') errorCodes.add(401);
    if (rule && rule.access === 'grants') errorCodes.add(403);
    for (const code of errorCodes) {
      if (!responses[code])
        responses[code] = {
          description: STANDARD_ERRORS[code],
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        };
    }
    let requestBody: unknown;
    if (r.body && 'json' in r.body) {
      requestBody = {
        required: true,
        ...(r.body.description ? { description: r.body.description } : {}),
        content: { 'application/json': { schema: json(r.body.json) } },
      };
    } else if (r.body && 'multipart' in r.body) {
      requestBody = {
        required: true,
        ...(r.body.description ? { description: r.body.description } : {}),
        content: { 'multipart/form-data': { schema: json(r.body.multipart) } },
      };
    }
    (paths[r.path] ??= {})[r.method] = {
      operationId: r.operationId,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: r.tags,
      parameters: parameters(r),
      ...(requestBody ? { requestBody } : {}),
      responses,
      security: security(rule),
      'x-policy': rule ?? null,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'motcua API',
      version: options.version ?? '1',
      summary: 'Hệ thống một cửa — API / One-stop shop API',
      description:
        'API của hệ thống một cửa motcua. Lỗi luôn có dạng { error: { status, code, message: { vi, en }, issues } }. / ' +
        'The motcua one-stop shop API. Errors always have the shape { error: { status, code, message: { vi, en }, issues } }.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    paths,
    components: {
      schemas: { Error: json(ErrorBody) },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'motcua_session',
          description: 'Browser session (plus X-CSRF-Token on changes)',
        },
        bearer: { type: 'http', scheme: 'bearer', description: 'API token (mct_…) for integrations' },
      },
    },
  };
}
