import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { checkDocuments, pick, type DocumentRequirement, type Issue, type Lang, type Procedure } from '@motcua/core';
import { apiUrl, ApiError, getJson, send } from '../../api/http.ts';
import type { ProcedureView, TrackingView } from '../../api/types.ts';
import { langOf, STRINGS, t } from '../../i18n/strings.ts';
import { theme } from '../../styles/theme.ts';
import { formStyles } from '../../styles/form-styles.ts';
import { humanIso } from '../form/format.ts';
import { formatBytes, sniffMediaType, typeName } from '../form/media-type.ts';
import type { PickedFile } from '../form/documents.ts';
import type { ErrorDetail } from '../form/motcua-form.ts';

interface Failure {
  where: 'lookup' | 'supplement' | 'withdraw';
  message: { vi: string; en: string };
  network: boolean;
}

let fileKeys = 0;

/**
 * <motcua-track server="URL" [code="…"] [lang="en"]>: finds a dossier by its code and tracking
 * secret; shows its status, public timeline and due date; lets the applicant send the documents a
 * supplement request asks for, and ask to withdraw. The secret stays in memory only.
 * Events: motcua-loaded ({ code, status }) when a dossier is shown, motcua-error.
 */
export class MotcuaTrack extends LitElement {
  static override styles = [theme, formStyles];
  static override properties = {
    server: { type: String },
    code: { type: String },
    lang: { type: String, reflect: true },
    _code: { state: true },
    _secret: { state: true },
    _view: { state: true },
    _busy: { state: true },
    _failure: { state: true },
    _notice: { state: true },
    _supFiles: { state: true },
    _supComment: { state: true },
    _supIssues: { state: true },
    _supProgress: { state: true },
    _withdrawOpen: { state: true },
    _withdrawReason: { state: true },
    _withdrawInvalid: { state: true },
    _procedure: { state: true },
  };

  declare server: string;
  declare code: string;
  declare private _code: string;
  declare private _secret: string;
  declare private _view: TrackingView | null;
  declare private _busy: boolean;
  declare private _failure: Failure | null;
  declare private _notice: string;
  declare private _supFiles: ReadonlyMap<string, readonly PickedFile[]>;
  declare private _supComment: string;
  declare private _supIssues: readonly Issue[];
  declare private _supProgress: number | null;
  declare private _withdrawOpen: boolean;
  declare private _withdrawReason: string;
  declare private _withdrawInvalid: boolean;
  declare private _procedure: Procedure | null;
  private _focus: string | null = null;

  constructor() {
    super();
    this.server = '';
    this.code = '';
    this._code = '';
    this._secret = '';
    this._view = null;
    this._busy = false;
    this._failure = null;
    this._notice = '';
    this._supFiles = new Map();
    this._supComment = '';
    this._supIssues = [];
    this._supProgress = null;
    this._withdrawOpen = false;
    this._withdrawReason = '';
    this._withdrawInvalid = false;
    this._procedure = null;
  }

