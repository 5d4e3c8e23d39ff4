-- Applicant search word pairs from core. Written by hand. The pairs of a dossier's folded applicant
-- words are computed by the application with core's applicantSearchKeys, on write and by the online
-- backfill (inbox/search-backfill.ts), like the folded words themselves: the database no longer
-- holds a second copy of the rule. Rows the trigger filled keep their pairs (the same ones).
DROP TRIGGER IF EXISTS dossiers_search_pairs ON dossiers;
--> statement-breakpoint
DROP FUNCTION IF EXISTS motcua_search_pairs();
--> statement-breakpoint
DROP FUNCTION IF EXISTS motcua_word_pairs(text);
