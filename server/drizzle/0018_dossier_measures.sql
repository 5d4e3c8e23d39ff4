-- Which of core's dashboard counts each dossier counts toward (report/dashboard.ts
-- dashboardMeasures: a bitmask over DASHBOARD_COUNTS' order), written with its facts in each
-- event's transaction. The oversight drill-down filters by it instead of writing the counts' rules
-- again in SQL. Written by hand. Added without a default: no table rewrite, no long lock. Rows
-- already stored get it from the server at start, computed by core in short batches
-- (reports/measures-backfill.ts), which then records itself done in `maintenance`; the drill-down
-- waits for that mark. An empty table is done here.
ALTER TABLE "dossier_facts" ADD COLUMN IF NOT EXISTS "measures" integer;
--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM dossier_facts) THEN
    INSERT INTO maintenance (key, done_at) VALUES ('dossier-measures', now()) ON CONFLICT DO NOTHING;
  END IF;
END;
$$;
