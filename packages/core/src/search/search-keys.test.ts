import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldText } from './fold-text.ts';
import {
  agencySearchKeys,
  applicantSearchKeys,
  matchesSearchWords,
  searchWords,
  storedTextPairs,
  wordPairs,
} from './search-keys.ts';

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

test('agencySearchKeys: each pair prefixed by the agency; the stored text gives its own pairs', () => {
  assert.deepEqual(agencySearchKeys('000.20.01.H56', storedTextPairs('nguyen van an')), [
    '000.20.01.H56 an nguyen',
    '000.20.01.H56 an van',
    '000.20.01.H56 nguyen van',
  ]);
  assert.deepEqual(agencySearchKeys('X', []), []);
  assert.deepEqual(storedTextPairs('an  an'), []);
});

test('agencySearchKeys: a search of two or more words at an agency matches exactly the texts stored there holding every word', () => {
  // Agencies that share words and spaces with each other and with the words (the worst case for a
  // separator); words from a small set so that matches are frequent, and any text beside them.
  const agency = fc.constantFrom('000.20.01.H56', '000.20.01.H56 an', 'an', 'a b', 'a', 'b', '', ' ');
  const word = fc.oneof(fc.constantFrom('an', 'nguyen', 'van', 'b', 'a', 'Văn', 'ĐỨC', '0912'), fc.string());
  const text = fc.array(word, { maxLength: 7 }).map((ws) => foldText(ws.join(' ')));
  const typed = fc
    .array(word, { minLength: 2, maxLength: 4 })
    .map((ws) => searchWords(foldText(ws.join(' '))))
    .filter((ws) => ws.length >= 2);
  fc.assert(
    fc.property(agency, text, agency, typed, (at, stored, asked, words) => {
      const have = new Set(agencySearchKeys(at, storedTextPairs(stored)));
      const found = agencySearchKeys(asked, wordPairs(words)).every((k) => have.has(k));
      assert.equal(
        found,
        at === asked && matchesSearchWords(stored, words),
        JSON.stringify({ at, stored, asked, words }),
      );
    }),
    { numRuns: 3000, seed: 20261204 },
  );
});
