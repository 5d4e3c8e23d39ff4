import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { pick, uploadLimits, type DocumentCheck, type Issue, type Lang, type UploadLimits } from '@motcua/core';
import { t } from '../../i18n/strings.ts';
import { isWithin } from '../../jsonforms/paths.ts';
import { formatBytes, typeName } from './media-type.ts';
import type { PickedFile } from './picked-files.ts';

export interface DocumentsView {
  lang: Lang;
  checks: DocumentCheck[];
  files: ReadonlyMap<string, readonly PickedFile[]>;
  /** Issues to show, pointers "/documents/<id>" and "/documents/<id>/<n>" (n = index among the document's files). */
  issues: readonly Issue[];
  /** Per file key: upload state while submitting. */
  upload: ReadonlyMap<number, 'waiting' | 'sending' | 'sent'> | null;
  disabled: boolean;
  pick(documentId: string, files: FileList): void;
  remove(documentId: string, key: number): void;
}

export const fileInputId = (documentId: string) => `mc-file-${documentId.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/**
 * The required-documents checklist, recomputed from the answers (core's requiredDocuments):
 * each applicable document with why it is needed, its limits, a file picker, the chosen files and
 * their problems; documents to show (presented at the counter or checked electronically, never
 * uploaded) are listed apart without a picker; documents that do not apply are listed apart, folded.
 */
export function documentsTemplate(v: DocumentsView): TemplateResult {
  const lang = v.lang;
  const uploads = v.checks.flatMap((c) => {
    const limits = c.applicable ? uploadLimits(c.document) : undefined;
    return limits ? [{ check: c, limits }] : [];
  });
  const toShow = v.checks.filter((c) => c.applicable && c.show);
  const notNeeded = v.checks.filter((c) => !c.applicable);
  const sectionIssues = v.issues.filter((i) => i.pointer === '/documents');
  return html`<section class="documents" part="documents" aria-labelledby="mc-docs-title">
    <h3 id="mc-docs-title" tabindex="-1">${t('documentsTitle', lang)}</h3>
    <p class="hint">${t('documentsIntro', lang)}</p>
    ${sectionIssues.length ? html`<p class="error" part="error" role="alert">${sectionIssues.map((i) => pick(i.message, lang)).join(' ')}</p>` : nothing}
    ${uploads.length ? html`<ul class="doc-list">${uploads.map((u) => documentItem(u.check, u.limits, v))}</ul>` : toShow.length ? nothing : html`<p>${t('documentsNone', lang)}</p>`}
    ${
      toShow.length
        ? html`<div class="to-show" part="documents-to-show">
          <h4 id="mc-docs-show-title">${t('documentsToShow', lang)}</h4>
          <ul class="doc-list" aria-labelledby="mc-docs-show-title">${toShow.map(
            (c) => html`<li class="doc" part="document-to-show">
            <span class="doc-title">${pick(c.document.title, lang)}</span>
            <p class="hint">${pick(c.reason, lang)}${c.document.description ? html`. ${pick(c.document.description, lang)}` : nothing}</p>
          </li>`,
          )}</ul>
        </div>`
        : nothing
    }
    ${
      notNeeded.length
        ? html`<details class="not-needed" part="documents-not-needed">
          <summary>${t('documentsNotNeeded', lang, { count: notNeeded.length })}</summary>
          <ul>${notNeeded.map((c) => html`<li>${pick(c.document.title, lang)} — <span class="hint">${pick(c.reason, lang)}</span></li>`)}</ul>
        </details>`
        : nothing
    }
  </section>`;
}

function documentItem(c: DocumentCheck, l: UploadLimits, v: DocumentsView): TemplateResult {
  const lang = v.lang;
  const d = c.document;
  const id = fileInputId(d.id);
  const at = `/documents/${d.id.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  const files = v.files.get(d.id) ?? [];
  const docIssues = v.issues.filter((i) => i.pointer === at);
  const fileIssues = (n: number) => v.issues.filter((i) => i.pointer === `${at}/${n}`);
  const invalid = v.issues.some((i) => isWithin(i.pointer, at));
  const limits = t('documentLimits', lang, {
    types: l.mediaTypes.map(typeName).join(', '),
    size: formatBytes(l.maxSizeBytes, lang),
    max: l.maxFiles,
  });
  const describedBy = [`${id}-limits`, docIssues.length ? `${id}-err` : ''].filter(Boolean).join(' ');
  return html`<li class="doc ${c.required ? 'required' : 'optional'} ${invalid ? 'invalid' : ''}" part="document" data-pointer=${at}>
    <div class="doc-head">
      <span class="doc-title" id=${`${id}-title`}>${pick(d.title, lang)}</span>
      <span class="badge ${c.required ? 'req-badge' : ''}" part="badge">${c.required ? t('documentRequired', lang) : t('documentOptional', lang)}</span>
    </div>
    <p class="hint">${pick(c.reason, lang)}${d.description ? html`. ${pick(d.description, lang)}` : nothing}</p>
    <p class="hint" id=${`${id}-limits`}>${limits}${paper(d.originals, d.copies, lang)}</p>
    ${
      files.length
        ? html`<ul class="files">
          ${files.map((f, n) => {
            const problems = fileIssues(n);
            const state = v.upload?.get(f.key);
            return html`<li class="file ${problems.length ? 'invalid' : ''}" part="file">
              <span class="file-name">${f.file.name}</span>
              <span class="hint">${formatBytes(f.file.size, lang)}${state ? html` · ${t(state === 'sent' ? 'fileSent' : state === 'sending' ? 'fileSending' : 'fileWaiting', lang)}` : nothing}</span>
              <button type="button" class="link" part="button remove-file" ?disabled=${v.disabled}
                aria-label=${t('removeFile', lang, { name: f.file.name })} @click=${() => v.remove(d.id, f.key)}>${t('arrayRemove', lang)}</button>
              ${problems.length ? html`<p class="error" part="error">${problems.map((p) => pick(p.message, lang)).join(' ')}</p>` : nothing}
            </li>`;
          })}
        </ul>`
        : nothing
    }
    <div class="file-pick">
      <label class="file-button" part="button file-button" for=${id}>${t('chooseFilesButton', lang)}</label>
      <input
        type="file"
        class="file-input"
        id=${id}
        part="file-input"
        accept=${l.mediaTypes.join(',')}
        ?multiple=${l.maxFiles > 1}
        ?disabled=${v.disabled || files.length >= l.maxFiles}
        aria-label=${t('chooseFiles', lang, { title: pick(d.title, lang) })}
        aria-describedby=${ifDefined(describedBy || undefined)}
        aria-invalid=${invalid ? 'true' : 'false'}
        @change=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          if (input.files?.length) v.pick(d.id, input.files);
          input.value = '';
        }}
      />
    </div>
    ${docIssues.length ? html`<p class="error" part="error" id=${`${id}-err`}>${docIssues.map((p) => pick(p.message, lang)).join(' ')}</p>` : nothing}
  </li>`;
}

/** What paper to bring, naming only what there is ("1 bản chính", never "0 bản sao"). */
function paper(originals: number, copies: number, lang: Lang) {
  const parts = [
    originals ? t('documentOriginals', lang, { n: originals }) : '',
    copies ? t('documentCopies', lang, { n: copies }) : '',
  ].filter(Boolean);
  return parts.length ? ` ${t('documentPaper', lang, { list: parts.join(', ') })}` : nothing;
}
