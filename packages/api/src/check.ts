/**
 * Does a response keep the contract? Used by the server's tests (every response of every test)
 * and by the runtime's mock server (every body it serves). Node-side: it compiles with ajv.
 */
import type { ValidateFunction } from 'ajv';
import type { TSchema } from '@sinclair/typebox';
import { createAjv } from '@motcua/core/ajv';
import { schemaErrorPointer, type Issue, type SchemaError } from '@motcua/core';
import { contract, routes } from './contract.ts';
import { ErrorBody } from './common.ts';
import { COMPONENTS } from './components.ts';
import { isErrorStatus, responsesOf } from './responses.ts';
import type { RouteContract } from './route.ts';

const ajv = createAjv({ discriminator: true });
for (const c of Object.values(COMPONENTS)) ajv.addSchema(c.schema);

/**
 * The schema with every object closed that does not say otherwise: a response must carry exactly
 * the properties its schema lists (the schemas are the apps' truth), while the published document
 * leaves room to add fields later.
 */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema))
    out[k] = k === 'const' || k === 'default' || k === 'enum' ? v : closed(v);
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined && !out.patternProperties)
    out.additionalProperties = false;
  return out;
}

const compiled = new Map<string, ValidateFunction>();
function validator(key: string, schema: TSchema): ValidateFunction {
  let fn = compiled.get(key);
  if (!fn) compiled.set(key, (fn = ajv.compile(closed(JSON.parse(JSON.stringify(schema))) as object)));
  return fn;
}

const issue = (pointer: string, code: string, en: string, vi = en): Issue => ({ pointer, code, message: { vi, en } });

export interface CheckedResponse {
  status: number;
  /** The Content-Type header (null when absent). */
  contentType: string | null;
  /** The parsed body when it is JSON; undefined otherwise. */
  body?: unknown;
}

const isJson = (type: string | null) => !!type && /^application\/([a-z0-9.+-]*\+)?json\b/i.test(type);

function mediaTypeMatches(type: string, accepted: readonly string[]): boolean {
  const base = type.split(';')[0]!.trim().toLowerCase();
  return accepted.some((a) => a === '*/*' || a === base || (a.endsWith('/*') && base.startsWith(a.slice(0, -1))));
}

/** The ways a response breaks the contract of its operation (empty when it keeps it). */
export function checkResponse(operationId: string, response: CheckedResponse): Issue[] {
  const route = (contract as Record<string, RouteContract>)[operationId];
  if (!route) return [issue('', 'unknown-operation', `No operation ${operationId} in the contract`)];
  const { status, contentType } = response;
  const spec = responsesOf(route)[status];
  if (!spec) return [issue('/status', 'undeclared-status', `${operationId} does not declare status ${status}`)];
  if (spec.empty) return response.body === undefined ? [] : [issue('/body', 'not-empty', `${status} has no body`)];
  const schema = spec.json ?? (isErrorStatus(status) && !spec.files ? ErrorBody : undefined);
  if (isJson(contentType) && schema) {
    const fn = validator(`${operationId} ${status}`, schema);
    const out: Issue[] = [];
    if (!fn(response.body)) {
      for (const e of (fn.errors ?? []) as SchemaError[]) {
        const detail = e.keyword === 'additionalProperties' ? ` ${String(e.params.additionalProperty)}` : '';
        out.push(
          issue(
            `/body${schemaErrorPointer(e)}`,
            e.keyword,
            `${operationId} ${status}: ${e.message ?? e.keyword}${detail}`,
          ),
        );
      }
    }
    const error = (response.body as { error?: { status?: unknown } } | undefined)?.error;
    if (isErrorStatus(status) && !spec.json && error && error.status !== status)
      out.push(
        issue('/body/error/status', 'status', `${operationId}: error.status ${String(error.status)} ≠ HTTP ${status}`),
      );
    return out;
  }
  if (contentType && spec.files && mediaTypeMatches(contentType, spec.files)) return [];
  return [
    issue(
      '/headers/content-type',
      'media-type',
      `${operationId} ${status}: ${contentType ?? 'no body'} where the contract says ${[schema ? 'application/json' : '', ...(spec.files ?? [])].filter(Boolean).join(', ')}`,
    ),
  ];
}

const patterns = routes.map((r) => ({
  route: r,
  names: [...r.path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!),
  regex: new RegExp(`^${r.path.replace(/[.]/g, '\\.').replace(/\{[A-Za-z0-9_]+\}/g, '([^/]+)')}$`),
}));

/** A path segment decoded; one that is not valid percent-encoded UTF-8 stays as sent (the server refuses it). */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The operation a request goes to (method and path), with its decoded path parameters. */
export function matchRoute(
  method: string,
  pathname: string,
): { operationId: string; params: Record<string, string> } | null {
  const m = method.toLowerCase();
  for (const p of patterns) {
    if (p.route.method !== m) continue;
    const hit = p.regex.exec(pathname);
    if (hit)
      return {
        operationId: p.route.operationId,
        params: Object.fromEntries(p.names.map((n, i) => [n, decodeSegment(hit[i + 1]!)])),
      };
  }
  return null;
}

/**
 * Checks one fetch Response against the contract (method and URL find the operation; an API
 * response to no operation must carry the error body; other paths are not the API's). Reads a clone: the caller may still read the body.
 */
export async function checkFetchResponse(method: string, url: string, res: Response): Promise<Issue[]> {
  const contentType = res.headers.get('content-type');
  let body: unknown;
  if (isJson(contentType)) {
    const text = await res.clone().text();
    try {
      body = JSON.parse(text);
    } catch {
      return [issue('/body', 'json', `${method} ${url} ${res.status}: not JSON: ${text.slice(0, 200)}`)];
    }
  }
  const { pathname } = new URL(url);
  if (!pathname.startsWith('/api/')) return [];
  const hit = matchRoute(method, pathname);
  if (hit) return checkResponse(hit.operationId, { status: res.status, contentType, body });
  if (!isErrorStatus(res.status)) return [];
  const fn = validator('no route', ErrorBody);
  if (!isJson(contentType) || !fn(body))
    return [issue('/body', 'error-body', `${method} ${url} ${res.status}: not the error body`)];
  return [];
}
