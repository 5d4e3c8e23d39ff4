-- The publisher's change note, kept with each published version and shown in its history.
-- Written by hand. Versions published before it have none (NULL); the immutability trigger of
-- 0001 still refuses any later change, the note included.
ALTER TABLE "procedure_versions" ADD COLUMN "note" text;
