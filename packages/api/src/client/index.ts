/**
 * @motcua/api/client — a small fetch-based client of the motcua API, typed by the contract. It
 * imports the contract's types only: no schema library ships with it.
 */
export { createClient, expandPath, type Client, type ClientOptions } from './client.ts';
export { ApiError, NetworkError, SessionExpiredError } from './errors.ts';
export type { Args, PathOf, RequestOptions, Result, RouteAt } from './types.ts';
export type { ErrorBody, Issue } from '../common.ts';
