-- PDFs that carry script, launch or open actions are marked at upload (server/src/files/pdf-active-content.ts)
-- and never shown inline. Files stored before are not rescanned: they keep false.
ALTER TABLE "files" ADD COLUMN "active_content" boolean DEFAULT false NOT NULL;
