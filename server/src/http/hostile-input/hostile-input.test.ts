import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../../test/support/databases.ts';
import { testServer, type TestServer } from '../../../test/support/server.ts';
import { json, login, sessionHeaders, type BrowserSession } from '../../../test/support/http.ts';
import { birthData, pdfBytes, pngBytes, rowCounts } from '../../../test/support/intake.ts';

/**
 * Hostile input from anyone: each is a clear 400 (Vietnamese and English, with a field path),
 * never a 500, and nothing is stored.
 */
const SUBMIT = '/api/v1/public/procedures/1.001193/dossiers';
const AGENCY = '000.20.01.H56';

interface Part {
  name: string;
  filename?: string;
  type?: string;
  body: string | Uint8Array;
}

/** A multipart body written by hand, so that names, file names and JSON text are exactly as given. */
function multipart(parts: Part[], boundary = 'xYzBoUnDaRy'): { body: Uint8Array; type: string } {
  const chunks: Uint8Array[] = [];
  const enc = new TextEncoder();
  for (const p of parts) {
    const disp = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    chunks.push(
      enc.encode(`--${boundary}\r\nContent-Disposition: ${disp}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`),
    );
    chunks.push(typeof p.body === 'string' ? enc.encode(p.body) : p.body);
    chunks.push(enc.encode('\r\n'));
  }
  chunks.push(enc.encode(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

function filesParts(): Part[] {
  return [
    { name: 'documents.giay-chung-sinh', filename: 'giay-chung-sinh.pdf', type: 'application/pdf', body: pdfBytes() },
    { name: 'documents.giay-chung-sinh', filename: 'gcs.png', type: 'image/png', body: pngBytes() },
  ];
}

const submissionText = (dataJson: string) => `{"version":1,"agency":"${AGENCY}","data":${dataJson}}`;

forEachDatabase('hostile input', (db) => {
  let server: TestServer;
  let staff: BrowserSession;
  before(async () => {
    server = await testServer(db(), { quiet: true });
    staff = await login(server, 'viewer.province');
  });

  async function expect400(label: string, res: Response, pointer?: RegExp): Promise<void> {
    const text = await res.text();
    assert.equal(res.status, 400, `${label}: ${res.status} ${text.slice(0, 300)}`);
    const body = JSON.parse(text) as { error: { message: { vi: string; en: string }; issues?: { pointer: string }[] } };
    assert.ok(body.error.message.vi && body.error.message.en, `${label}: a message in both languages`);
    if (pointer)
      assert.ok(
        body.error.issues?.some((i) => pointer.test(i.pointer)),
        `${label}: an issue at ${pointer}: ${JSON.stringify(body.error.issues)}`,
      );
  }

  async function submitRaw(parts: Part[]): Promise<Response> {
    const { body, type } = multipart(parts);
    return server.request(SUBMIT, { method: 'POST', body, headers: { 'content-type': type } });
  }

  test('hostile submissions are refused with 400 and store nothing', async () => {
    const before = await rowCounts(server);
    const filesBefore = await server.ctx.files.keys();
    const data = (over: Record<string, unknown>) => JSON.stringify(birthData(over));
    const cases: [string, Part[], RegExp?][] = [
      [
        'NUL in a value',
        [{ name: 'submission', body: submissionText(data({ extra: 'a\u0000b' })) }, ...filesParts()],
        /^\/data/,
      ],
      [
        'NUL in a nested value',
        [
          {
            name: 'submission',
            body: submissionText(data({ requester: { ...(birthData().requester as object), fullName: 'An\u0000' } })),
          },
          ...filesParts(),
        ],
        /^\/data\/requester\/fullName$/,
      ],
      [
        'NUL in a key',
        [{ name: 'submission', body: submissionText(data({ 'a\u0000': 1 })) }, ...filesParts()],
        /^\/data/,
      ],
      [
        'a lone surrogate',
        [{ name: 'submission', body: submissionText(data({ x: 'a\ud800b' })) }, ...filesParts()],
        /^\/data/,
      ],
      [
        'a lone surrogate (escaped)',
        [
          { name: 'submission', body: submissionText(data({}).replace('"Nguyễn Văn An"', '"\\udc00"')) },
          ...filesParts(),
        ],
        /^\/data\/requester\/fullName$/,
      ],
      [
        '1e400',
        [
          { name: 'submission', body: submissionText(data({}).replace('"extractCopies":0', '"extractCopies":1e400')) },
          ...filesParts(),
        ],
        /^\/data/,
      ],
      [
        'nesting 5,000 deep',
        [
          {
            name: 'submission',
            body: submissionText(data({}).replace(/}$/, `,"deep":${'['.repeat(5000)}${']'.repeat(5000)}}`)),
          },
          ...filesParts(),
        ],
        /^\/data/,
      ],
      [
        'NUL in a file name',
        [
          { name: 'submission', body: submissionText(data({})) },
          {
            name: 'documents.giay-chung-sinh',
            filename: 'to\u0000khai.pdf',
            type: 'application/pdf',
            body: pdfBytes(),
          },
          filesParts()[1]!,
        ],
        /^\/documents/,
      ],
      ...['__proto__', 'constructor', 'toString', 'hasOwnProperty'].map((n): [string, Part[], RegExp] => [
        `a file part named documents.${n}`,
        [
          { name: 'submission', body: submissionText(data({})) },
          ...filesParts(),
          { name: `documents.${n}`, filename: 'x.pdf', type: 'application/pdf', body: pdfBytes() },
        ],
        /^\/documents/,
      ]),
      [
        'NUL in a part name',
        [{ name: 'submission', body: submissionText(data({})) }, ...filesParts(), { name: 'x\u0000', body: 'y' }],
      ],
    ];
    for (const [label, parts, pointer] of cases) await expect400(label, await submitRaw(parts), pointer);
    const noBoundary = await server.request(SUBMIT, {
      method: 'POST',
      body: 'whatever',
      headers: { 'content-type': 'multipart/form-data' },
    });
    await expect400('multipart without a boundary', noBoundary);
    assert.deepEqual(await rowCounts(server), before, 'nothing stored');
    assert.deepEqual(await server.ctx.files.keys(), filesBefore, 'no files left');
  });

  test('data outside the form is refused by name; the submission part is capped', async () => {
    const before = await rowCounts(server);
    const extra = await submitRaw([
      {
        name: 'submission',
        body: submissionText(
          JSON.stringify(birthData({ note: 'x', child: { ...(birthData().child as object), z: 1 } })),
        ),
      },
      ...filesParts(),
    ]);
    assert.equal(extra.status, 400);
    const body = (await extra.json()) as { error: { issues: { pointer: string; message: { en: string } }[] } };
    assert.deepEqual(
      body.error.issues.filter((i) => i.pointer === '/data/note' || i.pointer === '/data/child/z').length,
      2,
      JSON.stringify(body.error.issues),
    );
    const huge = await submitRaw([
      { name: 'submission', body: submissionText(JSON.stringify(birthData({ note: 'x'.repeat(300 * 1024) }))) },
      ...filesParts(),
    ]);
    assert.ok(huge.status === 400 || huge.status === 413, `a 300 KB submission: ${huge.status}`);
    const issues = ((await huge.json()) as { error: { issues?: { pointer: string }[] } }).error.issues ?? [];
    assert.ok(
      issues.some((i) => i.pointer === '/submission'),
      JSON.stringify(issues),
    );
    assert.deepEqual(await rowCounts(server), before, 'nothing stored');
  });

  test('NUL and lone surrogates in login names, paths, reasons and searches are 400', async () => {
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      server.request(path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
    await expect400(
      'NUL in a login name',
      await post('/api/v1/auth/login', '{"username":"a\\u0000","password":"x"}'),
      /^\/body\/username$/,
    );
    await expect400(
      'a surrogate in a password',
      await post('/api/v1/auth/login', '{"username":"a","password":"\\ud800"}'),
      /^\/body\/password$/,
    );
    await expect400('NUL in a path', await server.request('/api/v1/public/procedures/1.00%00'), /^\/params/);
    await expect400(
      'NUL in a tracked code',
      await server.request('/api/v1/public/dossiers/%00/withdrawal', {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json', 'x-tracking-secret': 's' },
      }),
      /^\/params/,
    );
    await expect400(
      'NUL in a withdrawal reason',
      await post(`/api/v1/public/dossiers/${AGENCY}-260302-0001/withdrawal`, '{"reason":"a\\u0000"}', {
        'x-tracking-secret': 's',
      }),
      /^\/body\/reason$/,
    );
    await expect400(
      '1e400 in a JSON body',
      await post('/api/v1/auth/login', '{"username":"a","password":"x","n":1e400}'),
      /^\/body/,
    );
    await expect400(
      'deep JSON',
      await post('/api/v1/auth/login', `{"username":${'['.repeat(6000)}${']'.repeat(6000)}}`),
      /^\/body/,
    );
    const search = await server.request(`/api/v1/agencies/${AGENCY}/inbox?q=${encodeURIComponent('An\u0000')}`, {
      headers: sessionHeaders(staff),
    });
    await expect400('NUL in a search', search, /^\/query\/q$/);
    const surrogate = await server.request(`/api/v1/agencies/${AGENCY}/inbox?q=%ED%A0%80`, {
      headers: sessionHeaders(staff),
    });
    assert.ok(surrogate.status < 500, `invalid UTF-8 in a query: ${surrogate.status}`);
    void json;
  });
});
