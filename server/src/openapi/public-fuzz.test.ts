import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { validateApplicantData, type Procedure } from '@motcua/core';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer } from '../../test/support/server.ts';
import { birthData, pdfBytes, pngBytes } from '../../test/support/intake.ts';
import { execute } from '../db/client.ts';
import { serverOpenApiDocument } from './routes.ts';

/**
 * Property-based fuzzing of every public route, generated from the OpenAPI document: hostile path
 * parameters, queries, headers, JSON and multipart bodies (NUL, lone surrogates, invalid UTF-8,
 * prototype keys, deep nesting, numbers out of range, lying file types, path traversal in file
 * names, no boundary). No answer is a 5xx, every answer keeps the contract (the test server checks
 * each), and every dossier stored passes core's validation of its data. A short run here;
 * `FUZZ_SECONDS` (per database) and `FUZZ_RUNS` make a long one.
 */
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 10);
const RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);

interface Operation {
  method: string;
  path: string;
  operationId: string;
  query: string[];
  body: 'json' | 'multipart' | null;
}

function publicOperations(): Operation[] {
  const doc = serverOpenApiDocument() as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
  };
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const policy = op['x-policy'] as { access?: string } | null;
      if (policy?.access !== 'public') continue;
      const parameters = (op.parameters ?? []) as { in: string; name: string }[];
      const content = (op.requestBody as { content?: Record<string, unknown> } | undefined)?.content ?? {};
      out.push({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId as string,
        query: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        body: 'multipart/form-data' in content ? 'multipart' : 'application/json' in content ? 'json' : null,
      });
    }
  }
  return out;
}

const enc = new TextEncoder();

/** Strings a client may send: ordinary, known-good identifiers, and hostile ones. */
const hostileString = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '1.001193',
    '000.20.01.H56',
    '000.20.01.H56-260302-0001',
    'vnpay',
    '',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '__proto__',
    'constructor',
    'toString',
    '../../etc/passwd',
    '..%2F..%2Fetc%2Fpasswd',
    '%00',
    '1e400',
    '-1',
    '9'.repeat(400),
    '99999999999',
    'x'.repeat(5000),
    '<script>alert(1)</script>',
    "'; drop table dossiers; --",
  ),
);

/** JSON-ish values, with prototype keys and hostile strings. */
const { value: hostileValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.constantFrom(99999999999, -0, 2 ** 53),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'fullName')), tie('value'), {
      maxKeys: 4,
    }),
  ),
}));

/** A JSON body as text: stringified values, or texts JSON.stringify cannot write. */
const jsonText = fc.oneof(
  hostileValue.map((v) => JSON.stringify(v) ?? 'null'),
  fc.constantFrom(
    '{"a":1e400}',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    '['.repeat(5000) + ']'.repeat(5000),
    '{"a":"\\u0000"}',
    '{"a":"\\ud800"}',
    '',
    '{',
    'null',
    '"x"',
  ),
);

/** Bytes that are not UTF-8. */
const invalidUtf8 = fc.constant(
  new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
);

/** A valid submission's data as JSON text, or with `value` at a random place, an unknown property or deep nesting. */
const mutatedData = fc.oneof(
  fc.constant(JSON.stringify(birthData())),
  fc.constant(JSON.stringify(birthData())),
  fc
    .tuple(fc.constantFrom('requester', 'child', 'mother', 'extractCopies', 'zzUnknown'), hostileValue)
    .map(([k, v]) => JSON.stringify(birthData({ [k]: v }))),
  fc
    .tuple(fc.constantFrom('fullName', 'idNumber', 'email', 'phone', 'zzExtra'), hostileValue)
    .map(([k, v]) => JSON.stringify(birthData({ requester: { ...(birthData().requester as object), [k]: v } }))),
  // Written as text: nesting this deep overflows JSON.stringify's stack.
  fc
    .integer({ min: 1, max: 6000 })
    .map(
      (depth) => `${JSON.stringify(birthData()).slice(0, -1)},"nested":${'{"n":'.repeat(depth)}1${'}'.repeat(depth)}}`,
    ),
);

interface Part {
  name: string;
  filename?: string;
  type?: string;
  body: Uint8Array;
}

