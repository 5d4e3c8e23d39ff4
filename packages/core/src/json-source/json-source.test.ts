import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonSource, type ParsedJson } from './json-source.ts';

const TEXT = `{
  "code": "1.001193",
  "form": {
    "uischema": {
      "type": "VerticalLayout",
      "elements": [
        { "type": "Control", "scope": "#/properties/a" },
        { "type": "Contol" }
      ]
    }
  },
  "a~b/c": [1, 2]
}
`;

function parsed(text: string): Extract<ParsedJson, { ok: true }> {
  const p = parseJsonSource(text);
  assert.ok(p.ok, 'parses');
  return p;
}

/** The text a span covers. */
const cover = (text: string, s: { offset: number; length: number }) => text.slice(s.offset, s.offset + s.length);

describe('JSON source positions', () => {
  test('the value comes from JSON.parse', () => {
    assert.deepEqual(parsed(TEXT).value, JSON.parse(TEXT));
  });

  test('a pointer is shown at its key, an array element at itself, the root at its start', () => {
    const p = parsed(TEXT);
    assert.deepEqual(p.locate('/code'), { line: 2, column: 3 });
    assert.deepEqual(p.locate('/form/uischema/elements/1'), { line: 8, column: 9 });
    assert.deepEqual(p.locate('/form/uischema/elements/1/type'), { line: 8, column: 11 });
    assert.deepEqual(p.locate('/a~0b~1c/1'), { line: 12, column: 16 });
    assert.deepEqual(p.locate(''), { line: 1, column: 1 });
  });

  test('a missing member is shown at its nearest parent value; a malformed pointer at the root', () => {
    const p = parsed(TEXT);
    assert.deepEqual(p.locate('/form/uischema/elements/1/scope'), { line: 8, column: 9 });
    assert.deepEqual(p.locate('/form/schema/properties'), { line: 3, column: 11 });
    assert.deepEqual(p.locate('/form/uischema/elements/7'), { line: 6, column: 19 });
    assert.deepEqual(p.locate('no-slash'), { line: 1, column: 1 });
  });

  test('spans for editor markers: a property with its value, an element, a missing member on its parent', () => {
    const p = parsed(TEXT);
    assert.equal(cover(TEXT, p.span('/code')), '"code": "1.001193"');
    assert.equal(cover(TEXT, p.span('/form/uischema/elements/1')), '{ "type": "Contol" }');
    const type = p.span('/form/uischema/elements/1/type');
    assert.equal(cover(TEXT, type), '"type": "Contol"');
    assert.deepEqual(
      [type.start, type.end],
      [
        { line: 8, column: 11 },
        { line: 8, column: 27 },
      ],
    );
    const elements = p.span('/form/uischema/elements');
    assert.deepEqual([elements.start.line, elements.end.line], [6, 9]);
    assert.equal(cover(TEXT, p.span('/form/uischema/elements/1/scope')), '{');
  });

  test('a byte-order mark is skipped; lines end with LF or CRLF', () => {
    const p = parsed('\uFEFF{\r\n  "a": 1\r\n}');
    assert.deepEqual(p.locate('/a'), { line: 2, column: 3 });
    assert.deepEqual(p.value, { a: 1 });
  });

  test('a syntax error gives its own position and span, in both languages', () => {
    const cases: [string, number, number, RegExp][] = [
      ['{\n  "code": "1.001193",\n}\n', 3, 1, /dấu phẩy thừa/],
      ['{\n  "a": 1\n  "b": 2\n}', 3, 3, /thiếu dấu phẩy/],
      ['{\n  "a": [1, 2', 2, 13, /thiếu dấu \]/],
      ['', 1, 1, /thiếu giá trị/],
      ['{ // note\n "a": 1 }', 1, 3, /chú thích/],
    ];
    for (const [text, line, column, vi] of cases) {
      const p = parseJsonSource(text);
      assert.ok(!p.ok, JSON.stringify(text));
      assert.deepEqual(p.position, { line, column }, JSON.stringify(text));
      assert.deepEqual(p.span.start, p.position);
      assert.match(p.message.vi, vi);
      assert.match(p.message.en, /^JSON syntax error: /);
    }
    const token = parseJsonSource('{ "a": tru }');
    assert.ok(!token.ok);
    assert.equal(cover('{ "a": tru }', token.span), 'tru');
  });
});
