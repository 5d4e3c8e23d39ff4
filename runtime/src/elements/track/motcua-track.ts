import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { checkDocuments, pick, type DocumentRequirement, type Issue, type Lang, type Procedure } from '@motcua/core';
import { apiUrl, ApiError, getJson, send } from '../../api/http.ts';
import type { ProcedureView, TrackingView } from '../../api/types.ts';
import { langOf, STRINGS, t } from '../../i18n/strings.ts';
import { theme } from '../../styles/theme.ts';
import { formStyles } from '../../styles/form-styles.ts';
import { sniffMediaType } from '../form/media-type.ts';
import { lazy } from '../../lazy.ts';
import type { TrackFailure } from './track-model.ts';
import type { PickedFile } from '../form/documents.ts';
import type { ErrorDetail } from '../form/motcua-form.ts';

type Failure = TrackFailure;

/** The views: a chunk of their own (track-view.ts), loaded by the first <motcua-track> of a page. */
const trackViews = lazy(() => import('./track-view.ts'));

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
    const views = trackViews.value;
    // Until the views' chunk arrives (one request, on the first <motcua-track> of a page): an empty, busy box.
    if (!views) return html`<div class="container" part="container" aria-busy="true"></div>`;
    return views.trackView({
      lang: this.language,
      code: this._code,
      secret: this._secret,
      view: this._view,
      busy: this._busy,
      failure: this._failure,
      notice: this._notice,
      supFiles: this._supFiles,
      supComment: this._supComment,
      supIssues: this._supIssues,
      supProgress: this._supProgress,
      withdrawOpen: this._withdrawOpen,
      withdrawReason: this._withdrawReason,
      withdrawInvalid: this._withdrawInvalid,
      requirement: (id) => this.requirement(id),
      on: {
        lookup: () => void this.lookup(),
        code: (value) => (this._code = value),
        secret: (value) => (this._secret = value),
        pick: (id, files) => void this.pick(id, files),
        removeFile: (id, key) => this.removeFile(id, key),
        supComment: (value) => (this._supComment = value),
        sendSupplement: () => void this.sendSupplement(),
        openWithdraw: () => {
          this._withdrawOpen = true;
          this._focus = 'mc-withdraw-reason';
        },
        cancelWithdraw: () => (this._withdrawOpen = false),
        withdrawReason: (value) => {
          this._withdrawReason = value;
          if (value.trim()) this._withdrawInvalid = false;
        },
        withdraw: () => void this.withdraw(),
      },
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!trackViews.value) {
      trackViews.load().then(
        () => this.requestUpdate(),
        () => this.emit<ErrorDetail>('motcua-error', { stage: 'lookup', kind: 'network', status: 0, code: 'network', message: STRINGS.networkError.vi }),
      );
    }
  }

  /** Resolves once the views are loaded and shown (tests and hosts wait on updateComplete). */
  protected override async getUpdateComplete(): Promise<boolean> {
    await trackViews.load().catch(() => undefined);
    return super.getUpdateComplete();
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
