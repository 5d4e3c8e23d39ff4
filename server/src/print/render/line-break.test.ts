import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { breakLines, type Line, type Measure } from './line-break.ts';

// One point per character, bold two: easy to reason about.
const measure: Measure = (style, text) => Array.from(text).length * (style === 'bold' ? 2 : 1);
const textOf = (line: Line) =>
  line.units.map((u, k) => (k > 0 && u.gap > 0 ? ' ' : '') + u.pieces.map((p) => p.text).join('')).join('');

test('breaks at spaces within the width', () => {
  const lines = breakLines([{ text: 'một hai ba bốn năm sáu' }], 10, measure);
  assert.deepEqual(lines.map(textOf), ['một hai ba', 'bốn năm', 'sáu']);
  assert.ok(lines.every((l) => l.width <= 10));
  assert.equal(lines.at(-1)!.hardEnd, true);
  assert.equal(lines[0]!.hardEnd, false);
});

test('keeps runs without a space between them together, measured in their own style', () => {
  const lines = breakLines([{ text: 'Mã hồ sơ: (' }, { text: 'ABC', bold: true }, { text: ').' }], 12, measure);
  assert.deepEqual(lines.map(textOf), ['Mã hồ sơ:', '(ABC).']);
  assert.equal(lines[1]!.width, 1 + 6 + 2);
});

test('breaks after a hyphen before a letter, keeps codes whole, cuts words longer than a line', () => {
  assert.deepEqual(breakLines([{ text: 'tỉnh Bà Rịa-Vũng Tàu' }], 12, measure).map(textOf), [
    'tỉnh Bà Rịa-',
    'Vũng Tàu',
  ]);
  assert.deepEqual(breakLines([{ text: 'Mã hồ sơ: 000.17.22.H56-251001-0001.' }], 30, measure).map(textOf), [
    'Mã hồ sơ:',
    '000.17.22.H56-251001-0001.',
  ]);
  assert.deepEqual(breakLines([{ text: 'abcdefghij' }], 4, measure).map(textOf), ['abcd', 'efgh', 'ij']);
});

test('honours hard line breaks and a narrower first line', () => {
  assert.deepEqual(breakLines([{ text: 'a b\nc' }], 10, measure).map(textOf), ['a b', 'c']);
  assert.deepEqual(breakLines([{ text: 'aa bb cc' }], 5, measure, 2).map(textOf), ['aa', 'bb cc']);
});

test('property: no line overflows and no character is lost', () => {
  const word = fc.stringMatching(/^[a-z0-9ăâđêôơưáàảãạ\-]{1,14}$/);
  fc.assert(
    fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), fc.integer({ min: 3, max: 40 }), (words, width) => {
      const text = words.join(' ');
      const lines = breakLines([{ text }], width, measure);
      for (const line of lines) assert.ok(line.width <= width + 1e-9, `${textOf(line)} > ${width}`);
      const chars = lines.map((l) => l.units.map((u) => u.pieces.map((p) => p.text).join('')).join('')).join('');
      assert.equal(chars, text.replace(/ /g, ''));
    }),
  );
});