  private get language(): Lang {
    return langOf(this.getAttribute('lang'));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('code') && this.code && !this._code) this._code = this.code;
  }

  private emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }

  private url(path: string): string {
    return apiUrl(this.server, `api/v1/public/dossiers/${encodeURIComponent(this._view?.code ?? this._code.trim())}${path}`);
  }

  private fail(where: Failure['where'], err: unknown): void {
    const e = err instanceof ApiError ? err : new ApiError('network', 0, 'network', STRINGS.networkError);
    const message = where === 'lookup' && e.status === 404 ? STRINGS.trackNotFound : e.text;
    this._failure = { where, message, network: e.kind === 'network' };
    this._focus = `mc-${where}-error`;
    this.emit<ErrorDetail>('motcua-error', { stage: where, kind: e.kind === 'network' ? 'network' : e.kind, status: e.status, code: e.code, message: message.vi });
  }

  /** Looks the dossier up with the code and secret typed in. */
  async lookup(): Promise<void> {
    const code = this._code.trim();
    const secret = this._secret.trim();
    this._notice = '';
    if (!code || !secret) {
      this._failure = { where: 'lookup', message: STRINGS.trackMissing, network: false };
      this._focus = code ? 'mc-track-secret' : 'mc-track-code';
      return;
    }
    this._busy = true;
    this._failure = null;
    try {
      const view = await getJson<TrackingView>(apiUrl(this.server, `api/v1/public/dossiers/${encodeURIComponent(code)}`), { 'X-Tracking-Secret': secret }, { cache: 'no-store' });
      this.show(view);
      this._focus = 'mc-track-title';
      this.emit('motcua-loaded', { code: view.code, status: view.status });
    } catch (err) {
      this._view = null;
      this.fail('lookup', err);
    } finally {
      this._busy = false;
    }
  }

  private show(view: TrackingView): void {
    this._view = view;
    this._supFiles = new Map();
    this._supIssues = [];
    this._withdrawOpen = false;
    if (view.supplement && !view.supplement.provided && view.canSupplement && !this._procedure) void this.loadProcedure(view.procedure.code);
  }

  /** The procedure's document list (titles, accepted types, sizes) for the supplement pickers. */
  private async loadProcedure(code: string): Promise<void> {
    try {
      const p = await getJson<ProcedureView>(apiUrl(this.server, `api/v1/public/procedures/${encodeURIComponent(code)}`));
      this._procedure = p.procedure;
    } catch {
      this._procedure = null; // the server still checks every file
    }
  }

  private requirement(documentId: string): DocumentRequirement | undefined {
    return this._procedure?.documents.find((d) => d.id === documentId);
  }

  private async pick(documentId: string, list: FileList): Promise<void> {
    const picked: PickedFile[] = [];
    for (const file of Array.from(list)) picked.push({ key: ++fileKeys, file, mediaType: await sniffMediaType(file) });
    const next = new Map(this._supFiles);
    next.set(documentId, [...(next.get(documentId) ?? []), ...picked]);
    this._supFiles = next;
    this._supIssues = this.fileIssues();
  }

  private removeFile(documentId: string, key: number): void {
    const next = new Map(this._supFiles);
    next.set(documentId, (next.get(documentId) ?? []).filter((f) => f.key !== key));
    this._supFiles = next;
    this._supIssues = this.fileIssues();
  }

  /** Core's document checks for the files chosen, against the requested documents' limits. */
  private fileIssues(includeMissing = false): Issue[] {
    const items = this._view?.supplement?.items ?? [];
    const issues: Issue[] = [];
    for (const item of items) {
      const files = this._supFiles.get(item.documentId) ?? [];
      const req = this.requirement(item.documentId);
      if (!req) {
        if (includeMissing && !files.length) issues.push(missing(item.documentId, item.title?.vi ?? item.documentId, item.title?.en ?? item.documentId));
        continue;
      }
      const single = { documents: [{ ...req, when: undefined, optional: false, minFiles: Math.max(1, req.minFiles) }] } as unknown as Procedure;
      const provided = files.length ? { [req.id]: files.map((f) => ({ mediaType: f.mediaType, size: f.file.size, name: f.file.name })) } : {};
      const found = checkDocuments(single, {}, { validate: () => [] }, provided);
      issues.push(...(includeMissing ? found : found.filter((i) => i.code !== 'missing-document' && i.code !== 'too-few-files')));
    }
    return issues;
  }

  private async sendSupplement(): Promise<void> {
    const view = this._view;
    if (!view?.supplement || this._busy) return;
    const issues = this.fileIssues(true);
    this._supIssues = issues;
    if (issues.length) {
      this._focus = 'mc-sup-title';
      return;
    }
    const body = new FormData();
    body.append('supplement', JSON.stringify({ comment: this._supComment }));
    for (const [id, files] of this._supFiles) for (const f of files) body.append(`documents.${id}`, f.file, f.file.name);
    this._busy = true;
    this._failure = null;
    this._supProgress = 0;
    try {
      const res = await send<TrackingView>(this.url('/supplement'), {
        method: 'POST',
        headers: { 'X-Tracking-Secret': this._secret.trim() },
        body,
        onProgress: (f) => (this._supProgress = f),
      });
      this.show(res.body);
      this._supComment = '';
      this._notice = t('trackSupplementSent', this.language);
      this._focus = 'mc-track-notice';
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) this._supIssues = err.issues;
      this.fail('supplement', err);
    } finally {
      this._busy = false;
      this._supProgress = null;
    }
  }

  private async withdraw(): Promise<void> {
    if (this._busy) return;
    const reason = this._withdrawReason.trim();
    if (!reason) {
      this._withdrawInvalid = true;
      this._focus = 'mc-withdraw-reason';
      return;
    }
    this._busy = true;
    this._failure = null;
    try {
      const res = await send<TrackingView>(this.url('/withdrawal'), {
        method: 'POST',
        headers: { 'X-Tracking-Secret': this._secret.trim(), 'Content-Type': 'application/json' },
        body: JSON.stringify({ reason }),
      });
      this.show(res.body);
      this._withdrawReason = '';
      this._notice = t('trackWithdrawRequested', this.language);
      this._focus = 'mc-track-notice';
    } catch (err) {
      this.fail('withdraw', err);
    } finally {
      this._busy = false;
    }
  }

  protected override render() {
    const lang = this.language;
    return html`<div class="container" part="container">
      ${this.renderLookup(lang)} ${this._notice ? html`<p class="notice" id="mc-track-notice" role="status" tabindex="-1">${this._notice}</p>` : nothing}
      ${this._view ? this.renderView(this._view, lang) : nothing}
    </div>`;
  }

  private renderLookup(lang: Lang) {
    const f = this._failure?.where === 'lookup' ? this._failure : null;
    return html`<form class="lookup" part="lookup" novalidate @submit=${(e: Event) => (e.preventDefault(), void this.lookup())}>
      <h2 part="title">${t('trackTitle', lang)}</h2>
      <div class="row-fields">
        <div class="field">
          <label class="label" for="mc-track-code">${t('trackCode', lang)}</label>
          <input id="mc-track-code" part="input" autocomplete="off" spellcheck="false" .value=${this._code}
            aria-describedby=${f ? 'mc-lookup-error' : nothing} aria-invalid=${f ? 'true' : 'false'}
            @input=${(e: Event) => (this._code = (e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label class="label" for="mc-track-secret">${t('trackSecret', lang)}</label>
          <input id="mc-track-secret" part="input" autocomplete="off" spellcheck="false" .value=${this._secret}
            aria-describedby=${f ? 'mc-lookup-error' : nothing} aria-invalid=${f ? 'true' : 'false'}
            @input=${(e: Event) => (this._secret = (e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <button type="submit" class="primary" part="button button-primary lookup-button" ?disabled=${this._busy}>${t('trackSubmit', lang)}</button>
        </div>
      </div>
      ${f ? this.failure(f, 'lookup', () => void this.lookup(), lang) : nothing}
    </form>`;
  }

  private failure(f: Failure, where: string, retry: () => void, lang: Lang) {
    return html`<div class="alert" id=${`mc-${where}-error`} role="alert" tabindex="-1" part="error">
      <p>${pick(f.message, lang)}</p>
      ${f.network ? html`<button type="button" part="button" @click=${retry}>${t('retry', lang)}</button>` : nothing}
    </div>`;
  }

  private renderView(v: TrackingView, lang: Lang) {
    const last = v.timeline[v.timeline.length - 1];
    return html`<section class="result" part="result" aria-labelledby="mc-track-title">
      <h2 id="mc-track-title" tabindex="-1">${t('receiptCode', lang)} ${v.code}</h2>
      <p>${pick(v.procedure.title, lang)}</p>
      <p part="status"><span class="sr-only">${t('trackStatus', lang)}: </span><span class="status-badge">${pick(v.statusLabel, lang)}</span>
        ${last ? html` <span class="hint">${t('trackSince', lang, { at: humanIso(last.at, lang) })}</span>` : nothing}</p>
      <dl class="facts">
        ${v.submittedAt ? html`<dt>${t('trackSubmittedAt', lang)}</dt><dd>${humanIso(v.submittedAt, lang)}</dd>` : nothing}
        ${v.acceptedAt ? html`<dt>${t('trackAcceptedAt', lang)}</dt><dd>${humanIso(v.acceptedAt, lang)}</dd>` : nothing}
        ${v.dueAt ? html`<dt>${t('trackDueAt', lang)}</dt><dd>${humanIso(v.dueAt, lang)}</dd>` : nothing}
      </dl>
      ${v.withdrawalRequested ? html`<p class="notice">${t('trackWithdrawRequested', lang)}</p>` : nothing}
      ${v.supplement && !v.supplement.provided && v.canSupplement ? this.renderSupplement(v, lang) : nothing}
      <h3>${t('trackTimeline', lang)}</h3>
      <ol class="timeline" part="timeline">
        ${v.timeline.map(
          (e) => html`<li><strong>${pick(e.label, lang)}</strong><time datetime=${e.at}>${humanIso(e.at, lang)}</time>${e.comment ? html`<span>${e.comment}</span>` : nothing}</li>`,
        )}
      </ol>
      ${v.canWithdraw && !v.withdrawalRequested ? this.renderWithdraw(lang) : nothing}
    </section>`;
  }

  private renderSupplement(v: TrackingView, lang: Lang) {
    const s = v.supplement!;
    const f = this._failure?.where === 'supplement' ? this._failure : null;
    return html`<section class="supplement" part="supplement" aria-labelledby="mc-sup-title">
      <h3 id="mc-sup-title" tabindex="-1">${t('trackSupplementTitle', lang)}</h3>
      ${s.dueBy ? html`<p>${t('trackSupplementDue', lang, { at: humanIso(s.dueBy, lang) })}</p>` : nothing}
      <ul class="doc-list">
        ${s.items.map((item) => {
          const req = this.requirement(item.documentId);
          const title = req ? pick(req.title, lang) : item.title ? pick(item.title, lang) : item.documentId;
          const id = `mc-sup-${item.documentId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
          const at = `/documents/${item.documentId}`;
          const files = this._supFiles.get(item.documentId) ?? [];
          const docIssues = this._supIssues.filter((i) => i.pointer === at);
          return html`<li class="doc ${this._supIssues.some((i) => i.pointer.startsWith(at)) ? 'invalid' : ''}" data-pointer=${at}>
            <div class="doc-head"><span class="doc-title">${title}</span></div>
            ${item.reason ? html`<p>${item.reason}</p>` : nothing}
            ${req ? html`<p class="hint" id=${`${id}-limits`}>${t('documentLimits', lang, { types: req.mediaTypes.map(typeName).join(', '), size: formatBytes(req.maxSizeBytes, lang), max: req.maxFiles })}</p>` : nothing}
            ${files.length
              ? html`<ul class="files">${files.map((file, n) => {
                  const problems = this._supIssues.filter((i) => i.pointer === `${at}/${n}`);
                  return html`<li class="file ${problems.length ? 'invalid' : ''}"><span class="file-name">${file.file.name}</span>
                    <span class="hint">${formatBytes(file.file.size, lang)}</span>
                    <button type="button" class="link" aria-label=${t('removeFile', lang, { name: file.file.name })} @click=${() => this.removeFile(item.documentId, file.key)}>${t('arrayRemove', lang)}</button>
                    ${problems.length ? html`<p class="error">${problems.map((p) => pick(p.message, lang)).join(' ')}</p>` : nothing}</li>`;
                })}</ul>`
              : nothing}
            <div class="file-pick">
              <label class="file-button" for=${id}>${t('chooseFilesButton', lang)}</label>
              <input type="file" class="file-input" id=${id} accept=${req ? req.mediaTypes.join(',') : nothing} ?multiple=${!req || req.maxFiles > 1}
                aria-label=${t('chooseFiles', lang, { title })} aria-describedby=${docIssues.length ? `${id}-err` : req ? `${id}-limits` : nothing}
                @change=${(e: Event) => {
                  const input = e.target as HTMLInputElement;
                  if (input.files?.length) void this.pick(item.documentId, input.files);
                  input.value = '';
                }} />
            </div>
            ${docIssues.length ? html`<p class="error" id=${`${id}-err`}>${docIssues.map((p) => pick(p.message, lang)).join(' ')}</p>` : nothing}
          </li>`;
        })}
      </ul>
      <div class="field">
        <label class="label" for="mc-sup-comment">${t('trackSupplementComment', lang)}</label>
        <textarea id="mc-sup-comment" rows="3" .value=${this._supComment} @input=${(e: Event) => (this._supComment = (e.target as HTMLTextAreaElement).value)}></textarea>
      </div>
      ${this._supProgress !== null ? html`<progress max="100" value=${Math.round(this._supProgress * 100)} aria-label=${t('uploadProgress', lang, { percent: Math.round(this._supProgress * 100) })}></progress>` : nothing}
      ${f ? this.failure(f, 'supplement', () => void this.sendSupplement(), lang) : nothing}
      <div class="actions">
        <button type="button" class="primary" part="button button-primary supplement-send" ?disabled=${this._busy} @click=${() => this.sendSupplement()}>${t('trackSupplementSend', lang)}</button>
      </div>
    </section>`;
  }

  private renderWithdraw(lang: Lang) {
    const f = this._failure?.where === 'withdraw' ? this._failure : null;
    if (!this._withdrawOpen) {
      return html`<div class="withdraw" part="withdraw">
        <button type="button" part="button withdraw-open" @click=${() => ((this._withdrawOpen = true), (this._focus = 'mc-withdraw-reason'))}>${t('trackWithdraw', lang)}</button>
      </div>`;
    }
    return html`<section class="withdraw" part="withdraw" aria-labelledby="mc-withdraw-title">
      <h3 id="mc-withdraw-title">${t('trackWithdraw', lang)}</h3>
      <p class="hint" id="mc-withdraw-hint">${t('trackWithdrawWarning', lang)}</p>
      <div class="field ${this._withdrawInvalid ? 'invalid' : ''}">
        <label class="label" for="mc-withdraw-reason">${t('trackWithdrawReason', lang)}<span class="req" aria-hidden="true">*</span></label>
        <textarea id="mc-withdraw-reason" rows="3" aria-required="true" aria-invalid=${this._withdrawInvalid ? 'true' : 'false'}
          aria-describedby=${this._withdrawInvalid ? 'mc-withdraw-hint mc-withdraw-err' : 'mc-withdraw-hint'}
          .value=${this._withdrawReason}
          @input=${(e: Event) => {
            this._withdrawReason = (e.target as HTMLTextAreaElement).value;
            if (this._withdrawReason.trim()) this._withdrawInvalid = false;
          }}></textarea>
        ${this._withdrawInvalid ? html`<p class="error" id="mc-withdraw-err">${t('trackWithdrawReasonMissing', lang)}</p>` : nothing}
      </div>
      ${f ? this.failure(f, 'withdraw', () => void this.withdraw(), lang) : nothing}
      <div class="actions">
        <button type="button" part="button withdraw-cancel" @click=${() => (this._withdrawOpen = false)}>${t('trackWithdrawCancel', lang)}</button>
        <button type="button" class="primary" part="button button-primary withdraw-confirm" ?disabled=${this._busy} @click=${() => this.withdraw()}>${t('trackWithdrawConfirm', lang)}</button>
      </div>
    </section>`;
  }

  protected override updated(): void {
    if (!this._focus) return;
    const el = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(this._focus)}`);
    this._focus = null;
    el?.focus();
    el?.scrollIntoView?.({ block: 'nearest' });
  }
}

function missing(id: string, vi: string, en: string): Issue {
  return { pointer: `/documents/${id}`, code: 'missing-document', message: { vi: t('documentMissing', 'vi', { title: vi }), en: t('documentMissing', 'en', { title: en }) } };
}
