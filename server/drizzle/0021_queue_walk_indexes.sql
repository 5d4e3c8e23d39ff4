-- Two more queue pages in queue order, each from its own small partial index. Written by hand.
--
-- Forwarded in (liên thông towards the agency): the open dossiers located at an agency that did not
-- receive them. The page (inbox/queue-sql.ts) says `location_agency <> receiving_agency` as this
-- predicate does, and walks only those; `dossiers_open_idx` made it step over every dossier
-- received here, more of them as the table grows. The mirror of `dossiers_forwarded_out_idx`.
CREATE INDEX IF NOT EXISTS "dossiers_forwarded_in_idx" ON "dossiers" USING btree ("location_agency", "queue_at", "id")
	WHERE NOT "closed" AND "location_agency" <> "receiving_agency";
--> statement-breakpoint
-- New online dossiers and results to return online, at the counter or by post: one status and one
-- channel each (core's QUEUES), equalities here, so a page walks the index in queue order and stops
-- after the page, where it read and sorted every dossier of the agency with the status. The
-- statuses are those of core's queues by channel (CHANNEL_QUEUE_STATUSES, checked by a test).
-- Cost on writes: only a row version that is open and new or awaiting return goes in (a dossier
-- enters it at submission or on its result and leaves at acceptance or when closed); every other
-- write skips it. The one column it adds to those indexed already, channel, never changes, so it
-- takes no update off the heap-only path. A small part of the table: built in the migration.
CREATE INDEX IF NOT EXISTS "dossiers_channel_queue_idx" ON "dossiers" USING btree ("location_agency", "status", "channel", "queue_at", "id")
	WHERE NOT "closed" AND "status" IN (1, 9);
