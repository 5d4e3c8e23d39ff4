import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applicantSearchKeys, matchesSearchWords, searchWords, wordPairs } from './search-keys.ts';

test('wordPairs: every unordered pair once, in code-unit order; fewer than two words give none', () => {
  assert.deepEqual(wordPairs(['nguyen', 'van', 'an']), ['an nguyen', 'an van', 'nguyen van']);
  assert.deepEqual(wordPairs(['an', 'an']), []);
  assert.deepEqual(wordPairs(['duc']), []);
  assert.deepEqual(wordPairs(['van', 'an', 'nguyen']), wordPairs(['nguyen', 'van', 'an']), 'any order');
  assert.deepEqual(wordPairs(['an', '0912345678']), ['0912345678 an'], 'digits before letters, as COLLATE "C"');
});

test('applicantSearchKeys: folds the parts that are present and pairs their words', () => {
  const keys = applicantSearchKeys(['Nguyễn  Văn An', null, '0912345678', undefined]);
  assert.equal(keys.text, 'nguyen van an 0912345678');
  assert.equal(keys.pairs.length, 6);
  assert.ok(keys.pairs.includes('0912345678 nguyen'));
  assert.deepEqual(applicantSearchKeys([]), { text: '', pairs: [] });
});

test('matchesSearchWords: whole words, any order, all of them', () => {
  assert.ok(matchesSearchWords('nguyen van an', ['an', 'nguyen']));
  assert.ok(!matchesSearchWords('nguyen van anh', ['an']));
  assert.ok(!matchesSearchWords('nguyen van an', ['an', 'binh']));
  assert.deepEqual(searchWords('an  an van'), ['an', 'van']);
});
