import type { Static, TObject, TSchema } from '@sinclair/typebox';
import type { Contract } from '../contract.ts';
import type { Method, MultipartOf, ResponseOf } from '../route.ts';

/** The routes by "method path". */
type Routes = { [K in keyof Contract as `${Contract[K]['method']} ${Contract[K]['path']}`]: Contract[K] };

/** The paths of the contract for one method (OpenAPI `{name}` syntax). */
export type PathOf<M extends Method> = keyof Routes extends infer K ? (K extends `${M} ${infer P}` ? P : never) : never;

/** The route at a method and path. */
export type RouteAt<M extends Method, P extends string> = `${M} ${P}` extends keyof Routes
  ? Routes[`${M} ${P}`]
  : never;

type ParamsOption<R> = R extends { params: infer P extends TObject } ? { params: Static<P> } : { params?: never };

type QueryOption<R> = R extends { query: infer Q extends TObject }
  ? {} extends Static<Q>
    ? { query?: Static<Q> }
    : { query: Static<Q> }
  : { query?: never };

type HeadersOption<R> = R extends { headers: infer H extends TObject }
  ? {} extends Static<H>
    ? { headers?: Static<H> & Record<string, string> }
    : { headers: Static<H> & Record<string, string> }
  : { headers?: Record<string, string> };

type BodyOption<R> = R extends { body: { json: infer S extends TSchema } }
  ? { body: Static<S>; multipart?: never }
  : R extends { body: { multipart: object } }
    ? { multipart: MultipartOf<R>; body?: never }
    : { body?: never; multipart?: never };

/** What a call of a route takes: path parameters, query, headers and body, typed by the contract. */
export type RequestOptions<R> = ParamsOption<R> &
  QueryOption<R> &
  HeadersOption<R> &
  BodyOption<R> & { signal?: AbortSignal };

/** The options argument, optional when nothing in it is required. */
export type Args<O> = {} extends O ? [options?: O] : [options: O];

/** What a call resolves to: the JSON body of the route's successful answer. */
export type Result<R> = ResponseOf<R>;
