import { Readable, Transform, type TransformCallback } from 'node:stream';
import { Busboy } from '@fastify/busboy';
import type { Issue } from '@motcua/core';
import type { FileStore } from '../files/store.ts';
import { sniffMediaType } from '../files/sniff.ts';
import { createPdfActiveContentScanner } from '../files/pdf-active-content.ts';
import { errors } from '../http/errors.ts';
import { pointerSegment, stringProblem } from '../http/hostile-input/hostile-input.ts';
import { isBodyTooLarge } from '../http/middleware/body-limit/body-limit.ts';
import type { RequestBody } from '../http/request-body.ts';

/** One uploaded file part, already in the file store (unless refused while streaming). */
export interface UploadedFile {
  /** The multipart field name, e.g. "documents.giay-chung-sinh". */
  field: string;
  documentId: string;
  /** Position among the files of the same document (0-based). */
  ordinal: number;
  name: string | null;
  /** What the client claimed (never trusted; kept for the record). */
  declaredType: string;
  /** Media type sniffed from the bytes. */
  mediaType: string;
  /** A PDF that carries script, launch or open actions (`pdf-active-content.ts`): never shown inline. */
  activeContent: boolean;
  size: number;
  sha256: string;
  /** The store key; null when the bytes were not kept (too large). */
  key: string | null;
  tooLarge: boolean;
}

export interface ParsedMultipart {
  /** Text fields (e.g. the `submission` JSON). */
  fields: Record<string, string>;
  files: UploadedFile[];
  /** Problems found while streaming (unknown parts, too many files, oversized fields). */
  issues: Issue[];
}

export interface MultipartOptions {
  store: FileStore;
  /** Field-name prefix of file parts; the rest is the document id. */
  filePrefix: string;
  /** The largest file accepted for a document (bytes beyond it are drained, not stored). */
  maxFileBytes: (documentId: string) => number;
  maxFiles: number;
  maxFieldBytes: number;
  /** Called after each stored file (fault injection in tests). */
  afterFile?: (file: UploadedFile) => Promise<void>;
}

/**
 * Passes bytes up to `max` through, then swallows the rest while counting (the source drains);
 * the bytes passed are scanned for PDF active content on the way.
 */
class Limit extends Transform {
  seen = 0;
  over = false;
  readonly scanner = createPdfActiveContentScanner();
  constructor(private readonly max: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    const before = this.seen;
    this.seen += chunk.length;
    if (this.seen <= this.max) {
      this.scanner.push(chunk);
      return cb(null, chunk);
    }
    this.over = true;
    // Keep the part below the limit (the first bytes still tell the type), swallow the rest.
    cb(null, before < this.max ? chunk.subarray(0, this.max - before) : undefined);
  }
}

/**
 * Streams a multipart/form-data body: text fields into memory (bounded), each file part straight
 * into the file store (hashed, sniffed from its first bytes). Nothing is buffered whole. On any
 * failure every stored key is discarded before the error propagates, so a refused upload leaves
 * no file behind; the caller owns the keys once this returns.
 */
