-- Applicant satisfaction ratings. Written by hand. One row per dossier (its key), given by the
-- applicant after the result is returned; aggregated for supervisors, never listed per clerk.
CREATE TABLE "satisfaction_ratings" (
	"dossier_id" uuid PRIMARY KEY NOT NULL REFERENCES "dossiers"("id"),
	"agency_code" text NOT NULL,
	"field_code" text NOT NULL,
	"procedure_code" text NOT NULL,
	"scores" jsonb NOT NULL,
	"convenience" text NOT NULL CHECK ("convenience" IN ('very-satisfied', 'satisfied', 'dissatisfied')),
	"overall" text NOT NULL CHECK ("overall" IN ('very-satisfied', 'satisfied', 'dissatisfied')),
	"comment" text,
	"rated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "satisfaction_ratings_agency_idx" ON "satisfaction_ratings" ("agency_code", "rated_at");
