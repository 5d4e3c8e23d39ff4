import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Context } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { errors, HttpError } from '../http/errors.ts';
import { artefacts, files } from '../db/schema/index.ts';
import { logAccess } from '../dossiers/access-log.ts';
import type { DossierRow } from '../dossiers/load.ts';
import type { FileStore } from '../files/store.ts';

async function readAll(store: FileStore, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of store.read(key))
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/**
 * Serves an issued artefact of a dossier exactly as stored, checked against the SHA-256 recorded at
 * issue; `kinds` narrows what the caller may read (the applicant reads only their own slips).
 */
export async function serveArtefact(
  c: Context<AppEnv>,
  row: DossierRow,
  fileId: string,
  operation: string,
  kinds?: readonly string[],
): Promise<Response> {
  const ctx = c.get('ctx');
  const rows = await ctx.db
    .select({
      sha256: artefacts.sha256,
      mediaType: artefacts.mediaType,
      kind: artefacts.kind,
      key: files.storageKey,
      name: files.originalName,
    })
    .from(artefacts)
    .innerJoin(files, eq(files.id, artefacts.fileId))
    .where(
      and(
        eq(artefacts.dossierId, row.id),
        eq(artefacts.fileId, fileId),
        ...(kinds ? [inArray(artefacts.kind, [...kinds])] : []),
      ),
    );
  const a = rows[0];
  if (!a) throw errors.notFound({ vi: 'Không tìm thấy phiếu', en: 'No such slip' });
  const bytes = await readAll(ctx.files, a.key);
  if (createHash('sha256').update(bytes).digest('hex') !== a.sha256) {
    ctx.log.error({ dossier: row.code, fileId }, 'stored artefact does not match its recorded hash');
    throw new HttpError(500, 'artefact_corrupt', {
      vi: 'Tệp đã phát hành bị thay đổi; đã ghi nhận sự cố',
      en: 'The issued file has been altered; the incident is logged',
    });
  }
  // Slips and results carry the applicant's personal data: every download is logged.
  await logAccess(c, row.id, operation, { fileId, kind: a.kind });
  const name = a.name ?? fileId;
  c.header('Content-Type', a.mediaType);
  c.header('Content-Length', String(bytes.length));
  c.header(
    'Content-Disposition',
    `${a.mediaType.startsWith('text/html') || a.mediaType === 'application/pdf' ? 'inline' : 'attachment'}; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"`,
  );
  c.header('X-Content-Type-Options', 'nosniff');
  // An issued HTML slip is a document, never an application: nothing may load or run.
  if (a.mediaType.startsWith('text/html'))
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox");
  c.header('Cache-Control', 'private, max-age=31536000, immutable');
  c.header('ETag', `"${a.sha256}"`);
  return c.body(new Uint8Array(bytes));
}
