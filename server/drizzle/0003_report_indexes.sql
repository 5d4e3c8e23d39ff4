-- A period report reads the Biểu 06 day totals of a set of agencies between two days (and the
-- month totals before a month): scans by agency and date, answered from the index alone.
CREATE INDEX IF NOT EXISTS "report_ledger_agency_day_idx" ON "report_ledger" USING btree ("agency_code", "day") INCLUDE ("field_code", "column", "value");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "report_ledger_month_agency_month_idx" ON "report_ledger_month" USING btree ("agency_code", "month") INCLUDE ("field_code", "column", "value");
