import type { ErrorBody } from '../common.ts';

/** An answer other than 2xx: its status and the error body (synthesised when the body was not one). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(`${status} ${body.error.code}: ${body.error.message.en}`);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.body.error.code;
  }

  get issues(): NonNullable<ErrorBody['error']['issues']> {
    return this.body.error.issues ?? [];
  }
}

/** A 401 while the client held a session: it has ended (expired, or signed out elsewhere). */
export class SessionExpiredError extends ApiError {
  constructor(status: number, body: ErrorBody) {
    super(status, body);
    this.name = 'SessionExpiredError';
  }
}

/** No answer came: the network failed, or the call was aborted. */
export class NetworkError extends Error {
  constructor(
    cause: unknown,
    readonly aborted: boolean,
  ) {
    super(aborted ? 'The request was aborted' : 'No answer from the server', { cause });
    this.name = 'NetworkError';
  }
}

/** The error body of an answer that did not carry one (a proxy's page, an empty body). */
export function syntheticErrorBody(status: number, code = `http_${status}`): ErrorBody {
  return {
    error: {
      status,
      code,
      message: { vi: `Máy chủ trả lời lỗi ${status}`, en: `The server answered ${status}` },
    },
  };
}

/** The error body of a failed answer, whatever it carried. */
export function errorBodyOf(status: number, text: string): ErrorBody {
  try {
    const body = JSON.parse(text) as Partial<ErrorBody>;
    const e = body?.error;
    if (e && typeof e.code === 'string' && e.message && typeof e.message.vi === 'string') return body as ErrorBody;
  } catch {
    // not JSON: synthesised below
  }
  return syntheticErrorBody(status);
}
