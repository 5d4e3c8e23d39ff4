import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldText } from './fold-text.ts';

test('foldText: accents, đ and its look-alike, case and spacing are folded away', () => {
  assert.equal(foldText('  Nguyễn   Văn ĐỨC '), 'nguyen van duc');
  assert.equal(foldText('ðoàn Thị Ánh'), 'doan thi anh');
  assert.equal(foldText('Giấy phép xây dựng'), 'giay phep xay dung');
  assert.notEqual(foldText('Ba'), foldText('Bà Ba'));
});
