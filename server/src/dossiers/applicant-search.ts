import { applicantSearchKeys } from '@motcua/core';

/**
 * The search columns of a dossier's applicant, computed by core on write: the folded words
 * (applicant_search, and search_tokens derived from it by the database) and their word pairs
 * (search_pairs, the GIN-indexed keys of multi-word searches).
 */
export function applicantSearchColumns(parts: readonly (string | null | undefined)[]): {
  applicantSearch: string;
  searchPairs: string[];
} {
  const keys = applicantSearchKeys(parts);
  return { applicantSearch: keys.text, searchPairs: keys.pairs };
}
