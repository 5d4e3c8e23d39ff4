-- Integration outbox. Written by hand.
--
-- Every dossier event is queued for every active destination (a signed webhook, the
-- notifications, later the national-portal sync) by a trigger on dossier_events, so the queue row
-- commits or rolls back with the event whichever code path wrote it. A statement-level trigger
-- with a transition table: one INSERT … SELECT per statement, not one per event row.
--
-- Delivery workers claim due rows with FOR UPDATE SKIP LOCKED and a lease (locked_until): two
-- processes never hold the same row, and the rows of a worker that died come back when its lease
-- ends. A row tried max times is dead (dead_at) until staff replay it.
CREATE TABLE "outbox_destinations" (
	"name" text PRIMARY KEY NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"destination" text NOT NULL REFERENCES "outbox_destinations"("name"),
	"dossier_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"dead_at" timestamp with time zone,
	"last_error" text,
	CONSTRAINT "outbox_event_destination_unique" UNIQUE ("destination", "dossier_id", "seq")
);
--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" ("next_at", "id") WHERE "delivered_at" IS NULL AND "dead_at" IS NULL;
--> statement-breakpoint
CREATE INDEX "outbox_dead_idx" ON "outbox" ("dead_at", "id") WHERE "dead_at" IS NOT NULL;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION motcua_outbox_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO outbox (destination, dossier_id, seq)
    SELECT d.name, e.dossier_id, e.seq FROM new_events e CROSS JOIN outbox_destinations d WHERE d.active;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dossier_events_outbox AFTER INSERT ON dossier_events
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION motcua_outbox_events();
