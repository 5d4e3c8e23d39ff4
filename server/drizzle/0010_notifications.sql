-- Notifications. Written by hand.
--
-- The applicant's channel choice is stored with the dossier (`notify`: {email, phone, lang}, null
-- when none was chosen). The destinations `notify:email` and `notify:sms` are outbox destinations
-- like the webhooks: the trigger now queues an event for them only when the dossier asked for that
-- channel, so dossiers without a choice add no queue rows. Which events are worth a message is
-- core's rule (notificationKind), applied by the worker.
--
-- staff_digests: one row per staff member and day for the daily digest of what is due. Any process
-- may create the day's rows (INSERT … ON CONFLICT DO NOTHING) and claims them like outbox rows
-- (FOR UPDATE SKIP LOCKED and a lease), so each digest is sent by one process; a crash between the
-- send and "sent" sends it again with the same Message-ID.
ALTER TABLE "dossiers" ADD COLUMN "notify" jsonb;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION motcua_outbox_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO outbox (destination, dossier_id, seq)
    SELECT d.name, e.dossier_id, e.seq FROM new_events e CROSS JOIN outbox_destinations d
     WHERE d.active
       AND (d.name NOT LIKE 'notify:%' OR EXISTS (
             SELECT 1 FROM dossiers x
              WHERE x.id = e.dossier_id
                AND (x.notify ->> CASE d.name WHEN 'notify:email' THEN 'email' ELSE 'phone' END) IS NOT NULL));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TABLE "staff_digests" (
	"staff_id" uuid NOT NULL REFERENCES "staff"("id") ON DELETE CASCADE,
	"day" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"dossiers" integer,
	"last_error" text,
	CONSTRAINT "staff_digests_pk" PRIMARY KEY ("staff_id", "day")
);
--> statement-breakpoint
CREATE INDEX "staff_digests_pending_idx" ON "staff_digests" ("day", "staff_id") WHERE "sent_at" IS NULL;
