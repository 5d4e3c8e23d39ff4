import { serverOpenApiDocument } from '../routes.ts';

/** One operation of the OpenAPI document, as the fuzz tests need it. */
export interface Operation {
  method: string;
  path: string;
  operationId: string;
  access: string;
  query: string[];
  body: 'json' | 'multipart' | null;
  /** The JSON body's schema (JSON bodies only). */
  bodySchema: Schema | null;
  /** A multipart body's JSON parts and the name prefix of its file parts (multipart bodies only). */
  parts: { json: { name: string; schema: Schema }[]; filePrefix: string | null } | null;
}

export type Schema = Record<string, unknown>;

export interface OpenApi {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components?: { schemas?: Record<string, Schema> };
}

export function openApi(): OpenApi {
  return serverOpenApiDocument() as unknown as OpenApi;
}

/** Every operation of the document whose access policy `keep` accepts ('public', 'authenticated', 'grants'). */
export function operations(doc: OpenApi, keep: (access: string) => boolean): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const access = (op['x-policy'] as { access?: string } | null)?.access ?? 'none';
      if (!keep(access)) continue;
      const parameters = (op.parameters ?? []) as { in: string; name: string }[];
      const content = ((op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content ??
        {}) as Record<string, { schema?: Schema }>;
      out.push({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId as string,
        access,
        query: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        body: 'multipart/form-data' in content ? 'multipart' : 'application/json' in content ? 'json' : null,
        bodySchema: content['application/json']?.schema ?? null,
        parts: multipartParts(content['multipart/form-data']?.schema),
      });
    }
  }
  return out;
}

/** A multipart schema's JSON text parts (with their contentSchema) and its file parts' prefix (`files.`). */
function multipartParts(schema: Schema | undefined): Operation['parts'] {
  if (!schema) return null;
  const props = (schema.properties ?? {}) as Record<string, Schema>;
  const json = Object.entries(props)
    .filter(([, p]) => p.contentMediaType === 'application/json' && p.contentSchema)
    .map(([name, p]) => ({ name, schema: p.contentSchema as Schema }));
  const pattern = Object.keys((schema.patternProperties ?? {}) as object)[0];
  const prefix = pattern ? /^\^([a-z]+)\\\./.exec(pattern)?.[1] : undefined;
  return { json, filePrefix: prefix ? `${prefix}.` : null };
}