const filePart = fc.record({
  name: fc.oneof(
    fc.constantFrom(
      'documents.giay-chung-sinh',
      'documents.giay-chung-sinh',
      'documents.__proto__',
      'documents.constructor',
      'documents.toString',
      'documents.',
      'other',
    ),
    hostileString.map((s) => `documents.${s}`),
  ),
  filename: fc.oneof(
    fc.constantFrom('giay-chung-sinh.pdf', '../../etc/passwd', '..\\..\\boot.ini', 'a\u0000.pdf', '/abs/path.png', ''),
    hostileString,
  ),
  type: fc.constantFrom('application/pdf', 'image/png', 'text/html', 'application/x-msdownload'),
  body: fc.oneof(
    fc.constant(pdfBytes()),
    fc.constant(pngBytes()),
    fc.constant(enc.encode('<html><script>alert(1)</script></html>')),
    fc.uint8Array({ maxLength: 300 }),
  ),
});

/** The valid files of the birth registration, so that valid submissions are tried too. */
const VALID_FILES: Part[] = [
  { name: 'documents.giay-chung-sinh', filename: 'giay-chung-sinh.pdf', type: 'application/pdf', body: pdfBytes() },
  { name: 'documents.giay-chung-sinh', filename: 'gcs.png', type: 'image/png', body: pngBytes() },
];

/** Writes a multipart body by hand, so that names and file names are exactly as generated. */
function multipart(parts: Part[], boundary: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (const p of parts) {
    const disp = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    chunks.push(
      enc.encode(`--${boundary}\r\nContent-Disposition: ${disp}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`),
    );
    chunks.push(p.body);
    chunks.push(enc.encode('\r\n'));
  }
  chunks.push(enc.encode(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

const multipartBody = fc.oneof(
  // A submission (valid or mutated) with valid or hostile files: mostly, so that some are stored.
  {
    weight: 4,
    arbitrary: fc
      .record({
        version: fc.oneof({ arbitrary: fc.constant(1), weight: 3 }, { arbitrary: hostileValue, weight: 1 }),
        agency: fc.oneof(
          { arbitrary: fc.constant('000.20.01.H56'), weight: 3 },
          { arbitrary: hostileString, weight: 1 },
        ),
        data: mutatedData,
        files: fc.oneof(
          { arbitrary: fc.constant(VALID_FILES), weight: 3 },
          { arbitrary: fc.array(filePart, { maxLength: 4 }), weight: 1 },
        ),
      })
      .map(({ version, agency, data, files }) => ({
        type: 'multipart/form-data; boundary=FuZzBoUnDaRy',
        body: multipart(
          [
            {
              name: 'submission',
              body: enc.encode(
                `{"version":${JSON.stringify(version) ?? 'null'},"agency":${JSON.stringify(agency)},"data":${data}}`,
              ),
            },
            ...files,
          ],
          'FuZzBoUnDaRy',
        ),
      })),
  },
  // Hostile text parts.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.oneof(jsonText, hostileString), fc.array(filePart, { maxLength: 2 }))
      .map(([text, files]) => ({
        type: 'multipart/form-data; boundary=b0undary',
        body: multipart([{ name: 'submission', body: enc.encode(text) }, ...files], 'b0undary'),
      })),
  },
  // Malformed multipart: no boundary, a wrong one, truncated.
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { type: 'multipart/form-data', body: enc.encode('--x\r\n\r\n') },
      { type: 'multipart/form-data; boundary=', body: enc.encode('--\r\n') },
      {
        type: 'multipart/form-data; boundary=abc',
        body: enc.encode('--abc\r\nContent-Disposition: form-data; name="submission"\r\n\r\n{"ver'),
      },
      { type: 'multipart/form-data; boundary=abc', body: enc.encode('garbage') },
      { type: 'application/json', body: enc.encode('{}') },
    ),
  },
);

/** Percent-encodes like encodeURIComponent, a lone surrogate as its (invalid) UTF-8 bytes instead of throwing. */
function encodeParam(s: string): string {
  return s.replace(/[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]|[^\ud800-\udfff]+/g, (m) => {
    if (m.length !== 1 || m.charCodeAt(0) < 0xd800 || m.charCodeAt(0) > 0xdfff) return encodeURIComponent(m);
    const c = m.charCodeAt(0);
    return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
      .map((b) => `%${b.toString(16).toUpperCase()}`)
      .join('');
  });
}

/** Path parameters that lead somewhere, so that the checks behind the router are reached too. */
const KNOWN_PARAMS: Record<string, string> = {
  procedureCode: '1.001193',
  version: '1',
  dossierCode: '000.20.01.H56-260302-0001',
  agencyCode: '000.20.01.H56',
  fileId: '00000000-0000-4000-8000-000000000000',
};

