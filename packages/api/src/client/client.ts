import type { Contract } from '../contract.ts';
import type { BodyOf, Method, ResponseOf } from '../route.ts';
import { ApiError, NetworkError, SessionExpiredError, errorBodyOf, syntheticErrorBody } from './errors.ts';
import type { Args, PathOf, RequestOptions, RouteAt } from './types.ts';

export interface ClientOptions {
  /** The server's origin (and path prefix, if any); '' for the page's own origin. */
  baseUrl: string;
  /**
   * Staff calls with the browser's cookie session: credentials are sent and every unsafe method
   * carries the CSRF token that `login` (or `session`) returned.
   */
  session?: boolean;
  /** An API token (mct_…) sent as a bearer token: integrations, scripts and tests. */
  token?: string;
  /** Headers sent with every call. */
  headers?: Record<string, string>;
  /** Defaults to `same-origin` with a session, `omit` otherwise. */
  credentials?: RequestCredentials;
  /** The fetch to use (default: the global one). */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

type Call<M extends Method> = <P extends PathOf<M>>(
  path: P,
  ...args: Args<RequestOptions<RouteAt<M, P>>>
) => Promise<ResponseOf<RouteAt<M, P>>>;

type Raw = <M extends Method, P extends PathOf<M>>(
  method: M,
  path: P,
  ...args: Args<RequestOptions<RouteAt<M, P>>>
) => Promise<Response>;

export interface Client {
  get: Call<'get'>;
  post: Call<'post'>;
  put: Call<'put'>;
  patch: Call<'patch'>;
  delete: Call<'delete'>;
  /** The Response itself, for bodies that are not JSON (PDF, CSV, XLSX, files); throws ApiError on 4xx/5xx. */
  raw: Raw;
  /** Signs in (the session cookie is set by the server) and keeps the CSRF token it returns. */
  login(body: BodyOf<Contract['login']>): Promise<ResponseOf<Contract['login']>>;
  /** Resumes a session after a reload: who is signed in, and the CSRF token. */
  session(): Promise<ResponseOf<Contract['getSession']>>;
  logout(): Promise<void>;
  /** Called when a 401 answers a call made while a session was held; returns the unsubscribe. */
  onSessionExpired(listener: (error: SessionExpiredError) => void): () => void;
}

interface AnyOptions {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  headers?: Record<string, string>;
  body?: unknown;
  multipart?: Record<string, unknown> & { files?: Record<string, Blob | readonly Blob[]> };
  signal?: AbortSignal;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOGIN = '/api/v1/auth/login';

/** `/dossiers/{dossierCode}` with `{ dossierCode }` → `/dossiers/000.20.01.H56-260302-0001` (encoded). */
export function expandPath(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined || v === null) throw new TypeError(`Missing path parameter "${name}" of ${path}`);
    return encodeURIComponent(String(v));
  });
}

function queryString(query: Record<string, unknown> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null) continue;
    for (const item of Array.isArray(v) ? v : [v]) q.append(k, String(item));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

function formData(multipart: NonNullable<AnyOptions['multipart']>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(multipart)) {
    if (name === 'files' || value === undefined) continue;
    form.append(name, JSON.stringify(value));
  }
  for (const [name, files] of Object.entries(multipart.files ?? {})) {
    for (const file of Array.isArray(files) ? files : [files as Blob]) form.append(name, file);
  }
  return form;
}

/** A typed client of the motcua API (see the contract for every path, its input and its answer). */
export function createClient(options: ClientOptions): Client {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));
  const credentials = options.credentials ?? (options.session ? 'same-origin' : 'omit');
  const listeners = new Set<(e: SessionExpiredError) => void>();
  let csrf: string | null = null;
  let held = false;

  async function send(
    method: string,
    path: string,
    o: AnyOptions = {},
    accept = 'application/json',
  ): Promise<Response> {
    const verb = method.toUpperCase();
    const headers: Record<string, string> = { Accept: accept, ...options.headers, ...o.headers };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (options.session && csrf && !SAFE.has(verb)) headers['X-CSRF-Token'] = csrf;
    let body: BodyInit | undefined;
    if (o.multipart) body = formData(o.multipart);
    else if (o.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(o.body);
    }
    let res: Response;
    try {
      res = await doFetch(base + expandPath(path, o.params) + queryString(o.query), {
        method: verb,
        headers,
        credentials,
        ...(body !== undefined ? { body } : {}),
        ...(o.signal ? { signal: o.signal } : {}),
      });
    } catch (err) {
      throw new NetworkError(err, o.signal?.aborted ?? false);
    }
    if (res.status < 400) return res;
    const text = await res.text().catch(() => '');
    const error = errorBodyOf(res.status, text);
    if (res.status === 401 && held && path !== LOGIN) {
      held = false;
      csrf = null;
      const expired = new SessionExpiredError(res.status, error);
      for (const l of listeners) l(expired);
      throw expired;
    }
    throw new ApiError(res.status, error);
  }

  async function json(method: string, path: string, o?: AnyOptions): Promise<unknown> {
    const res = await send(method, path, o);
    const text = await res.text().catch(() => '');
    if (!text) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      throw new ApiError(res.status, syntheticErrorBody(res.status, 'invalid_response'));
    }
  }

  const remember = <V extends { csrfToken: string | null; via: string }>(view: V): V => {
    csrf = view.csrfToken;
    held = view.via === 'session';
    return view;
  };

  const call =
    (method: Method) =>
    (path: string, o?: AnyOptions): Promise<unknown> =>
      json(method, path, o);

  return {
    get: call('get') as unknown as Call<'get'>,
    post: call('post') as unknown as Call<'post'>,
    put: call('put') as unknown as Call<'put'>,
    patch: call('patch') as unknown as Call<'patch'>,
    delete: call('delete') as unknown as Call<'delete'>,
    raw: ((method: Method, path: string, o?: AnyOptions) => send(method, path, o, '*/*')) as Raw,
    login: async (body) => remember((await json('post', LOGIN, { body })) as ResponseOf<Contract['login']>),
    session: async () => remember((await json('get', '/api/v1/auth/session')) as ResponseOf<Contract['getSession']>),
    logout: async () => {
      try {
        await json('post', '/api/v1/auth/logout');
      } finally {
        held = false;
        csrf = null;
      }
    },
    onSessionExpired(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
