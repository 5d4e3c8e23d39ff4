-- Staff preferences. Written by hand. One row per staff member who saved any (saved inbox
-- filters, column choice, scope), as the contract's StaffPreferences, validated and size-capped
-- by the route before it is stored.
CREATE TABLE IF NOT EXISTS "staff_preferences" (
	"staff_id" uuid PRIMARY KEY NOT NULL REFERENCES "staff"("id") ON DELETE CASCADE,
	"preferences" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
