-- The oversight dashboard's daily sums. Written by hand. Core's dashboard counts per agency, day,
-- field, procedure and channel (report/dashboard.ts dailyCounts), corrected in the transaction of
-- each change of dossier_facts; the dashboard sums days instead of dossiers. The sums of the facts
-- already stored are computed by the server at start (reports/daily-rebuild.ts), which the row
-- of dashboard_daily_rebuild asks for.
CREATE TABLE "dashboard_daily" (
	"agency_code" text NOT NULL,
	"day" date NOT NULL,
	"field_code" text NOT NULL,
	"procedure_code" text NOT NULL,
	"channel" text NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"online" integer DEFAULT 0 NOT NULL,
	"digitised" integer DEFAULT 0 NOT NULL,
	"paid" integer DEFAULT 0 NOT NULL,
	"paid_online" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"early" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	"processing_ms" bigint DEFAULT 0 NOT NULL,
	"electronic_result" integer DEFAULT 0 NOT NULL,
	"finished" integer DEFAULT 0 NOT NULL,
	"index_on_time" integer DEFAULT 0 NOT NULL,
	"supplement_once" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dashboard_daily_agency_code_day_field_code_procedure_code_channel_pk" PRIMARY KEY("agency_code","day","field_code","procedure_code","channel")
);
--> statement-breakpoint
CREATE TABLE "dashboard_daily_rebuild" (
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
INSERT INTO "dashboard_daily_rebuild" DEFAULT VALUES;
--> statement-breakpoint
-- "Overdue in progress" per responsible agency: the open, accepted dossiers by due instant, with
-- the pause the condition reads (an index-only count). The predicate is the start of the server's
-- overdue condition (inbox/queue-sql.ts: core's OPEN_STATUSES).
CREATE INDEX "dossiers_overdue_idx" ON "dossiers" ("responsible_agency", "due_at") INCLUDE ("paused_since")
	WHERE "due_at" IS NOT NULL AND "accepted_at" IS NOT NULL AND "status" IN (2, 4, 5, 6);
