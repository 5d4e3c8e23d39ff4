import type { ErrorBody } from '@motcua/api';
import type { Issue, Message } from '@motcua/core';

export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

/** An error that becomes an HTTP response with the standard envelope. */
export class HttpError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    readonly userMessage: Message,
    readonly issues?: Issue[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(`${status} ${code}: ${userMessage.en}`);
    this.name = 'HttpError';
  }

  /** The error body (@motcua/api): its `status` is always the HTTP status, whatever `extra` holds. */
  body(): ErrorBody {
    return {
      error: {
        ...(this.extra ?? {}),
        status: this.status,
        code: this.code,
        message: this.userMessage,
        ...(this.issues && this.issues.length ? { issues: this.issues } : {}),
      },
    };
  }
}

export const errors = {
  invalid: (issues: Issue[], message: Message = { vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' }) =>
    new HttpError(400, 'invalid_data', message, issues),
  badRequest: (code: string, message: Message, issues?: Issue[]) => new HttpError(400, code, message, issues),
  unauthenticated: () => new HttpError(401, 'unauthenticated', { vi: 'Cần đăng nhập', en: 'Authentication required' }),
  forbidden: (
    message: Message = { vi: 'Không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' },
  ) => new HttpError(403, 'forbidden', message),
  notFound: (what: Message = { vi: 'Không tìm thấy', en: 'Not found' }) => new HttpError(404, 'not_found', what),
  conflict: (code: string, message: Message, extra?: Record<string, unknown>) =>
    new HttpError(409, code, message, undefined, extra),
  tooLarge: (issues?: Issue[]) =>
    new HttpError(413, 'too_large', { vi: 'Dữ liệu gửi lên quá lớn', en: 'Payload too large' }, issues),
  mediaType: (
    issues?: Issue[],
    message: Message = { vi: 'Kiểu tệp không được chấp nhận', en: 'Unsupported media type' },
  ) => new HttpError(415, 'unsupported_media_type', message, issues),
  unprocessable: (code: string, message: Message, issues?: Issue[]) => new HttpError(422, code, message, issues),
  tooManyRequests: (retryAfterSeconds: number) =>
    new HttpError(
      429,
      'too_many_requests',
      { vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau', en: 'Too many requests, try again later' },
      undefined,
      {
        retryAfter: retryAfterSeconds,
      },
    ),
};