export async function parseMultipart(
  request: Request | RequestBody,
  options: MultipartOptions,
): Promise<ParsedMultipart> {
  const type = request instanceof Request ? (request.headers.get('content-type') ?? '') : request.contentType;
  if (!/^multipart\/form-data/i.test(type)) {
    throw errors.mediaType(undefined, {
      vi: 'Nội dung phải là multipart/form-data',
      en: 'The body must be multipart/form-data',
    });
  }
  const body =
    request instanceof Request
      ? request.body
        ? Readable.fromWeb(request.body as import('node:stream/web').ReadableStream)
        : null
      : request.stream;
  if (!body) throw errors.badRequest('empty_body', { vi: 'Không có nội dung', en: 'The body is empty' });
  const result: ParsedMultipart = { fields: {}, files: [], issues: [] };
  const pending: Promise<void>[] = [];
  const perDocument = new Map<string, number>();
  const active = new Set<Readable>();
  let fileCount = 0;

  const handleFile = async (field: string, stream: Readable, filename: string, mimeType: string): Promise<void> => {
    if (!field.startsWith(options.filePrefix) || field.length === options.filePrefix.length) {
      stream.resume();
      result.issues.push({
        pointer: `/${field}`,
        code: 'unknown-part',
        message: {
          vi: `Phần "${field}" không được chấp nhận (tệp phải có tên documents.<mã giấy tờ>)`,
          en: `Part "${field}" is not accepted (file parts are named documents.<document id>)`,
        },
      });
      return;
    }
    const documentId = field.slice(options.filePrefix.length);
    const problem = stringProblem(field) ?? stringProblem(filename);
    if (problem) {
      stream.resume();
      const which = stringProblem(field) ? 'name' : 'filename';
      result.issues.push({
        pointer: `/documents/${pointerSegment(documentId)}${which === 'filename' ? '/name' : ''}`,
        code: problem.code,
        message: {
          vi: `${which === 'name' ? 'Tên phần' : 'Tên tệp'}: ${problem.vi}`,
          en: `${which === 'name' ? 'Part name' : 'File name'}: ${problem.en}`,
        },
      });
      return;
    }
    const ordinal = perDocument.get(documentId) ?? 0;
    perDocument.set(documentId, ordinal + 1);
    if (++fileCount > options.maxFiles) {
      stream.resume();
      result.issues.push({
        pointer: `/documents/${documentId}/${ordinal}`,
        code: 'too-many-files',
        message: {
          vi: `Quá ${options.maxFiles} tệp trong một lần gửi`,
          en: `More than ${options.maxFiles} files in one request`,
        },
      });
      return;
    }
    const max = options.maxFileBytes(documentId);
    const limit = new Limit(max);
    const key = await options.store.begin();
    const file: UploadedFile = {
      field,
      documentId,
      ordinal,
      name: filename || null,
      declaredType: mimeType,
      mediaType: 'application/octet-stream',
      activeContent: false,
      size: 0,
      sha256: '',
      key,
      tooLarge: false,
    };
    result.files.push(file);
    active.add(limit);
    stream.on('error', (err) => limit.destroy(err));
    const written = await options.store
      .write(key, stream.pipe(limit), { maxBytes: Number.MAX_SAFE_INTEGER })
      .finally(() => active.delete(limit));
    if (limit.over) {
      await options.store.discard(key);
      // The first bytes were seen: the type is still known, so the applicant hears about both problems.
      Object.assign(file, {
        key: null,
        tooLarge: true,
        size: limit.seen,
        mediaType: await sniffMediaType(written.head),
      });
      return;
    }
    const mediaType = await sniffMediaType(written.head);
    const activeContent = mediaType === 'application/pdf' && limit.scanner.finish().length > 0;
    Object.assign(file, { size: written.size, sha256: written.sha256, mediaType, activeContent });
    await options.afterFile?.(file);
  };

  try {
    await new Promise<void>((resolve, reject) => {
      let bb: ReturnType<typeof Busboy>;
      try {
        bb = Busboy({
          headers: { 'content-type': type },
          limits: { fieldSize: options.maxFieldBytes, fields: 20, parts: options.maxFiles + 40, headerPairs: 50 },
        });
      } catch (err) {
        // No boundary, or one busboy cannot use: the body cannot be read at all.
        body.resume();
        reject(
          errors.badRequest('invalid_multipart', {
            vi: 'Nội dung multipart không hợp lệ (thiếu hoặc sai boundary)',
            en: `Malformed multipart content type: ${(err as Error).message}`,
          }),
        );
        return;
      }
      let failed = false;
      const fail = (err: unknown) => {
        if (failed) return;
        failed = true;
        // A broken body leaves file streams unfinished: end them so their writes settle and clean up.
        for (const s of active) s.destroy(err instanceof Error ? err : new Error(String(err)));
        reject(err);
      };
      bb.on('file', (field, stream, filename, _enc, mimeType) => {
        pending.push(
          handleFile(field, stream, filename, mimeType).catch((err) => {
            stream.resume();
            fail(err);
          }),
        );
      });
      bb.on('field', (field, value, _nameTruncated, valueTruncated) => {
        const problem = stringProblem(field);
        if (problem) {
          result.issues.push({
            pointer: `/${pointerSegment(field)}`,
            code: problem.code,
            message: { vi: `Tên phần: ${problem.vi}`, en: `Part name: ${problem.en}` },
          });
          return;
        }
        if (valueTruncated) {
          result.issues.push({
            pointer: `/${field}`,
            code: 'too-large',
            message: { vi: `Phần "${field}" quá lớn`, en: `Part "${field}" is too large` },
          });
          return;
        }
        result.fields[field] = value;
      });
      bb.on('partsLimit', () =>
        fail(
          errors.tooLarge([
            {
              pointer: '',
              code: 'too-many-parts',
              message: { vi: 'Quá nhiều phần trong yêu cầu', en: 'Too many parts in the request' },
            },
          ]),
        ),
      );
      bb.on('fieldsLimit', () =>
        fail(
          errors.tooLarge([
            {
              pointer: '',
              code: 'too-many-fields',
              message: { vi: 'Quá nhiều trường trong yêu cầu', en: 'Too many fields in the request' },
            },
          ]),
        ),
      );
      bb.on('error', (err) =>
        fail(
          errors.badRequest('invalid_multipart', {
            vi: 'Nội dung multipart không hợp lệ',
            en: `Malformed multipart body: ${(err as Error).message}`,
          }),
        ),
      );
      bb.on('finish', () => {
        Promise.all(pending).then(() => (failed ? undefined : resolve()), fail);
      });
      // A client that goes away mid-body is a bad request, not a server error (and not a wait).
      const incomplete = () =>
        errors.badRequest('incomplete_body', {
          vi: 'Nội dung bị ngắt giữa chừng',
          en: 'The body ended before it was complete',
        });
      body.on('error', (err) =>
        fail(
          isBodyTooLarge(err)
            ? errors.tooLarge()
            : (err as NodeJS.ErrnoException).code === 'ECONNRESET'
              ? incomplete()
              : err,
        ),
      );
      body.on('close', () => {
        if (!body.readableEnded) fail(incomplete());
      });
      body.pipe(bb);
    });
    await Promise.allSettled(pending);
  } catch (err) {
    await Promise.allSettled(pending);
    await discardAll(options.store, result.files);
    throw err;
  }
  return result;
}

/** Removes every stored file of an upload (the failure path). */
export async function discardAll(store: FileStore, files: readonly UploadedFile[]): Promise<void> {
  await Promise.all(files.filter((f) => f.key).map((f) => store.discard(f.key!)));
}
