import type { DocumentRequirement, Procedure } from '../model/procedure.ts';
import type { Message } from '../i18n/text.ts';
import type { Issue } from '../model/issue.ts';
import { type SchemaEvaluator, holds } from '../conditions/evaluator.ts';
import { formatPointer } from '../model/json-pointer.ts';
import { both, conditionLabel } from './reasons.ts';
import { CHANNELS, type Channel } from '../vocabulary/channels.ts';

export interface DocumentCheck {
  document: DocumentRequirement;
  /** The applicant must provide it (it applies and is not optional). */
  required: boolean;
  /** It applies to this dossier (no condition, or its condition holds); optional ones may be provided. */
  applicable: boolean;
  /** Why, in both languages (quotes the condition's title when it has one). */
  reason: Message;
  /** It is asked on the channel checked (`channels` absent, or listing it); when not, it is not applicable. */
  asked: boolean;
  /** Shown for checking (xuất trình), never uploaded: listed to the applicant, never a file part. */
  show: boolean;
}

/** The file limits of an uploaded document; a document to show has none. */
export interface UploadLimits {
  mediaTypes: string[];
  maxSizeBytes: number;
  minFiles: number;
  maxFiles: number;
}

/**
 * The limits of `document`'s files, or undefined when no file is ever taken for it: a document
 * to show, or one whose limits are missing (validateProcedure reports both shapes as errors).
 */
export function uploadLimits(document: DocumentRequirement): UploadLimits | undefined {
  const { mediaTypes, maxSizeBytes, minFiles, maxFiles } = document;
  if (document.show === true) return undefined;
  if (mediaTypes === undefined || maxSizeBytes === undefined || minFiles === undefined || maxFiles === undefined) {
    return undefined;
  }
  return { mediaTypes, maxSizeBytes, minFiles, maxFiles };
}

/** Is `document` asked when filing on `channel`? (`channels` absent: on every channel.) */
export function askedOn(document: DocumentRequirement, channel: Channel): boolean {
  return document.channels === undefined || document.channels.includes(channel);
}

/**
 * Every document of the procedure, in definition order, with whether it is required for `data`
 * filed on `channel` and why. The default channel is online: the citizen form and the public API.
 */
export function requiredDocuments(
  procedure: Procedure,
  data: unknown,
  evaluator: SchemaEvaluator,
  channel: Channel = 'online',
): DocumentCheck[] {
  return procedure.documents.map((document) => {
    const asked = askedOn(document, channel);
    const applicable = asked && holds(evaluator, document.when, data);
    const required = applicable && document.optional !== true;
    const show = document.show === true;
    return { document, required, applicable, asked, show, reason: reasonFor(document, asked, applicable, channel) };
  });
}

