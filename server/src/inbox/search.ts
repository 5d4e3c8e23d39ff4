import { foldText } from '../dossiers/fold.ts';

/**
 * What a search box means: accent-folded whole words that must all appear among the applicant's
 * words (name, ID number, phone, e-mail — folded the same way on write), or the start of a
 * dossier code. Folding happens here and on write, never in SQL, so PGlite and PostgreSQL agree.
 */
export interface SearchTerms {
  /** Folded words, deduplicated (empty: no word search). */
  words: string[];
  /**
   * Every unordered pair of the words ("a b" with a < b bytewise), as the database stores them
   * for each dossier (motcua_word_pairs): all the words appear exactly when all their pairs do,
   * and a pair's posting list is far shorter than a common word's. Empty for fewer than two words.
   */
  pairs: string[];
  /** Code prefixes to try (as typed and upper-cased); LIKE wildcards escaped. */
  codePrefixes: string[];
}

/** Every unordered pair of distinct words, each written "lesser greater" (code-unit order, = SQL's "C"). */
export function wordPairs(words: readonly string[]): string[] {
  const set = [...new Set(words)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out: string[] = [];
  for (let i = 0; i < set.length; i++) for (let j = i + 1; j < set.length; j++) out.push(`${set[i]} ${set[j]}`);
  return out;
}

export function searchTerms(q: string): SearchTerms | null {
  const raw = q.normalize('NFC').trim();
  if (!raw) return null;
  const words = [...new Set(foldText(raw).split(' ').filter(Boolean))];
  const escape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
  const codePrefixes = /\s/.test(raw) ? [] : [...new Set([raw, raw.toUpperCase()])].map(escape);
  return { words, pairs: words.length >= 2 ? wordPairs(words) : [], codePrefixes };
}
