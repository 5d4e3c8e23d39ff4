import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../src/config/config.ts';

/** The code of the bench's variant of the birth registration: intake without uploads. */
export const NO_UPLOADS_CODE = '9.999001';

/**
 * Publishes the birth registration example with every document optional, as the province's
 * justice designer of the demo seed, so that a bench can measure intake without file handling.
 */
export async function publishNoUploadsProcedure(url: string, password: string): Promise<void> {
  const example = JSON.parse(
    readFileSync(join(REPOSITORY_ROOT, 'examples/procedures/1.001193-dang-ky-khai-sinh.json'), 'utf8'),
  );
  const noUploads = {
    ...example,
    code: NO_UPLOADS_CODE,
    documents: example.documents.map((d: Record<string, unknown>) => ({ ...d, optional: true })),
  };
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'designer.justice', password }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const h = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const created = await fetch(`${url}/api/v1/agencies/000.00.10.H56/procedures`, {
    method: 'POST',
    headers: h,
    body: JSON.stringify(noUploads),
  });
  const published = await fetch(`${url}/api/v1/procedures/${NO_UPLOADS_CODE}/versions`, {
    method: 'POST',
    headers: h,
    body: '{}',
  });
  if (created.status !== 201 || published.status !== 201)
    throw new Error(`bench procedure not published: ${await published.text()}`);
}
