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
-- The same sums per month (first day of the month), kept from the daily ones by a trigger that only
-- adds (as report_ledger_month): a period's whole months are read here, its partial ones by day.
CREATE TABLE "dashboard_monthly" (
	"agency_code" text NOT NULL,
	"month" date NOT NULL,
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
	CONSTRAINT "dashboard_monthly_agency_code_month_field_code_procedure_code_channel_pk" PRIMARY KEY("agency_code","month","field_code","procedure_code","channel")
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION motcua_dashboard_month() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO "dashboard_monthly" ("agency_code", "month", "field_code", "procedure_code", "channel", "accepted", "online", "digitised", "paid", "paid_online", "resolved", "early", "on_time", "late", "processing_ms", "electronic_result", "finished", "index_on_time", "supplement_once")
      VALUES (OLD.agency_code, date_trunc('month', OLD.day)::date, OLD.field_code, OLD.procedure_code, OLD.channel, -OLD.accepted, -OLD.online, -OLD.digitised, -OLD.paid, -OLD.paid_online, -OLD.resolved, -OLD.early, -OLD.on_time, -OLD.late, -OLD.processing_ms, -OLD.electronic_result, -OLD.finished, -OLD.index_on_time, -OLD.supplement_once)
      ON CONFLICT ("agency_code", "month", "field_code", "procedure_code", "channel") DO UPDATE SET
        "accepted" = "dashboard_monthly"."accepted" + excluded."accepted", "online" = "dashboard_monthly"."online" + excluded."online", "digitised" = "dashboard_monthly"."digitised" + excluded."digitised", "paid" = "dashboard_monthly"."paid" + excluded."paid", "paid_online" = "dashboard_monthly"."paid_online" + excluded."paid_online", "resolved" = "dashboard_monthly"."resolved" + excluded."resolved", "early" = "dashboard_monthly"."early" + excluded."early", "on_time" = "dashboard_monthly"."on_time" + excluded."on_time", "late" = "dashboard_monthly"."late" + excluded."late", "processing_ms" = "dashboard_monthly"."processing_ms" + excluded."processing_ms", "electronic_result" = "dashboard_monthly"."electronic_result" + excluded."electronic_result", "finished" = "dashboard_monthly"."finished" + excluded."finished", "index_on_time" = "dashboard_monthly"."index_on_time" + excluded."index_on_time", "supplement_once" = "dashboard_monthly"."supplement_once" + excluded."supplement_once";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "dashboard_monthly" ("agency_code", "month", "field_code", "procedure_code", "channel", "accepted", "online", "digitised", "paid", "paid_online", "resolved", "early", "on_time", "late", "processing_ms", "electronic_result", "finished", "index_on_time", "supplement_once")
      VALUES (NEW.agency_code, date_trunc('month', NEW.day)::date, NEW.field_code, NEW.procedure_code, NEW.channel, NEW.accepted, NEW.online, NEW.digitised, NEW.paid, NEW.paid_online, NEW.resolved, NEW.early, NEW.on_time, NEW.late, NEW.processing_ms, NEW.electronic_result, NEW.finished, NEW.index_on_time, NEW.supplement_once)
      ON CONFLICT ("agency_code", "month", "field_code", "procedure_code", "channel") DO UPDATE SET
        "accepted" = "dashboard_monthly"."accepted" + excluded."accepted", "online" = "dashboard_monthly"."online" + excluded."online", "digitised" = "dashboard_monthly"."digitised" + excluded."digitised", "paid" = "dashboard_monthly"."paid" + excluded."paid", "paid_online" = "dashboard_monthly"."paid_online" + excluded."paid_online", "resolved" = "dashboard_monthly"."resolved" + excluded."resolved", "early" = "dashboard_monthly"."early" + excluded."early", "on_time" = "dashboard_monthly"."on_time" + excluded."on_time", "late" = "dashboard_monthly"."late" + excluded."late", "processing_ms" = "dashboard_monthly"."processing_ms" + excluded."processing_ms", "electronic_result" = "dashboard_monthly"."electronic_result" + excluded."electronic_result", "finished" = "dashboard_monthly"."finished" + excluded."finished", "index_on_time" = "dashboard_monthly"."index_on_time" + excluded."index_on_time", "supplement_once" = "dashboard_monthly"."supplement_once" + excluded."supplement_once";
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dashboard_daily_month_sums AFTER INSERT OR UPDATE OR DELETE ON dashboard_daily
  FOR EACH ROW EXECUTE FUNCTION motcua_dashboard_month();
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
