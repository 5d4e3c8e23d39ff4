import { Readable } from 'node:stream';
import { and, eq, inArray } from 'drizzle-orm';
import type { Context } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { errors } from '../http/errors.ts';
import { dossierFiles, files } from '../db/schema/index.ts';

/**
 * Streams a file linked to a dossier (one of `purposes`), with safe download headers: always an
 * attachment, and sandboxed should a browser render it anyway (no script, no plugins, no origin),
 * so that an applicant's file never runs in the server's origin.
 */
export async function serveDossierFile(
  c: Context<AppEnv>,
  dossierId: string,
  fileId: string,
  purposes: string[] | null,
): Promise<Response> {
  const ctx = c.get('ctx');
  const rows = await ctx.db
    .select({
      key: files.storageKey,
      mediaType: files.mediaType,
      size: files.size,
      name: files.originalName,
      sha256: files.sha256,
    })
    .from(dossierFiles)
    .innerJoin(files, eq(files.id, dossierFiles.fileId))
    .where(
      and(
        eq(dossierFiles.dossierId, dossierId),
        eq(dossierFiles.fileId, fileId),
        ...(purposes ? [inArray(dossierFiles.purpose, purposes)] : []),
      ),
    );
  const f = rows[0];
  if (!f) throw errors.notFound({ vi: 'Không tìm thấy tệp', en: 'File not found' });
  const name = f.name ?? `${fileId}`;
  c.header('Content-Type', f.mediaType);
  c.header('Content-Length', String(f.size));
  c.header(
    'Content-Disposition',
    `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  );
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Content-Security-Policy', "sandbox; default-src 'none'");
  c.header('Cache-Control', 'private, no-store');
  c.header('ETag', `"${f.sha256}"`);
  return c.body(Readable.toWeb(ctx.files.read(f.key)) as unknown as ReadableStream);
}
