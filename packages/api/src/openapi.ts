import type { TObject, TSchema } from '@sinclair/typebox';
import { routes } from './contract.ts';
import { ErrorBody } from './common.ts';
import { COMPONENTS } from './components.ts';
import { responsesOf, isErrorStatus } from './responses.ts';
import type { BodySpec, RouteContract } from './route.ts';

const componentById = new Map(Object.entries(COMPONENTS).map(([name, c]) => [c.$id, name]));

/** Plain JSON of a schema (TypeBox's symbol keys dropped), `$ref`s to components made document-local. */
export function schemaJson(schema: TSchema): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema), (key, value) =>
    key === '$ref' && typeof value === 'string' && componentById.has(value)
      ? `#/components/schemas/${componentById.get(value)}`
      : value,
  ) as Record<string, unknown>;
}

const withoutDescription = (s: Record<string, unknown>) => {
  const { description, ...rest } = s;
  return { description: description as string | undefined, rest };
};

function parameters(r: RouteContract): unknown[] {
  const out: unknown[] = [];
  const groups: [TObject | undefined, 'path' | 'query' | 'header'][] = [
    [r.params, 'path'],
    [r.query, 'query'],
    [r.headers, 'header'],
  ];
  for (const [object, where] of groups) {
    if (!object) continue;
    for (const [name, schema] of Object.entries(object.properties)) {
      const { description, rest } = withoutDescription(schemaJson(schema));
      out.push({
        name,
        in: where,
        required: where === 'path' || (object.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  }
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function requestBody(body: BodySpec): unknown {
  if ('json' in body) {
    return {
      required: true,
      ...(body.description ? { description: body.description } : {}),
      content: { 'application/json': { schema: schemaJson(body.json) } },
    };
  }
  const { parts, files } = body.multipart;
  const properties: Record<string, unknown> = {};
  const encoding: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(parts.properties)) {
    properties[name] = { type: 'string', contentMediaType: 'application/json', contentSchema: schemaJson(schema) };
    encoding[name] = { contentType: 'application/json' };
  }
  return {
    required: true,
    ...(body.description ? { description: body.description } : {}),
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          properties,
          required: parts.required ?? [],
          patternProperties: {
            [`^${escapeRegExp(files.prefix)}.+$`]: {
              type: 'string',
              contentMediaType: 'application/octet-stream',
              description: `${files.name}: ${files.description}`,
            },
          },
          additionalProperties: false,
        },
        encoding,
      },
    },
  };
}

function responses(r: RouteContract): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [status, spec] of Object.entries(responsesOf(r))) {
    const content: Record<string, unknown> = {};
    if (spec.json) content['application/json'] = { schema: schemaJson(spec.json) };
    else if (isErrorStatus(Number(status)) && !spec.files && !spec.empty)
      content['application/json'] = { schema: { $ref: '#/components/schemas/Error' } };
    for (const type of spec.files ?? []) content[type] = {};
    out[status] = {
      description: spec.description,
      ...(Object.keys(content).length ? { content } : {}),
      ...(spec.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(spec.headers).map(([k, h]) => [
                k,
                { description: h.description, schema: schemaJson(h.schema) },
              ]),
            ),
          }
        : {}),
    };
  }
  return out;
}

export interface OpenApiOptions {
  serverUrl?: string;
  version?: string;
  /** What the host adds to each operation (the server: its access policy row as `x-policy`). */
  operation?: (operationId: string) => Record<string, unknown>;
}

/** The OpenAPI 3.1 document of the contract. */
export function openApiDocument(options: OpenApiOptions = {}): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    (paths[r.path] ??= {})[r.method] = {
      operationId: r.operationId,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: r.tags,
      parameters: parameters(r),
      ...(r.body ? { requestBody: requestBody(r.body) } : {}),
      responses: responses(r),
      security: r.auth === 'public' ? [] : [{ session: [] }, { bearer: [] }],
      ...options.operation?.(r.operationId),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'motcua API',
      version: options.version ?? '1',
      summary: 'Hệ thống một cửa — API / One-stop shop API',
      description:
        'API của hệ thống một cửa motcua. Lỗi luôn có dạng { error: { status, code, message: { vi, en }, issues } }, với status là mã HTTP. / ' +
        'The motcua one-stop shop API. Errors always have the shape { error: { status, code, message: { vi, en }, issues } }, status being the HTTP status.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    paths,
    components: {
      schemas: {
        Error: schemaJson(ErrorBody),
        ...Object.fromEntries(
          Object.entries(COMPONENTS).map(([name, c]) => {
            const { $schema: _dialect, $id: _id, ...schema } = c.schema;
            return [name, schemaJson(schema as TSchema)];
          }),
        ),
      },
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
