import type { ResponseSpec, RouteContract } from './route.ts';

/**
 * Every status a route may answer: its own, plus those that come from what it is — input that can
 * be invalid (400), a caller who must be signed in (401, 403), a path target that may not exist
 * (404), a body that can be too large or of the wrong type (413, 415), a server error (500), and a
 * server still starting (503).
 * An error status without its own body schema carries the error body.
 */
export function responsesOf(r: RouteContract): Readonly<Record<number, ResponseSpec>> {
  const standard: Record<number, ResponseSpec> = {};
  if (r.params || r.query || r.body)
    standard[400] = { description: 'Dữ liệu không hợp lệ / Invalid input (issues carry JSON pointers)' };
  standard[401] =
    r.auth === 'staff'
      ? { description: 'Cần đăng nhập / Not signed in, or the session ended' }
      : { description: 'Sai thông tin xác thực / Wrong credentials sent (a bad bearer token)' };
  if (r.auth === 'staff')
    standard[403] = {
      description:
        'Không có quyền / Forbidden by the access policy (or no X-CSRF-Token on a change made with the session cookie)',
    };
  if (r.params) standard[404] = { description: 'Không tìm thấy / Not found' };
  if (r.body) standard[413] = { description: 'Dữ liệu gửi lên quá lớn / The request is too large' };
  if (r.body)
    standard[415] = {
      description:
        'json' in r.body
          ? 'Nội dung phải là JSON / The body must be application/json'
          : 'Nội dung phải là multipart/form-data / The body must be multipart/form-data',
    };
  standard[500] = { description: 'Lỗi máy chủ / Server error' };
  standard[503] = {
    description: 'Máy chủ đang khởi động / The server is starting (migrations, demo seed): retry after `Retry-After`',
  };
  const out: Record<number, ResponseSpec> = {};
  for (const [status, spec] of Object.entries({ ...standard, ...r.responses })) out[Number(status)] = spec;
  return out;
}

/** True for a status whose body is the error body unless the route gives another. */
export const isErrorStatus = (status: number) => status >= 400;
