import fc from 'fast-check';
import { birthData, pdfBytes, pngBytes } from '../../../test/support/intake.ts';

/**
 * Hostile inputs for the HTTP fuzz tests, shared by the public and the staff routes: strings with
 * NUL, lone surrogates, prototype keys, path traversal and numbers out of range; JSON nested past
 * what a parser's stack bears; bytes that are not UTF-8; multipart bodies with lying file types,
 * hostile file names and broken framing.
 */
export const enc = new TextEncoder();

/** Strings a client may send: ordinary, known-good identifiers, and hostile ones. */
export const hostileString = fc.oneof(
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
export const { value: hostileValue } = fc.letrec((tie) => ({
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
export const jsonText = fc.oneof(
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
export const invalidUtf8 = fc.constant(
  new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
);

/** A valid submission's data as JSON text, or with `value` at a random place, an unknown property or deep nesting. */
export const mutatedData = fc.oneof(
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

export interface Part {
  name: string;
  filename?: string;
  type?: string;
  body: Uint8Array;
}

export const filePart = fc.record({
  name: fc.oneof(
    fc.constantFrom(
      'documents.to-khai',
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
    fc.constantFrom('to-khai.pdf', '../../etc/passwd', '..\\..\\boot.ini', 'a\u0000.pdf', '/abs/path.png', ''),
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

/**
 * The valid files of an online birth registration, so that valid submissions are tried too (the
 * declaration is the form itself online: its upload stays among the hostile names above).
 */
export const VALID_FILES: Part[] = [
  { name: 'documents.giay-chung-sinh', filename: 'giay-chung-sinh.pdf', type: 'application/pdf', body: pdfBytes() },
  { name: 'documents.giay-chung-sinh', filename: 'gcs.png', type: 'image/png', body: pngBytes() },
];

/** Writes a multipart body by hand, so that names and file names are exactly as generated. */
export function multipart(parts: Part[], boundary: string): Uint8Array {
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

export const multipartBody = fc.oneof(
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
export function encodeParam(s: string): string {
  return s.replace(/[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]|[^\ud800-\udfff]+/g, (m) => {
    if (m.length !== 1 || m.charCodeAt(0) < 0xd800 || m.charCodeAt(0) > 0xdfff) return encodeURIComponent(m);
    const c = m.charCodeAt(0);
    return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
      .map((b) => `%${b.toString(16).toUpperCase()}`)
      .join('');
  });
}
