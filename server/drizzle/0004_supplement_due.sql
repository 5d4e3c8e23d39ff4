-- The applicant's time limit for a requested supplement that has not been provided yet, read from
-- core's state: reception lists the dossiers whose time limit passed (they may be stopped with a
-- notice). Generated, so it never disagrees with the state; "passed" is decided at read time.
ALTER TABLE "dossiers" ADD COLUMN IF NOT EXISTS "supplement_due_at" timestamp with time zone GENERATED ALWAYS AS (
  CASE WHEN "status" = 5 AND jsonb_typeof("state" -> 'supplement') = 'object' AND ("state" -> 'supplement' ->> 'provided') = 'false'
       THEN to_timestamp(((("state" -> 'supplement' ->> 'dueBy')::bigint) / 1000.0)::double precision) END
) STORED;
