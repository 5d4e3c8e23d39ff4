import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, neutraliseFormulas } from './csv-cell.ts';
import { tableCsv } from './csv.ts';
import { csvCell } from '../../inbox/export.ts';

test('a formula start is neutralised at the start and after any separator a spreadsheet may use', () => {
  assert.equal(neutraliseFormulas('=1+1'), "'=1+1");
  assert.equal(neutraliseFormulas(';=1+1'), ";'=1+1");
  assert.equal(neutraliseFormulas('a,+84 987'), "a,'+84 987");
  assert.equal(neutraliseFormulas('x\t@SUM(A1)'), "x\t'@SUM(A1)");
  assert.equal(neutraliseFormulas('a| -2'), "a| '-2");
  assert.equal(neutraliseFormulas('Nguyễn Văn An - 0912'), 'Nguyễn Văn An - 0912', 'a dash inside text is no formula');
});

test('a value holding any separator is quoted, whichever one the file uses', () => {
  assert.equal(csvField(';=1+1'), `";'=1+1"`);
  assert.equal(csvField('a|b'), '"a|b"');
  assert.equal(csvField('plain'), 'plain');
});

test('both CSV writers use it: the inbox export and printed tables, in comma and semicolon mode', () => {
  assert.equal(csvCell(';=1+1'), `";'=1+1"`);
  const spec = {
    columns: [{ key: 'a' }],
    header: [[{ text: 'A' }]],
    rows: [{ cells: [';=1+1'] }, { cells: [-5] }],
  } as unknown as Parameters<typeof tableCsv>[0];
  for (const delimiter of [',', ';'] as const) {
    const text = new TextDecoder().decode(tableCsv(spec, { delimiter }));
    assert.ok(text.includes(`";'=1+1"`), `${delimiter}: ${JSON.stringify(text)}`);
    assert.ok(text.includes('\r\n-5\r\n'), 'numbers stay numbers');
  }
});
