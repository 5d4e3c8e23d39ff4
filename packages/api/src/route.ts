import type { Static, TObject, TSchema } from '@sinclair/typebox';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may call a route: anyone (`public`), or signed-in staff (`staff`: the session cookie, with
 * `X-CSRF-Token` on changes, or a bearer API token). Which staff is the server's access policy.
 */
export type Auth = 'public' | 'staff';

export interface ResponseSpec {
  description: string;
  /** The JSON body. An error status (400 and up) without one carries the error body. */
  json?: TSchema;
  /** Media types of the non-JSON bodies (files, pages, modules) the status may carry. */
  files?: readonly string[];
  /** A status without a body (304). */
  empty?: true;
  headers?: Readonly<Record<string, { description: string; schema: TSchema }>>;
}

export interface JsonBody {
  json: TSchema;
  description?: string;
}

/**
 * A multipart/form-data body: text parts holding JSON, each with its schema (`parts`), and file
 * parts whose names start with `files.prefix` (e.g. `documents.<documentId>`; a name may repeat).
 */
export interface MultipartBody {
  multipart: {
    parts: TObject;
    files: { prefix: string; name: string; description: string };
  };
  description?: string;
}

export type BodySpec = JsonBody | MultipartBody;

/**
 * One route of the API, declared once: the server mounts its handler on it, the OpenAPI document
 * and docs/public-api.md are generated from it, and the client is typed by it. Paths use OpenAPI
 * syntax (`/agencies/{agencyCode}`). Request headers are documented (and typed for the client);
 * the server reads them itself.
 */
export interface RouteContract {
  method: Method;
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: readonly string[];
  auth: Auth;
  params?: TObject;
  query?: TObject;
  headers?: TObject;
  body?: BodySpec;
  responses: Readonly<Record<number, ResponseSpec>>;
}

/** Declares a route (identity, keeping every literal type for the server and the client). */
export function defineRoute<const R extends RouteContract>(route: R): R {
  return route;
}

type Success = 200 | 201 | 202 | 204;

/** The path parameters of a route. */
export type ParamsOf<R> = R extends { params: infer P extends TObject } ? Static<P> : Record<string, never>;
/** The query of a route. */
export type QueryOf<R> = R extends { query: infer Q extends TObject } ? Static<Q> : Record<string, never>;
/** The request headers a route reads. */
export type HeadersOf<R> = R extends { headers: infer H extends TObject } ? Static<H> : Record<string, never>;
/** The JSON body of a route (undefined for routes without one). */
export type BodyOf<R> = R extends { body: { json: infer S extends TSchema } } ? Static<S> : undefined;

/** The JSON parts of a multipart route, plus its file parts by name (`documents.<id>`). */
export type MultipartOf<R> = R extends {
  body: { multipart: { parts: infer P extends TObject; files: { prefix: infer X extends string } } };
}
  ? Static<P> & { files?: Partial<Record<`${X}${string}`, Blob | readonly Blob[]>> }
  : never;

/** The JSON body of a route's successful answer. */
export type ResponseOf<R> = R extends { responses: infer S }
  ? {
      [K in keyof S & Success]: S[K] extends { json: infer J extends TSchema } ? Static<J> : undefined;
    }[keyof S & Success]
  : never;
