import type { Context } from 'hono';
import type { BodyOf, ParamsOf, QueryOf, RouteContract } from '@motcua/api';
import type { AppEnv } from './env.ts';

/** What a handler receives: the path parameters, query and JSON body, checked against the contract. */
export interface RouteInput<R extends RouteContract> {
  params: ParamsOf<R>;
  query: QueryOf<R>;
  body: BodyOf<R>;
}

export type Handler<R extends RouteContract> = (
  c: Context<AppEnv>,
  input: RouteInput<R>,
) => Promise<Response> | Response;

/** A contract entry and the server's handler for it. */
export interface Implementation {
  route: RouteContract;
  handler: Handler<RouteContract>;
}

/**
 * The server's side of one contract entry: the route's method, path, schemas and responses come
 * from `@motcua/api`; the server adds only the handler, typed by the entry.
 */
export function implement<const R extends RouteContract>(route: R, handler: Handler<R>): Implementation {
  return { route, handler: handler as unknown as Handler<RouteContract> };
}
