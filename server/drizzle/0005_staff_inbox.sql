-- Staff inbox. Written by hand: a notification per dossier change for the live inbox, and the
-- word pairs of the applicant search with their online backfill.
--
-- Every change of a dossier (a new one once it has its code, each appended event, a move) is
-- announced on the channel motcua_dossiers at commit, whichever process wrote it: server
-- processes LISTEN and tell their staff clients. The payload names the agencies concerned (where
-- it was, where it is, where it was received) and the new position; no personal data.
CREATE OR REPLACE FUNCTION motcua_notify_dossier() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was text := NULL;
BEGIN
  IF NEW.code IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'UPDATE' THEN
    IF OLD.code IS NOT NULL AND OLD.lock_version = NEW.lock_version AND OLD.event_count = NEW.event_count
       AND OLD.location_agency = NEW.location_agency THEN
      RETURN NULL;
    END IF;
    was := OLD.location_agency;
  END IF;
  PERFORM pg_notify('motcua_dossiers', json_build_object(
    'id', NEW.id,
    'code', NEW.code,
    'seq', NEW.event_count,
    'status', NEW.status,
    'closed', NEW.closed,
    'agencies', (SELECT coalesce(json_agg(DISTINCT x.a), '[]'::json) FROM unnest(ARRAY[
      was, NEW.location_agency, NEW.receiving_agency]) AS x(a)
      WHERE x.a IS NOT NULL),
    'agency', NEW.location_agency,
    'role', NEW.location_role,
    'assignee', NEW.assignee_id,
    'assigneeName', NEW.state -> 'location' ->> 'assigneeName',
    'at', NEW.updated_at
  )::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dossiers_notify AFTER INSERT OR UPDATE ON dossiers
  FOR EACH ROW EXECUTE FUNCTION motcua_notify_dossier();
--> statement-breakpoint
-- Every unordered pair of the applicant's folded search words ("an van", "an nguyen", "nguyen van"):
-- a search for several words asks the GIN index for their pairs, whose posting lists are far
-- shorter than those of common single words (Nguyễn, Văn), so the time stays flat as the table
-- grows. All pairs, not only adjacent ones, so that "all the words, in any order" keeps its meaning.
-- Bytewise order ("C"), as the application sorts them.
CREATE OR REPLACE FUNCTION motcua_word_pairs(words text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT a.w || ' ' || b.w), '{}'::text[])
  FROM unnest(string_to_array(words, ' ')) a(w)
  JOIN unnest(string_to_array(words, ' ')) b(w) ON a.w COLLATE "C" < b.w COLLATE "C"
$$;
--> statement-breakpoint
-- Added without a default: no table rewrite, no long lock. New and changed rows get their pairs from
-- the trigger; older rows from the backfill (inbox/search-backfill.ts), in small batches, which then
-- builds the index concurrently and records itself done in `maintenance`. An empty table is done here.
ALTER TABLE "dossiers" ADD COLUMN IF NOT EXISTS "search_pairs" text[];
--> statement-breakpoint
CREATE OR REPLACE FUNCTION motcua_search_pairs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_pairs := motcua_word_pairs(NEW.applicant_search);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dossiers_search_pairs BEFORE INSERT OR UPDATE OF applicant_search ON dossiers
  FOR EACH ROW EXECUTE FUNCTION motcua_search_pairs();
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "maintenance" (
  "key" text PRIMARY KEY NOT NULL,
  "done_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM dossiers) THEN
    CREATE INDEX IF NOT EXISTS "dossiers_search_pairs_idx" ON "dossiers" USING gin ("search_pairs");
    INSERT INTO maintenance (key, done_at) VALUES ('search-pairs', now()) ON CONFLICT DO NOTHING;
  END IF;
END;
$$;
--> statement-breakpoint
-- Results to hand back and dossiers forwarded out are listed by the receiving agency.
CREATE INDEX IF NOT EXISTS "dossiers_forwarded_out_idx" ON "dossiers" USING btree ("receiving_agency", "queue_at", "id")
  WHERE NOT "closed" AND "location_agency" <> "receiving_agency";
