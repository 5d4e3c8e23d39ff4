-- The open dossiers with a running deadline at each agency, in queue order. Written by hand. The
-- overdue and due-soon pages (inbox/queue-sql.ts, db/deadline-sql.ts) bound `queue_at` by their
-- instants and walk this index from there, reading about a page of rows however many dossiers are
-- overdue; the general `dossiers_open_idx` would make them step over the new, paused and finished
-- ones. The statuses are core's OPEN_STATUSES, written as the server's conditions write them.
-- A small part of the table: built in the migration, as `dossiers_overdue_idx` was.
CREATE INDEX IF NOT EXISTS "dossiers_deadline_queue_idx" ON "dossiers" USING btree ("location_agency", "queue_at", "id")
	WHERE NOT "closed" AND "due_at" IS NOT NULL AND "status" IN (2, 4, 5, 6);
