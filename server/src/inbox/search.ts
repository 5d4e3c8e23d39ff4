import { agencySearchKeys, foldText, searchWords, wordPairs } from '@motcua/core';

/**
 * What a search box means: accent-folded whole words that must all appear among the applicant's
 * words (name, ID number, phone, e-mail — folded the same way on write), or the start of a
 * dossier code. Folding happens here and on write, never in SQL, so PGlite and PostgreSQL agree.
 */
export interface SearchTerms {
  /** Folded words, deduplicated (empty: no word search). */
  words: string[];
  /**
   * Core's wordPairs of the words, as stored for each dossier (search_pairs): all the words appear
   * exactly when all their pairs do, and a pair's posting list is far shorter than a common word's.
   * Empty for fewer than two words.
   */
  pairs: string[];
  /**
   * Core's agencySearchKeys of the pairs at the agency searched, as stored on each visit: only that
   * agency's matches are read. Empty until every visit has them (then the pairs answer).
   */
  agencyKeys: string[];
  /** Code prefixes to try (as typed and upper-cased); LIKE wildcards escaped. */
  codePrefixes: string[];
}

/** The terms of a search at `agency` (agencyKeys filled; the caller empties them while the backfill runs). */
export function searchTerms(q: string, agency: string): SearchTerms | null {
  const raw = q.normalize('NFC').trim();
  if (!raw) return null;
  const words = searchWords(foldText(raw));
  const escape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
  const codePrefixes = /\s/.test(raw) ? [] : [...new Set([raw, raw.toUpperCase()])].map(escape);
  const pairs = words.length >= 2 ? wordPairs(words) : [];
  return { words, pairs, agencyKeys: agencySearchKeys(agency, pairs), codePrefixes };
}
