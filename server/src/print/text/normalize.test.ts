import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanDeep, cleanText } from './normalize.ts';

test('text is composed (NFC), control characters dropped, line ends unified', () => {
  const nfd = 'Nguyễn Thị Ngọc Ánh'.normalize('NFD');
  assert.notEqual(nfd, 'Nguyễn Thị Ngọc Ánh');
  assert.equal(cleanText(nfd), 'Nguyễn Thị Ngọc Ánh');
  assert.equal(cleanText('a\u0000b\u0007c\r\nd\re\tf'), 'abc\nd\ne\tf');
});

test('every string of a nested record is cleaned, null-prototype rows included; other objects pass', () => {
  const row = Object.assign(Object.create(null) as Record<string, unknown>, { name: 'Ánh'.normalize('NFD') });
  const when = new Date(0);
  const out = cleanDeep({ list: ['Ễ'.normalize('NFD'), 1, null], row, when });
  assert.deepEqual(out.list, ['Ễ', 1, null]);
  assert.equal((out.row as Record<string, unknown>).name, 'Ánh');
  assert.equal(out.when, when);
});
