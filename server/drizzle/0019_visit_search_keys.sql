-- Agency-scoped applicant search keys on each visit (core's agencySearchKeys: the agency's code
-- before each word pair of the applicant's folded words). Every inbox search is at one agency:
-- asking a GIN index over these keys reads only that agency's matches, where the pairs on the
-- dossier read the whole province's. Written by hand. Added without a default: no table rewrite,
-- no long lock. Visits are written with their keys; the older ones get them from the server at
-- start, computed by core in short batches (inbox/search-keys-backfill.ts), which then builds the
-- index concurrently and records itself done in `maintenance`; searches wait for that mark. An
-- empty table is done here. The index is read by every search: no pending list to scan.
ALTER TABLE "dossier_agencies" ADD COLUMN IF NOT EXISTS "search_keys" text[];
--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM dossier_agencies) THEN
    CREATE INDEX IF NOT EXISTS "dossier_agencies_search_keys_idx" ON "dossier_agencies" USING gin ("search_keys")
      WITH (fastupdate = off);
    INSERT INTO maintenance (key, done_at) VALUES ('visit-search-keys', now()) ON CONFLICT DO NOTHING;
  END IF;
END;
$$;
