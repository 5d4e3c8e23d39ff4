import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../env.ts';
import { HttpError, errors } from '../../errors.ts';
import { isBodyTooLarge } from '../body-limit/body-limit.ts';
import { loggableError } from '../../../db/errors.ts';

/** Every error becomes the standard envelope; unexpected ones are logged and answered 500 without detail. */
export const errorHandler: ErrorHandler<AppEnv> = (err, c) => {
  const e = toHttpError(err, c);
  if ((e.status === 429 || e.status === 503) && typeof e.extra?.retryAfter === 'number')
    c.header('Retry-After', String(e.extra.retryAfter));
  if (e.status === 401) c.header('WWW-Authenticate', 'Bearer realm="motcua"');
  return c.json(e.body(), e.status);
};

function toHttpError(err: unknown, c: Context<AppEnv>): HttpError {
  if (err instanceof HttpError) return err;
  if (isBodyTooLarge(err)) return errors.tooLarge();
  if (err instanceof HTTPException && err.status === 413) return errors.tooLarge();
  if (err instanceof HTTPException && err.status < 500) {
    return new HttpError(err.status as 400, 'http_error', {
      vi: 'Yêu cầu không hợp lệ',
      en: err.message || 'Bad request',
    });
  }
  const log = c.get('ctx')?.log;
  log?.error({ err: loggableError(err), requestId: c.get('requestId'), path: c.req.path }, 'unhandled error');
  return new HttpError(500, 'internal', {
    vi: 'Lỗi máy chủ, vui lòng thử lại sau',
    en: 'Server error, please try again later',
  });
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) =>
  c.json(errors.notFound({ vi: 'Không có địa chỉ này', en: 'No such route' }).body(), 404);