function reasonFor(document: DocumentRequirement, asked: boolean, applicable: boolean, channel: Channel): Message {
  if (!asked) {
    const on = CHANNELS[channel];
    return {
      vi: `Không yêu cầu khi nộp theo kênh ${on.vi.toLowerCase()}`,
      en: `Not asked when filing through the channel "${on.en.toLowerCase()}"`,
    };
  }
  const label = conditionLabel(document.when);
  if (!applicable) {
    return label
      ? { vi: `Không áp dụng: chỉ nộp khi ${label.vi}`, en: `Not applicable: only required when ${label.en}` }
      : { vi: 'Không áp dụng cho trường hợp của hồ sơ này', en: 'Not applicable to this dossier' };
  }
  if (document.optional) {
    return {
      vi: 'Không bắt buộc; có thể nộp để bổ sung thông tin',
      en: 'Optional; may be provided as supporting material',
    };
  }
  const verb = document.show === true ? { vi: 'xuất trình', en: 'to be shown' } : { vi: 'nộp', en: 'required' };
  if (document.when === undefined) return { vi: `Luôn phải ${verb.vi}`, en: `Always ${verb.en}` };
  return label
    ? { vi: `Phải ${verb.vi} vì ${label.vi}`, en: `${cap(verb.en)} because ${label.en}` }
    : {
        vi: `Phải ${verb.vi} vì hồ sơ thuộc trường hợp áp dụng`,
        en: `${cap(verb.en)} because the dossier meets its condition`,
      };
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A file as received: its media type as sniffed from its bytes (not its name), its size in bytes. */
export interface ProvidedFile {
  mediaType: string;
  size: number;
  name?: string;
}

/** The codes `checkDocuments` reports; a server maps media-type → 415, too-large → 413, others → 400. */
export type DocumentIssueCode =
  | 'missing-document'
  | 'too-few-files'
  | 'too-many-files'
  | 'media-type'
  | 'too-large'
  | 'empty-file'
  | 'unknown-document'
  | 'document-not-applicable'
  | 'document-not-asked-on-channel'
  | 'document-to-show';

/**
 * Checks the files provided per document id against the procedure for `data`. Pointers are
 * "/documents/<id>" for the document as a whole and "/documents/<id>/<n>" for its n-th file.
 * Files for a document that does not apply to this dossier are refused (they would be personal
 * data kept without purpose), and so are files for a document not asked on `channel` (online, the
 * e-form may be the declaration) and for a document to show (presented, never uploaded); an
 * optional document, when provided, obeys its limits like any other.
 */
export function checkDocuments(
  procedure: Procedure,
  data: unknown,
  evaluator: SchemaEvaluator,
  provided: Readonly<Record<string, readonly ProvidedFile[]>>,
  channel: Channel = 'online',
): Issue[] {
  const issues: Issue[] = [];
  const known = new Set(procedure.documents.map((d) => d.id));
  for (const id of Object.keys(provided)) {
    if (!known.has(id)) {
      issues.push({
        pointer: formatPointer(['documents', id]),
        code: 'unknown-document',
        message: { vi: `Thủ tục không có giấy tờ mã "${id}"`, en: `The procedure has no document "${id}"` },
      });
    }
  }
  for (const check of requiredDocuments(procedure, data, evaluator, channel)) {
    const doc = check.document;
    const files =
      Object.prototype.hasOwnProperty.call(provided, doc.id) && Array.isArray(provided[doc.id])
        ? provided[doc.id]!
        : [];
    const title = both(doc.title);
    const at = formatPointer(['documents', doc.id]);
    const limits = uploadLimits(doc);
    if (!check.asked || limits === undefined) {
      if (files.length > 0) {
        issues.push(
          check.asked
            ? {
                pointer: at,
                code: 'document-to-show',
                message: {
                  vi: `"${title.vi}" chỉ xuất trình để đối chiếu, không tải lên (phần documents.${doc.id})`,
                  en: `"${title.en}" is shown for checking, not uploaded (part documents.${doc.id})`,
                },
              }
            : {
                pointer: at,
                code: 'document-not-asked-on-channel',
                message: {
                  vi: `Không nhận "${title.vi}" (phần documents.${doc.id}): ${check.reason.vi}`,
                  en: `"${title.en}" (part documents.${doc.id}) is not accepted: ${check.reason.en}`,
                },
              },
        );
      }
      continue;
    }
    if (!check.applicable) {
      if (files.length > 0) {
        issues.push({
          pointer: at,
          code: 'document-not-applicable',
          message: {
            vi: `Không cần nộp "${title.vi}": ${check.reason.vi}`,
            en: `"${title.en}" is not needed: ${check.reason.en}`,
          },
        });
      }
      continue;
    }
    if (files.length === 0) {
      if (check.required && limits.minFiles > 0) {
        issues.push({
          pointer: at,
          code: 'missing-document',
          message: {
            vi: `Thiếu giấy tờ "${title.vi}" (${check.reason.vi})`,
            en: `Missing document "${title.en}" (${check.reason.en})`,
          },
        });
      }
      continue;
    }
    if (files.length < limits.minFiles) {
      issues.push({
        pointer: at,
        code: 'too-few-files',
        message: {
          vi: `"${title.vi}" cần ít nhất ${limits.minFiles} tệp, mới có ${files.length}`,
          en: `"${title.en}" needs at least ${limits.minFiles} files, got ${files.length}`,
        },
      });
    }
    if (files.length > limits.maxFiles) {
      issues.push({
        pointer: at,
        code: 'too-many-files',
        message: {
          vi: `"${title.vi}" chỉ được nộp tối đa ${limits.maxFiles} tệp, đã nộp ${files.length}`,
          en: `"${title.en}" accepts at most ${limits.maxFiles} files, got ${files.length}`,
        },
      });
    }
    files.forEach((file, n) =>
      issues.push(...fileIssues(limits, title, file, formatPointer(['documents', doc.id, n]))),
    );
  }
  return issues;
}

function fileIssues(doc: UploadLimits, title: Message, file: ProvidedFile, pointer: string): Issue[] {
  const issues: Issue[] = [];
  const name = file.name ? ` "${file.name}"` : '';
  const type = normalizeMediaType(file.mediaType);
  if (!doc.mediaTypes.includes(type)) {
    const accepted = doc.mediaTypes.join(', ');
    issues.push({
      pointer,
      code: 'media-type',
      message: {
        vi: `Tệp${name} của "${title.vi}" có kiểu ${type || 'không xác định'}; chỉ chấp nhận ${accepted}`,
        en: `File${name} of "${title.en}" is ${type || 'of unknown type'}; accepted: ${accepted}`,
      },
    });
  }
  if (!(file.size > 0)) {
    issues.push({
      pointer,
      code: 'empty-file',
      message: { vi: `Tệp${name} của "${title.vi}" rỗng`, en: `File${name} of "${title.en}" is empty` },
    });
  } else if (file.size > doc.maxSizeBytes) {
    issues.push({
      pointer,
      code: 'too-large',
      message: {
        vi: `Tệp${name} của "${title.vi}" quá lớn (${megabytes(file.size)}); tối đa ${megabytes(doc.maxSizeBytes)}`,
        en: `File${name} of "${title.en}" is too large (${megabytes(file.size)}); at most ${megabytes(doc.maxSizeBytes)}`,
      },
    });
  }
  return issues;
}

/** "Image/JPEG; charset=x" → "image/jpeg". */
function normalizeMediaType(mediaType: string): string {
  return String(mediaType ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
}

function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
