-- The oversight dashboard's facts. Written by hand. One row per accepted dossier, computed by
-- core's dashboardFacts and rewritten in the transaction of each of the dossier's events; dossiers
-- accepted before this migration are filled in by the server at start (reports/facts-backfill.ts).
CREATE TABLE "dossier_facts" (
	"dossier_id" uuid PRIMARY KEY NOT NULL REFERENCES "dossiers"("id"),
	"agency_code" text NOT NULL,
	"field_code" text NOT NULL,
	"procedure_code" text NOT NULL,
	"channel" text NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	"accepted_day" date NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"finished_day" date,
	"supplement_requests" smallint NOT NULL,
	"resolved_day" date,
	"resolved_class" text CHECK ("resolved_class" IN ('early', 'on-time', 'late')),
	"processing_ms" bigint,
	"electronic_result" boolean NOT NULL,
	"paid" boolean NOT NULL,
	"paid_online" boolean NOT NULL,
	"submitted_files" boolean NOT NULL,
	"digitised" boolean NOT NULL,
	"event_count" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "dossier_facts_accepted_idx" ON "dossier_facts" ("agency_code", "accepted_day");
--> statement-breakpoint
CREATE INDEX "dossier_facts_resolved_idx" ON "dossier_facts" ("agency_code", "resolved_day");
--> statement-breakpoint
CREATE INDEX "dossier_facts_finished_idx" ON "dossier_facts" ("agency_code", "finished_day");
