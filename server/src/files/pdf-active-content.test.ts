import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPdfActiveContentScanner, pdfActiveContent } from './pdf-active-content.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

const PLAIN = `%PDF-1.7
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> >> endobj
4 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /JBIG2Decode /JSON /AAA /Launcher >> endobj
trailer << /Root 1 0 R >>
%%EOF`;

test('a PDF without active content: nothing found (names that merely start alike do not count)', () => {
  assert.deepEqual(pdfActiveContent(bytes(PLAIN)), []);
  assert.deepEqual(pdfActiveContent(new Uint8Array(0)), []);
});

test('each active name in its plain dictionary form', () => {
  const cases: [string, string[]][] = [
    ['<< /Type /Catalog /OpenAction 5 0 R >>', ['OpenAction']],
    ['<< /S /JavaScript /JS (app.alert\\(1\\)) >>', ['JS', 'JavaScript']],
    ['<< /Names << /JavaScript 6 0 R >> >>', ['JavaScript']],
    ['<</AA<</O 7 0 R>>>>', ['AA']],
    ['<</S/Launch/F(cmd.exe)>>', ['Launch']],
    ['/JS<414243>', ['JS']],
    ['[/Launch]', ['Launch']],
    ['/OpenAction%comment', ['OpenAction']],
  ];
  for (const [text, expected] of cases) assert.deepEqual(pdfActiveContent(bytes(`%PDF-1.4\n${text}`)), expected, text);
});

test('names written with #xx escapes are decoded', () => {
  assert.deepEqual(pdfActiveContent(bytes('<< /S /J#61vaScript >>')), ['JavaScript']);
  assert.deepEqual(pdfActiveContent(bytes('<< /#4A#53 (x) >>')), ['JS']);
  assert.deepEqual(pdfActiveContent(bytes('<< /Open#41ction 1 0 R >>')), ['OpenAction']);
  assert.deepEqual(pdfActiveContent(bytes('<< /#41#61 1 0 R >>')), []);
  assert.deepEqual(pdfActiveContent(bytes('<< /#41#41 1 0 R >>')), ['AA']);
  assert.deepEqual(pdfActiveContent(bytes('<< /L#61unch >>')), ['Launch']);
  // A '#' not followed by two hex digits is itself.
  assert.deepEqual(pdfActiveContent(bytes('<< /JS#zz >>')), []);
});

test('names in binary surroundings (stream data around them) are found', () => {
  const noise = new Uint8Array(3000).map((_, i) => (i * 131 + 7) % 256);
  const pdf = new Uint8Array([...bytes('%PDF-1.5\n'), ...noise, ...bytes(' /OpenAction 3 0 R '), ...noise]);
  assert.ok(pdfActiveContent(pdf).includes('OpenAction'));
});

test('streamed in chunks of every size, the result is the whole scan’s', () => {
  const texts = [
    PLAIN,
    `${PLAIN}\n<< /S /J#61vaScript /JS (x) >> /OpenAction /AA /Launch`,
    '<< /Launch',
    '/JSON /JS',
    '/JS',
  ];
  for (const text of texts) {
    const all = bytes(text);
    const whole = pdfActiveContent(all);
    for (let size = 1; size <= 17; size++) {
      const scanner = createPdfActiveContentScanner();
      for (let i = 0; i < all.length; i += size) scanner.push(all.subarray(i, i + size));
      assert.deepEqual(scanner.finish(), whole, `${JSON.stringify(text.slice(0, 20))} in chunks of ${size}`);
    }
  }
});

test('a name split across chunks is read whole, not as its first part', () => {
  const scanner = createPdfActiveContentScanner();
  scanner.push(bytes('<< /JS'));
  scanner.push(bytes('ON 1 >>'));
  assert.deepEqual(scanner.finish(), []);
  const split = createPdfActiveContentScanner();
  split.push(bytes('<< /J#6'));
  split.push(bytes('1vaScri'));
  split.push(bytes('pt >>'));
  assert.deepEqual(split.finish(), ['JavaScript']);
});
