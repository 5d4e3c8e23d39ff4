import type { Context } from 'hono';
import type { Static, TObject, TSchema } from '@sinclair/typebox';
import type { AppEnv } from './env.ts';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseSpec {
  description: string;
  /** JSON body schema; omit for bodies that are not JSON (give `contentType`). */
  schema?: TSchema;
  contentType?: string;
  headers?: Record<string, { description: string; schema: TSchema }>;
}

export type BodySpec =
  { json: TSchema; description?: string } | { multipart: TObject; description?: string } | { none: true };

/**
 * One route, declared once: it both mounts on Hono and describes itself in the OpenAPI document
 * (so the document's route set IS the app's). `operationId` is also the key of the policy table.
 * Path parameters use OpenAPI syntax (`/agencies/{agencyCode}`).
 */
export interface RouteSpec<
  P extends TObject | undefined,
  Q extends TObject | undefined,
  B extends BodySpec | undefined,
> {
  method: Method;
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  responses: Record<number, ResponseSpec>;
  /** Request headers the route reads (documentation). */
  headers?: Record<string, { description: string; required?: boolean; schema: TSchema }>;
  handler: (c: Context<AppEnv>, input: RouteInput<P, Q, B>) => Promise<Response> | Response;
}

export interface RouteInput<P, Q, B> {
  params: P extends TObject ? Static<P> : Record<string, never>;
  query: Q extends TObject ? Static<Q> : Record<string, never>;
  body: B extends { json: infer S extends TSchema } ? Static<S> : undefined;
}

// The registry handles routes uniformly, whatever their generic parameters.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any>;

/** Declares a route (identity function that keeps the handler's input typed). */
export function route<
  P extends TObject | undefined = undefined,
  Q extends TObject | undefined = undefined,
  B extends BodySpec | undefined = undefined,
>(spec: RouteSpec<P, Q, B>): RouteSpec<P, Q, B> {
  return spec;
}
