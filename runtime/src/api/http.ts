import type { Issue, Message } from '@motcua/core';
import type { ErrorBody } from './types.ts';
import { STRINGS } from '../i18n/strings.ts';

export type FailureKind = 'network' | 'http' | 'invalid-response';

/** A failed call: a network failure (no answer), or the server's error with its issues. */
export class ApiError extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly status: number,
    readonly code: string,
    readonly text: Message,
    readonly issues: Issue[] = [],
  ) {
    super(text.en);
    this.name = 'ApiError';
  }
}

export interface Response<T> {
  status: number;
  body: T;
}

/** Joins the `server` attribute (an origin, optionally with a path, or empty for this page's origin) and an API path. */
export function apiUrl(server: string | null | undefined, path: string): string {
  const base = new URL(server && server.trim() ? server.trim() : '/', document.baseURI);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return new URL(path.replace(/^\//, ''), base).href;
}

function toError(status: number, text: string): ApiError {
  let body: Partial<ErrorBody> | undefined;
  try {
    body = JSON.parse(text) as ErrorBody;
  } catch {
    body = undefined;
  }
  const e = body?.error;
  if (e && typeof e.code === 'string' && e.message && typeof e.message.vi === 'string') {
    return new ApiError(
      'http',
      status,
      e.code,
      { vi: e.message.vi, en: e.message.en ?? e.message.vi },
      Array.isArray(e.issues) ? e.issues : [],
    );
  }
  return new ApiError('http', status, `http-${status}`, STRINGS.httpError, []);
}

function parse<T>(status: number, text: string): Response<T> {
  try {
    return { status, body: (text ? JSON.parse(text) : null) as T };
  } catch {
    throw new ApiError('invalid-response', status, 'invalid-response', STRINGS.invalidResponse);
  }
}

export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: FormData | string | null;
  /** Upload progress, 0…1 (multipart bodies). */
  onProgress?: (fraction: number, loaded: number, total: number) => void;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/**
 * One HTTP call through XMLHttpRequest (the only browser API that reports upload progress).
 * Resolves with the JSON body of a 2xx answer; rejects with ApiError otherwise.
 */
export function send<T>(url: string, options: SendOptions = {}): Promise<Response<T>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(options.method ?? 'GET', url);
    xhr.timeout = options.timeoutMs ?? 120_000;
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [k, v] of Object.entries(options.headers ?? {})) xhr.setRequestHeader(k, v);
    if (options.onProgress) {
      const report = options.onProgress;
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) report(e.loaded / e.total, e.loaded, e.total);
      };
    }
    const network = () => reject(new ApiError('network', 0, 'network', STRINGS.networkError));
    xhr.onerror = network;
    xhr.ontimeout = network;
    xhr.onabort = () => reject(new ApiError('network', 0, 'aborted', STRINGS.aborted));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(parse<T>(xhr.status, xhr.responseText));
        } catch (err) {
          reject(err);
        }
      } else if (xhr.status === 0) network();
      else reject(toError(xhr.status, xhr.responseText));
    };
    xhr.send(options.body ?? null);
  });
}

/**
 * GET a JSON resource. `cache: 'no-store'` for personal data (tracking): a browser cache keyed by
 * URL alone must never answer a lookup made with another secret.
 */
export async function getJson<T>(
  url: string,
  headers?: Record<string, string>,
  options: { cache?: RequestCache; signal?: AbortSignal } = {},
): Promise<T> {
  let res: globalThis.Response;
  try {
    res = await fetch(url, {
      headers: { Accept: 'application/json', ...headers },
      cache: options.cache ?? 'default',
      signal: options.signal,
      credentials: 'omit',
    });
  } catch {
    throw new ApiError('network', 0, 'network', STRINGS.networkError);
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) throw toError(res.status, text);
  return parse<T>(res.status, text).body;
}
