import { pgTable, text, timestamp, uuid, bigint, boolean, index, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Document records: the bytes live in the file store under `storage_key`; the row says what they
 * are (hash, size, media type sniffed from the bytes) and where they came from. A record may be
 * linked to several dossiers (`dossier_files`), e.g. an ID card reused by a later dossier.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey(),
    storageKey: text('storage_key').notNull(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mediaType: text('media_type').notNull(),
    /** A PDF that carries script, launch or open actions: served as a download only, never shown inline. */
    activeContent: boolean('active_content').notNull().default(false),
    originalName: text('original_name'),
    /** online (uploaded by the applicant) | counter-scan | external | staff | import */
    provenance: text('provenance').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('files_storage_key_idx').on(t.storageKey), index('files_sha256_idx').on(t.sha256)],
);
