import { foldText } from './fold-text.ts';

/**
 * What the applicant search stores and asks for, decided once here so that the server's writes,
 * its backfill and its queries agree. A text is folded (foldText) into words separated by
 * SEARCH_WORD_SEPARATOR; beside the words, every unordered pair of distinct words is a key
 * ("an nguyen", "an van", "nguyen van"). A search for several words asks for their pairs: a
 * dossier has all the words exactly when it has all their pairs, and a pair's posting list stays
 * short where a common word's (Nguyễn, Văn) grows with the table.
 */
export const SEARCH_WORD_SEPARATOR = ' ';

/** Pairs are written "lesser greater" in code-unit order, which is SQL's COLLATE "C" (bytewise for UTF-8 ASCII). */
export const SEARCH_PAIR_SEPARATOR = ' ';

/** The distinct words of an already-folded text, in their first order. */
export function searchWords(folded: string): string[] {
  return [...new Set(folded.split(SEARCH_WORD_SEPARATOR).filter(Boolean))];
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every unordered pair of distinct words, each "lesser greater", the list sorted; none for fewer than two words. */
export function wordPairs(words: readonly string[]): string[] {
  const set = [...new Set(words.filter(Boolean))].sort(byCodeUnit);
  const out: string[] = [];
  for (let i = 0; i < set.length; i++)
    for (let j = i + 1; j < set.length; j++) out.push(`${set[i]}${SEARCH_PAIR_SEPARATOR}${set[j]}`);
  return out;
}

/** The stored search keys of one dossier's applicant (name, ID number, phone, e-mail…): folded text and its pairs. */
export interface ApplicantSearchKeys {
  /** The folded words, SEARCH_WORD_SEPARATOR between them. */
  text: string;
  /** wordPairs of its words. */
  pairs: string[];
}

export function applicantSearchKeys(parts: readonly (string | null | undefined)[]): ApplicantSearchKeys {
  const text = foldText(parts.filter(Boolean).join(SEARCH_WORD_SEPARATOR));
  return { text, pairs: wordPairs(searchWords(text)) };
}

/**
 * Whether a folded stored text matches a search's folded words: every word is one of its words
 * (whole words, any order). The meaning the indexed keys must keep.
 */
export function matchesSearchWords(storedText: string, words: readonly string[]): boolean {
  const have = new Set(searchWords(storedText));
  return words.every((w) => have.has(w));
}

/**
 * Between an agency's code and a pair in an agency-scoped key ("000.20.01.H56 an nguyen"). A pair
 * is exactly two words joined by SEARCH_PAIR_SEPARATOR and a folded word holds no whitespace, so a
 * key splits back at its last two spaces into one agency and one pair, whatever the agency's code:
 * keys of different agencies or pairs never coincide.
 */
export const SEARCH_AGENCY_SEPARATOR = ' ';

/**
 * The search keys of a dossier at one agency (stored per visit), or of a search at one agency:
 * each word pair prefixed by the agency. Every inbox search is scoped to an agency, so asking for
 * these keys reads only that agency's matches, however many the province holds.
 */
export function agencySearchKeys(agency: string, pairs: readonly string[]): string[] {
  return pairs.map((p) => `${agency}${SEARCH_AGENCY_SEPARATOR}${p}`);
}

/** The word pairs of an already-folded stored text (what its dossier's keys are made of). */
export function storedTextPairs(folded: string): string[] {
  return wordPairs(searchWords(folded));
}
