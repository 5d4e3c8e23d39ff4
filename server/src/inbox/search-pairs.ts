import { maintenanceMark } from '../db/maintenance-mark.ts';

/** The `maintenance` key the pairs backfill records when every row has its pairs and the index is built. */
export const SEARCH_PAIRS_KEY = 'search-pairs';

/**
 * Whether searches may use the word pairs: only once the backfill finished (until then older rows
 * have none, and the single-word index answers).
 */
export const searchPairsMark = maintenanceMark(SEARCH_PAIRS_KEY);
export const searchPairsReady = searchPairsMark.ready;
export const forgetSearchPairsReady = searchPairsMark.forget;
