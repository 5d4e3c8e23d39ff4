CREATE TABLE "artefacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"event_seq" integer NOT NULL,
	"format" text NOT NULL,
	"template_version" text,
	"form_no" text,
	"file_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"media_type" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_ledger_month" (
	"agency_code" text NOT NULL,
	"field_code" text NOT NULL,
	"month" date NOT NULL,
	"column" text NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "report_ledger_month_agency_code_field_code_month_column_pk" PRIMARY KEY("agency_code","field_code","month","column")
);
--> statement-breakpoint
ALTER TABLE "artefacts" ADD CONSTRAINT "artefacts_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "artefacts" ADD CONSTRAINT "artefacts_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "artefacts_slip_idx" ON "artefacts" USING btree ("dossier_id","kind","event_seq","format") WHERE kind <> 'result';--> statement-breakpoint
CREATE UNIQUE INDEX "artefacts_file_idx" ON "artefacts" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "artefacts_dossier_idx" ON "artefacts" USING btree ("dossier_id","event_seq");--> statement-breakpoint
-- Case handling (issue 4). What follows is written by hand: columns derived by PostgreSQL itself
-- (generated, so they can never disagree with the row), indexes the drizzle schema does not own,
-- and triggers.
--
-- The inbox sorts by due time; a dossier not yet accepted has none and sorts by its submission.
ALTER TABLE "dossiers" ADD COLUMN "queue_at" timestamp with time zone GENERATED ALWAYS AS (coalesce("due_at", "submitted_at")) STORED;
--> statement-breakpoint
-- Start of the open clock pause (supplement, payment), read from core's state: the overdue filter
-- must know it (a dossier paused since before its due instant is not overdue).
ALTER TABLE "dossiers" ADD COLUMN "paused_since" timestamp with time zone GENERATED ALWAYS AS (
  CASE WHEN jsonb_typeof("state" -> 'pauses' -> -1 -> 'to') = 'null'
       THEN to_timestamp(((("state" -> 'pauses' -> -1 ->> 'from')::bigint) / 1000.0)::double precision) END
) STORED;
--> statement-breakpoint
-- Accent-folded words of the applicant (name, ID, phone, e-mail), folded by the application on
-- write: whole-word search through a GIN index, the same on PGlite and PostgreSQL.
ALTER TABLE "dossiers" ADD COLUMN "search_tokens" text[] GENERATED ALWAYS AS (string_to_array("applicant_search", ' ')) STORED;
--> statement-breakpoint
CREATE INDEX "dossiers_queue_idx" ON "dossiers" USING btree ("location_agency", "location_role", "queue_at", "id") WHERE NOT "closed";
--> statement-breakpoint
CREATE INDEX "dossiers_open_idx" ON "dossiers" USING btree ("location_agency", "queue_at", "id") WHERE NOT "closed";
--> statement-breakpoint
CREATE INDEX "dossiers_assignee_queue_idx" ON "dossiers" USING btree ("assignee_id", "queue_at", "id") WHERE NOT "closed" AND "assignee_id" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "dossiers_search_tokens_idx" ON "dossiers" USING gin ("search_tokens");
--> statement-breakpoint
CREATE INDEX "dossiers_code_prefix_idx" ON "dossiers" USING btree ("code" text_pattern_ops);
--> statement-breakpoint
CREATE INDEX "dossier_agencies_since_idx" ON "dossier_agencies" USING btree ("agency_code", "since", "dossier_id");
--> statement-breakpoint
-- Month sums of the Biểu 06 day ledger, in the transaction of every ledger change.
CREATE OR REPLACE FUNCTION motcua_ledger_month() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO report_ledger_month AS m (agency_code, field_code, month, "column", value)
    VALUES (OLD.agency_code, OLD.field_code, date_trunc('month', OLD.day)::date, OLD."column", -OLD.value)
    ON CONFLICT (agency_code, field_code, month, "column") DO UPDATE SET value = m.value + EXCLUDED.value;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO report_ledger_month AS m (agency_code, field_code, month, "column", value)
    VALUES (NEW.agency_code, NEW.field_code, date_trunc('month', NEW.day)::date, NEW."column", NEW.value)
    ON CONFLICT (agency_code, field_code, month, "column") DO UPDATE SET value = m.value + EXCLUDED.value;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_ledger_month_sums AFTER INSERT OR UPDATE OR DELETE ON report_ledger
  FOR EACH ROW EXECUTE FUNCTION motcua_ledger_month();
--> statement-breakpoint
INSERT INTO report_ledger_month (agency_code, field_code, month, "column", value)
  SELECT agency_code, field_code, date_trunc('month', day)::date, "column", sum(value) FROM report_ledger
  GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
-- The event log and issued artefacts are append-only (principle 4; the audit hash chain detects
-- what someone with the rights to drop this trigger could still do).
CREATE OR REPLACE FUNCTION motcua_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'P0001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dossier_events_append_only BEFORE UPDATE OR DELETE ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dossier_events_no_truncate BEFORE TRUNCATE ON dossier_events
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_refuse_change();
--> statement-breakpoint
CREATE TRIGGER artefacts_append_only BEFORE UPDATE OR DELETE ON artefacts
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_change();