function request(op: Operation) {
  const pathParams = [...op.path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!);
  return fc.record({
    params: fc.tuple(
      ...pathParams.map((name) =>
        name in KNOWN_PARAMS
          ? fc.oneof(
              { arbitrary: fc.constant(KNOWN_PARAMS[name]!), weight: 3 },
              { arbitrary: hostileString, weight: 1 },
            )
          : hostileString,
      ),
    ),
    query: fc.array(fc.tuple(fc.constantFrom(...(op.query.length ? op.query : ['x'])), hostileString), {
      maxLength: 3,
    }),
    secret: fc.option(
      hostileString.filter((s) => !/[\u0000-\u001f\u007f-\uffff]/.test(s)),
      { nil: undefined },
    ),
    body:
      op.body === 'multipart'
        ? multipartBody
        : op.body === 'json'
          ? fc.oneof(
              jsonText.map((t) => ({ type: 'application/json', body: enc.encode(t) })),
              invalidUtf8.map((b) => ({ type: 'application/json', body: b })),
              fc.constant({ type: 'text/plain', body: enc.encode('{}') }),
            )
          : fc.constant(null),
  });
}

forEachDatabase('fuzzing the public routes from the OpenAPI document', (db) => {
  test('a version number past the database’s integer is a 400, in a path and in a submission (found by fuzzing)', async () => {
    const server = await testServer(db(), { quiet: true });
    try {
      for (const path of [
        '/api/v1/public/procedures/1.001193/versions/99999999999',
        '/api/v1/public/procedures/1.001193/versions/99999999999/validators.js',
      ])
        assert.equal((await server.request(path)).status, 400, path);
      const form = new FormData();
      form.append('submission', JSON.stringify({ version: 99999999999, agency: '000.20.01.H56', data: birthData() }));
      const res = await server.request('/api/v1/public/procedures/1.001193/dossiers', { method: 'POST', body: form });
      assert.equal(res.status, 400);
    } finally {
      server.dispose();
    }
  });

  test(`no 5xx, the contract kept, nothing invalid stored (${SECONDS} s)`, async (t) => {
    const server = await testServer(db(), { quiet: true });
    try {
      const operations = publicOperations();
      const statuses = new Map<number, number>();
      // Every operation, and the submission more often (its body has the most to get wrong).
      const submit = operations.filter((o) => o.body === 'multipart');
      assert.ok(submit.length > 0, 'the submission route is public');
      const arbitrary = fc
        .oneof(
          { arbitrary: fc.constantFrom(...operations), weight: 3 },
          { arbitrary: fc.constantFrom(...submit), weight: 2 },
        )
        .chain((op) => request(op).map((r) => ({ op, r })));
      const last: { answered?: Promise<number> } = {};
      await fc.assert(
        fc.asyncProperty(arbitrary, async ({ op, r }) => {
          let i = 0;
          const path = op.path.replace(/\{[A-Za-z0-9_]+\}/g, () => encodeParam(r.params[i++] as string));
          const qs = r.query.length ? `?${r.query.map(([k, v]) => `${k}=${encodeParam(v)}`).join('&')}` : '';
          const headers: Record<string, string> = {};
          if (r.secret !== undefined) headers['x-tracking-secret'] = r.secret;
          if (r.body) headers['content-type'] = r.body.type;
          // Counted when answered even if the time limit abandons this run meanwhile: the last
          // request still stores what it stores, and the count below must know it.
          const answered = (async () => {
            const res = await server.request(`${path}${qs}`, {
              method: op.method,
              headers,
              ...(r.body && op.method !== 'GET' ? { body: r.body.body } : {}),
            });
            await res.arrayBuffer();
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            return res.status;
          })();
          last.answered = answered;
          const status = await answered;
          assert.ok(status < 500, `${op.method} ${path}${qs} → ${status}`);
        }),
        { numRuns: RUNS, interruptAfterTimeLimit: SECONDS * 1000, markInterruptAsFailure: false, endOnFailure: true },
      );
      await last.answered?.catch(() => undefined);
      const tried = [...statuses.values()].reduce((a, b) => a + b, 0);
      t.diagnostic(`${tried} requests: ${JSON.stringify(Object.fromEntries(statuses))}`);
      assert.ok(tried > 20, `${tried} requests tried`);
      assert.ok(statuses.has(400), 'hostile input was refused');

      // Every dossier stored passes core's validation of its data against its pinned version.
      const stored = await execute<{ code: string; data: unknown; definition: Procedure }>(
        server.ctx.db,
        sql`select d.code, d.data, v.definition from dossiers d
            join procedure_versions v on v.code = d.procedure_code and v.version = d.procedure_version`,
      );
      for (const row of stored)
        assert.deepEqual(validateApplicantData(row.definition, row.data, server.ctx.evaluator), [], row.code);
      assert.equal(stored.length, statuses.get(201) ?? 0, 'every 201 stored one dossier, nothing else was');
    } finally {
      server.dispose();
    }
  });
});
