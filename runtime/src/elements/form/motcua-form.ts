import { LitElement, html, nothing, type PropertyValues } from 'lit';
import {
  checkDocuments,
  createPrecompiledEvaluator,
  pick,
  requiredDocuments,
  type AgencyDirectory,
  type CompiledValidator,
  type DocumentCheck,
  type Issue,
  type Lang,
  type SchemaEvaluator,
} from '@motcua/core';
import type { UISchemaElement } from '@jsonforms/core';
import { apiUrl, ApiError, getJson, send } from '../../api/http.ts';
import { newIdempotencyKey } from '../../api/idempotency.ts';
import type { ProcedureView, SubmitResponse } from '../../api/types.ts';
import { langOf, STRINGS, t, wordsFor } from '../../i18n/strings.ts';
import { isWithin } from '../../jsonforms/paths.ts';
import { theme } from '../../styles/theme.ts';
import { formStyles } from '../../styles/form-styles.ts';
import { adoptStyles } from '../../styles/adopt.ts';
import type { MotcuaJsonForms, StepChangeDetail } from '../../form/motcua-jsonforms.ts';
import { directoryOf, expectedDue, receivingAgency, type ReceivingResult } from './agencies.ts';
import { withDefaults, withDefaultsForNewObjects } from './defaults.ts';
import { documentsTemplate, fileInputId, type PickedFile } from './documents.ts';
import { DraftStore, type Draft } from './drafts.ts';
import { summaryTemplate } from './fees.ts';
import { humanDateTime } from './format.ts';
import { sniffMediaType } from './media-type.ts';
import type { Receipt } from './receipt-data.ts';
import { lazy } from '../../lazy.ts';
import { prefetchRenderers } from '../../renderers/prefetch.ts';

/** The receipt and its printed page: a chunk of its own, fetched while a dossier uploads. */
const receiptViews = lazy(() => import('./receipt.ts'));

type Phase = 'loading' | 'load-error' | 'form' | 'receipt';

/** What the last submission attempt tells about its Idempotency-Key. */
interface Attempt {
  key: string;
  /** 'rejected': the server answered that nothing was created (4xx): the next attempt takes a new key.
   *  'unknown': no answer or a server failure: the dossier may exist, so retries keep the key. */
  outcome: 'pending' | 'rejected' | 'unknown';
}

interface SubmitFailure {
  kind: 'network' | 'http' | 'conflict';
  message: { vi: string; en: string };
  status: number;
}

export interface SubmittedDetail {
  code: string;
  procedure: string;
  version: number;
  status: number;
}

export interface LoadedDetail {
  procedure: string;
  version: number;
  title: string;
}

export interface ErrorDetail {
  stage: 'load' | 'submit' | 'lookup' | 'supplement' | 'withdraw';
  kind: 'network' | 'http' | 'invalid-response' | 'validators' | 'conflict';
  status: number;
  code: string;
  message: string;
}

let fileKeys = 0;

/**
 * <motcua-form procedure="CODE" server="URL" [agency="CODE"] [lang="en"] [kiosk]>: loads a
 * published procedure, renders its form, the receiving agency choice, the required-documents
 * checklist with file pickers, the running fees and the expected appointment; submits with an
 * Idempotency-Key and shows the receipt. Events (bubbling, composed): motcua-loaded,
 * motcua-step, motcua-submitted, motcua-error.
 */
export class MotcuaForm extends LitElement {
  static override styles = [theme, formStyles];
  static override properties = {
    procedure: { type: String },
    server: { type: String },
    agency: { type: String },
    lang: { type: String, reflect: true },
    kiosk: { type: Boolean, reflect: true },
    idleSeconds: { type: Number, attribute: 'idle-seconds' },
    now: { attribute: false },
    _phase: { state: true },
    _view: { state: true },
    _data: { state: true },
    _chosen: { state: true },
    _files: { state: true },
    _consent: { state: true },
    _restored: { state: true },
    _loadError: { state: true },
    _submitting: { state: true },
    _progress: { state: true },
    _failure: { state: true },
    _serverIssues: { state: true },
    _summary: { state: true },
    _showMissing: { state: true },
    _receipt: { state: true },
    _atEnd: { state: true },
    _copied: { state: true },
  };

  declare procedure: string;
  declare server: string;
  declare agency: string | undefined;
  declare kiosk: boolean;
  declare idleSeconds: number;
  /** The clock (tests and previews may fix it). */
  declare now: () => number;
  declare private _phase: Phase;
  declare private _view: ProcedureView | null;
  declare private _data: unknown;
  declare private _chosen: string | undefined;
  declare private _files: ReadonlyMap<string, readonly PickedFile[]>;
  declare private _consent: boolean;
  declare private _restored: Draft | null;
  declare private _loadError: string;
  declare private _submitting: boolean;
  declare private _progress: { loaded: number; total: number } | null;
  declare private _failure: SubmitFailure | null;
  /** Issues from the server or from checks outside the form: /agency, /documents/…, general. */
  declare private _serverIssues: readonly Issue[];
  declare private _summary: readonly Issue[] | null;
  declare private _showMissing: boolean;
  declare private _receipt: Receipt | null;
  declare private _atEnd: boolean;
  declare private _copied: boolean;

  #evaluator: SchemaEvaluator | null = null;
  #directory: AgencyDirectory | null = null;
  #drafts: DraftStore | null = null;
  #attempt: Attempt | null = null;
  #loadSeq = 0;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #focus: string | null = null;

  constructor() {
    super();
    this.procedure = '';
    this.server = '';
    this.kiosk = false;
    this.idleSeconds = 300;
    this.now = () => Date.now();
    this._phase = 'loading';
    this._view = null;
    this._data = {};
    this._files = new Map();
    this._consent = false;
    this._restored = null;
    this._loadError = '';
    this._submitting = false;
    this._progress = null;
    this._failure = null;
    this._serverIssues = [];
    this._summary = null;
    this._showMissing = false;
    this._receipt = null;
    this._atEnd = true;
    this._copied = false;
    this.addEventListener('keydown', () => this.#armIdle());
    this.addEventListener('pointerdown', () => this.#armIdle());
    this.addEventListener('input', () => this.#armIdle());
  }

  get #language(): Lang {
    return langOf(this.getAttribute('lang'));
  }

  get #inner(): MotcuaJsonForms | null {
    return this.renderRoot?.querySelector('motcua-jsonforms') ?? null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#saveTimer);
    clearTimeout(this.#idleTimer);
  }

  /** Renders once the words of its language are there (English comes in a chunk of its own). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const words = wordsFor(this.#language);
    return words ? words.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('procedure') || changed.has('server')) && this.procedure) void this.load();
  }

  #emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }

  // ---------------------------------------------------------------------------------------------
  // Loading

  /** Loads (or reloads) the procedure and its validator module. */
  async load(): Promise<void> {
    const seq = ++this.#loadSeq;
    this._phase = 'loading';
    const lang = this.#language;
    try {
      const view = await getJson<ProcedureView>(
        apiUrl(this.server, `api/v1/public/procedures/${encodeURIComponent(this.procedure)}`),
      );
      let validators: Record<string, CompiledValidator>;
      // The renderers this form needs beyond the common ones (wizard, arrays) load alongside the validators.
      const renderers = prefetchRenderers(view.procedure.form.schema, view.procedure.form.uischema);
      try {
        const [mod] = (await Promise.all([import(/* @vite-ignore */ view.validators), renderers])) as [
          { validators?: Record<string, CompiledValidator>; default?: Record<string, CompiledValidator> },
          unknown,
        ];
        validators = mod.validators ?? mod.default ?? {};
      } catch (err) {
        throw new ApiError('invalid-response', 0, 'validators', STRINGS.validatorsFailed, []);
      }
      if (seq !== this.#loadSeq) return;
      this.#evaluator = createPrecompiledEvaluator(validators);
      this.#directory = directoryOf(view);
      this._view = view;
      this.#drafts = this.kiosk
        ? null
        : new DraftStore(DraftStore.keyFor(new URL(apiUrl(this.server, '')).origin, view.code));
      this.#startFresh();
      const draft = this.#drafts?.load() ?? null;
      if (draft) {
        this._data = draft.data ?? {};
        this._chosen = draft.agency ?? this._chosen;
        this._consent = true;
        this._restored = draft;
      }
      this._phase = 'form';
      this.#emit<LoadedDetail>('motcua-loaded', {
        procedure: view.code,
        version: view.version,
        title: pick(view.procedure.title, lang),
      });
    } catch (err) {
      if (seq !== this.#loadSeq) return;
      const e =
        err instanceof ApiError
          ? err
          : new ApiError('invalid-response', 0, 'invalid-response', STRINGS.invalidResponse);
      this._phase = 'load-error';
      this._loadError = pick(e.text, lang);
      this.#emit<ErrorDetail>('motcua-error', {
        stage: 'load',
        kind: e.code === 'validators' ? 'validators' : e.kind,
        status: e.status,
        code: e.code,
        message: e.text.vi,
      });
    }
  }

  /** A blank dossier: defaults filled in, the preset agency chosen, nothing attached. */
  #startFresh(): void {
    const view = this._view!;
    this._data = withDefaults(view.procedure.form.schema, {});
    const preset = this.agency && this.#directory?.has(this.agency) ? this.agency : undefined;
    const only =
      view.procedure.receiving.mode === 'choice' && view.agencies.length === 1 ? view.agencies[0]!.code : undefined;
    this._chosen = preset ?? only;
    this._files = new Map();
    this._restored = null;
    this._serverIssues = [];
    this._summary = null;
    this._showMissing = false;
    this._failure = null;
    this.#attempt = null;
    this._receipt = null;
    this._progress = null;
    this._copied = false;
    this._atEnd = true;
    const inner = this.#inner;
    if (inner) {
      inner.resetInteraction();
      inner.issues = [];
    }
    if (this.kiosk) this.#armIdle();
  }

  // ---------------------------------------------------------------------------------------------
  // Answers, agency, files, drafts

  #onFormChange(e: CustomEvent<{ data: unknown }>): void {
    e.stopPropagation();
    this._data = withDefaultsForNewObjects(this._view!.procedure.form.schema, this._data, e.detail.data);
    this._failure = this._failure?.kind === 'network' ? this._failure : null;
    this.#scheduleSave();
  }

  #onStep(e: CustomEvent<StepChangeDetail>): void {
    this._atEnd = e.detail.step >= e.detail.count - 1;
  }

  #chooseAgency(code: string): void {
    this._chosen = code || undefined;
    this._serverIssues = this._serverIssues.filter((i) => i.pointer !== '/agency');
    this.#scheduleSave();
  }

  async #pickFiles(documentId: string, list: FileList): Promise<void> {
    const picked: PickedFile[] = [];
    for (const file of Array.from(list)) picked.push({ key: ++fileKeys, file, mediaType: await sniffMediaType(file) });
    const next = new Map(this._files);
    next.set(documentId, [...(next.get(documentId) ?? []), ...picked]);
    this._files = next;
    this.#forgetServerIssuesAt(`/documents/${documentId}`);
  }

  #removeFile(documentId: string, key: number): void {
    const next = new Map(this._files);
    next.set(
      documentId,
      (next.get(documentId) ?? []).filter((f) => f.key !== key),
    );
    this._files = next;
    this.#forgetServerIssuesAt(`/documents/${documentId}`);
    this.#focus = fileInputId(documentId);
  }

  /** Files changed: what the server said about them, or about the files as a whole (413), no longer holds. */
  #forgetServerIssuesAt(pointer: string): void {
    this._serverIssues = this._serverIssues.filter((i) => i.pointer !== '/documents' && !isWithin(i.pointer, pointer));
  }

  #setConsent(on: boolean): void {
    this._consent = on;
    if (on) this.#saveDraft();
    else {
      this.#drafts?.clear();
      this._restored = null;
    }
  }

  #scheduleSave(): void {
    if (!this._consent || !this.#drafts) return;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.#saveDraft(), 400);
  }

  #saveDraft(): void {
    if (!this._consent || !this.#drafts || !this._view) return;
    this.#drafts.save({ version: this._view.version, savedAt: this.now(), data: this._data, agency: this._chosen });
  }

  #discardDraft(): void {
    clearTimeout(this.#saveTimer);
    this.#drafts?.clear();
    this._consent = false;
    this.#startFresh();
  }

  /** Kiosk mode: a shared counter computer forgets the applicant after a while without activity. */
  #armIdle(): void {
    if (!this.kiosk) return;
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => {
      if (this._phase !== 'form' && this._phase !== 'receipt') return;
      this.#startFresh();
      this._phase = 'form';
    }, this.idleSeconds * 1000);
  }

  // ---------------------------------------------------------------------------------------------
  // Checks

  #checks(): DocumentCheck[] {
    const view = this._view;
    if (!view || !this.#evaluator) return [];
    return requiredDocuments(view.procedure, this._data, this.#evaluator);
  }

  /** The files of the documents that apply, as core's checkDocuments wants them. */
  #provided(checks: DocumentCheck[]): Record<string, { mediaType: string; size: number; name: string }[]> {
    const out: Record<string, { mediaType: string; size: number; name: string }[]> = {};
    for (const c of checks) {
      const files = this._files.get(c.document.id);
      if (c.applicable && files?.length)
        out[c.document.id] = files.map((f) => ({ mediaType: f.mediaType, size: f.file.size, name: f.file.name }));
    }
    return out;
  }

  #documentIssues(checks: DocumentCheck[], includeMissing: boolean): Issue[] {
    if (!this._view || !this.#evaluator) return [];
    const issues = checkDocuments(this._view.procedure, this._data, this.#evaluator, this.#provided(checks));
    return includeMissing ? issues : issues.filter((i) => i.code !== 'missing-document' && i.code !== 'too-few-files');
  }

  #receiving(): ReceivingResult {
    return receivingAgency(this._view!, this.#directory!, this._data, this.#evaluator!, this._chosen);
  }

  // ---------------------------------------------------------------------------------------------
  // Submitting

  /** Checks everything in the browser, then sends the dossier (or retries the failed attempt). */
  async submit(): Promise<void> {
    if (this._submitting || !this._view || !this.#evaluator) return;
    const view = this._view;
    const inner = this.#inner;
    const dataIssues = (inner?.validate({ summary: false }) ?? []).map((i) => ({ ...i, pointer: `/data${i.pointer}` }));
    const checks = this.#checks();
    this._showMissing = true;
    const agency = this.#receiving();
    // What the server objected to stands until its cause changes (each is cleared when it does).
    const issues = [
      ...dataIssues,
      ...(agency.ok ? [] : [agency.issue]),
      ...this.#documentIssues(checks, true),
      ...this._serverIssues,
    ];
    if (issues.length) {
      this._summary = issues;
      this.#focus = 'mc-form-summary';
      return;
    }
    this._summary = null;
    this._failure = null;
    if (!this.#attempt || this.#attempt.outcome === 'rejected')
      this.#attempt = { key: newIdempotencyKey(), outcome: 'pending' };
    const attempt = this.#attempt;

    const body = new FormData();
    const submission: Record<string, unknown> = { version: view.version, data: this._data };
    if (view.procedure.receiving.mode === 'choice' && agency.ok) submission.agency = agency.agency;
    body.append('submission', JSON.stringify(submission));
    for (const c of checks) {
      if (!c.applicable) continue;
      for (const f of this._files.get(c.document.id) ?? [])
        body.append(`documents.${c.document.id}`, f.file, f.file.name);
    }
    this._submitting = true;
    this._progress = { loaded: 0, total: 1 };
    // Fetched alongside the upload, so that the receipt shows the moment the server answers.
    const views = receiptViews.load().catch(() => null);
    try {
      const res = await send<SubmitResponse>(
        apiUrl(this.server, `api/v1/public/procedures/${encodeURIComponent(view.code)}/dossiers`),
        {
          method: 'POST',
          headers: { 'Idempotency-Key': attempt.key },
          body,
          onProgress: (_f, loaded, total) => (this._progress = { loaded, total }),
        },
      );
      this.#attempt = null;
      await views;
      this._receipt = { ...res.body, submittedAt: this.now() };
      this._phase = 'receipt';
      this.#drafts?.clear();
      this._consent = false;
      this._restored = null;
      this.#focus = 'mc-receipt-title';
      this.#emit<SubmittedDetail>('motcua-submitted', {
        code: res.body.code,
        procedure: view.code,
        version: view.version,
        status: res.body.status,
      });
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError('network', 0, 'network', STRINGS.networkError);
      this.#showFailure(e, attempt);
    } finally {
      this._submitting = false;
      this._progress = null;
    }
  }

  #showFailure(e: ApiError, attempt: Attempt): void {
    const lang = this.#language;
    const definite =
      e.kind === 'http' &&
      e.status >= 400 &&
      e.status < 500 &&
      e.status !== 408 &&
      e.status !== 409 &&
      e.status !== 422 &&
      e.status !== 429;
    attempt.outcome = definite ? 'rejected' : 'unknown';
    const isConflict = e.status === 422 && /idempot/i.test(e.code);
    // Field-level problems go next to their cause; what has no place goes next to the button.
    const dataIssues = e.issues.filter((i) => i.pointer.startsWith('/data'));
    const otherIssues = e.issues.filter((i) => !i.pointer.startsWith('/data'));
    const docFallback: Issue[] = [];
    if ((e.status === 413 || e.status === 415) && !otherIssues.some((i) => i.pointer.startsWith('/documents'))) {
      // No pointer from the server: the whole documents list is the cause.
      docFallback.push({
        pointer: '/documents',
        code: e.code,
        message: e.status === 413 ? STRINGS.tooLarge : STRINGS.badMediaType,
      });
    }
    this._serverIssues = [...otherIssues, ...docFallback];
    const inner = this.#inner;
    if (inner) inner.issues = dataIssues.map((i) => ({ ...i, pointer: i.pointer.slice('/data'.length) }));
    const located = [...dataIssues, ...otherIssues, ...docFallback];
    this._failure = isConflict
      ? { kind: 'conflict', status: e.status, message: STRINGS.idempotencyConflict }
      : { kind: e.kind === 'network' ? 'network' : 'http', status: e.status, message: e.text };
    if (located.length) {
      this._summary = located;
      this.#focus = 'mc-form-summary';
    } else {
      this.#focus = 'mc-submit-error';
    }
    this.#emit<ErrorDetail>('motcua-error', {
      stage: 'submit',
      kind: isConflict ? 'conflict' : e.kind,
      status: e.status,
      code: e.code,
      message: pick(e.text, lang),
    });
  }

  #submitAsNew(): void {
    this.#attempt = null;
    this._failure = null;
    void this.submit();
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering

  protected override render() {
    const lang = this.#language;
    switch (this._phase) {
      case 'loading':
        return html`<div class="container" part="container"><p class="status" role="status">${t('loading', lang)}</p></div>`;
      case 'load-error':
        return html`<div class="container" part="container">
          <div class="alert" role="alert" part="alert">
            <p><strong>${t('loadFailed', lang)}</strong> ${this._loadError}</p>
            <button type="button" @click=${() => this.load()}>${t('retry', lang)}</button>
          </div>
        </div>`;
      case 'receipt':
        return html`<div class="container" part="container">
          ${this.#renderReceipt(lang)}
          ${this.kiosk ? html`<p class="hint">${t('kioskReset', lang, { seconds: this.idleSeconds })}</p>` : nothing}
        </div>`;
      default:
        return this.#renderForm(lang);
    }
  }

  /**
   * The receipt; if its chunk could not be fetched (the network failed right after the dossier was
   * filed), the dossier code and tracking secret at least: what the applicant must keep.
   */
  #renderReceipt(lang: Lang) {
    const r = this._receipt!;
    const views = receiptViews.value;
    if (!views) {
      return html`<section class="receipt" part="receipt" aria-labelledby="mc-receipt-title">
        <h2 id="mc-receipt-title" tabindex="-1">✓ ${t('receiptCode', lang)}: <strong class="code">${r.code}</strong></h2>
        <p>${t('receiptSecret', lang)}: <strong class="secret">${r.secret}</strong></p>
        <p class="note">${t('receiptPartial', lang)}</p>
      </section>`;
    }
    adoptStyles(this.renderRoot, views.styles);
    return views.receiptTemplate(r, this._view!, lang, {
      print: () => this.#print(),
      copy: () => this.#copySecret(),
      again: () => {
        this.#startFresh();
        this._phase = 'form';
      },
      copied: this._copied,
      kiosk: this.kiosk,
    });
  }

  #renderForm(lang: Lang) {
    const view = this._view!;
    const p = view.procedure;
    const evaluator = this.#evaluator!;
    const checks = this.#checks();
    const docIssues = [
      ...this.#documentIssues(checks, this._showMissing),
      ...this._serverIssues.filter((i) => i.pointer.startsWith('/documents')),
    ];
    const agency = this.#receiving();
    const due = agency.ok ? expectedDue(view, agency.agency, this.now()) : null;
    const inner = this.#inner;
    return html`<div class="container" part="container">
      <header class="head" part="header">
        <h2 part="title">${pick(p.title, lang)}</h2>
        <p class="meta">${t('procedureCode', lang)} ${view.code} · ${t('procedureField', lang)}: ${pick(p.field.title, lang)}</p>
      </header>
      ${this.#renderDraftNotice(lang)} ${this.#renderSummary(lang, inner)}
      ${this.#renderAgency(lang, agency)}
      <motcua-jsonforms
        part="form"
        lang=${lang}
        .schema=${p.form.schema}
        .uischema=${p.form.uischema as UISchemaElement}
        .data=${this._data}
        .evaluator=${evaluator}
        .readonly=${this._submitting}
        @change=${this.#onFormChange}
        @motcua-step=${this.#onStep}
      ></motcua-jsonforms>
      ${
        this._atEnd
          ? html`${documentsTemplate({
              lang,
              checks,
              files: this._files,
              issues: docIssues,
              upload: this.#uploadStates(checks),
              disabled: this._submitting,
              pick: (id, files) => void this.#pickFiles(id, files),
              remove: (id, key) => this.#removeFile(id, key),
            })}
          ${summaryTemplate(p, this._data, evaluator, lang, due)} ${this.#renderDraftConsent(lang)} ${this.#renderSubmit(lang)}`
          : nothing
      }
    </div>`;
  }

  #renderDraftNotice(lang: Lang) {
    const d = this._restored;
    if (!d || this.kiosk) return nothing;
    return html`<div class="notice" part="draft-notice" role="status">
      <p>${t('draftRestored', lang, { at: humanDateTime(d.savedAt, lang) })}
        ${d.version !== this._view!.version ? html` ${t('draftOtherVersion', lang)}` : nothing}</p>
      <button type="button" class="link" @click=${() => this.#discardDraft()}>${t('draftDiscard', lang)}</button>
    </div>`;
  }

  #renderDraftConsent(lang: Lang) {
    if (this.kiosk || !this.#drafts) return nothing;
    if (!this.#drafts.available) return html`<p class="hint">${t('draftUnavailable', lang)}</p>`;
    return html`<div class="draft" part="draft">
      <div class="check">
        <input id="mc-draft" type="checkbox" .checked=${this._consent} aria-describedby="mc-draft-hint"
          @change=${(e: Event) => this.#setConsent((e.target as HTMLInputElement).checked)} />
        <label for="mc-draft">${t('draftConsent', lang)}</label>
      </div>
      <p class="hint" id="mc-draft-hint">${t('draftHint', lang)}</p>
    </div>`;
  }

  #renderAgency(lang: Lang, resolved: ReceivingResult) {
    const view = this._view!;
    const r = view.procedure.receiving;
    const issue =
      this._serverIssues.find((i) => i.pointer === '/agency') ??
      (this._showMissing && !resolved.ok && resolved.issue.pointer === '/agency' ? resolved.issue : undefined);
    if (r.mode === 'choice') {
      const options = this.#directory!.ofKind(r.kind);
      const list = options.length ? options : this.#directory!.list();
      return html`<section class="agency field ${issue ? 'invalid' : ''}" part="agency" aria-labelledby="mc-agency-title">
        <h3 id="mc-agency-title">${t('agencyTitle', lang)}</h3>
        <label class="label" for="mc-agency">${t('agencyLabel', lang)}<span class="req" aria-hidden="true">*</span><span class="sr-only"> (${t('required', lang)})</span></label>
        <p class="hint" id="mc-agency-hint">${t('agencyHint', lang)}</p>
        <select id="mc-agency" part="input select" aria-required="true" aria-invalid=${issue ? 'true' : 'false'}
          aria-describedby=${issue ? 'mc-agency-hint mc-agency-err' : 'mc-agency-hint'} ?disabled=${this._submitting}
          @change=${(e: Event) => this.#chooseAgency((e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this._chosen}>${t('selectPlaceholder', lang)}</option>
          ${list.map((a) => html`<option value=${a.code} ?selected=${a.code === this._chosen}>${pick(a.name, lang)}</option>`)}
        </select>
        ${issue ? html`<p class="error" id="mc-agency-err">${pick(issue.message, lang)}</p>` : nothing}
      </section>`;
    }
    if (resolved.ok) {
      const a = this.#directory!.get(resolved.agency);
      return html`<p class="agency-fixed" part="agency">${t('agencyFixed', lang, { name: a ? pick(a.name, lang) : resolved.agency })}</p>`;
    }
    return issue ? html`<p class="error" id="mc-agency-err">${pick(issue.message, lang)}</p>` : nothing;
  }

  #renderSummary(lang: Lang, inner: MotcuaJsonForms | null) {
    const issues = this._summary;
    if (!issues?.length) return nothing;
    return html`<div class="summary" id="mc-form-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="mc-form-summary-title">
      <h3 id="mc-form-summary-title">${t('submitSummary', lang, { count: issues.length })}</h3>
      <ul>
        ${issues.map((issue) => {
          const { label, go } = this.#locate(issue, inner, lang);
          const text = `${label ? `${label}: ` : ''}${pick(issue.message, lang)}`;
          return html`<li>${
            go
              ? html`<a href="#" @click=${(e: Event) => {
                  e.preventDefault();
                  go();
                }}>${text}</a>`
              : text
          }</li>`;
        })}
      </ul>
    </div>`;
  }

  /** Where an issue of the submission lives on screen, and how to go there. */
  #locate(issue: Issue, inner: MotcuaJsonForms | null, lang: Lang): { label: string; go?: () => void } {
    const p = issue.pointer;
    if (p === '/data' || p.startsWith('/data/')) {
      const pointer = p.slice('/data'.length);
      return { label: inner?.labelFor(pointer) ?? '', go: () => void inner?.focusIssue(pointer) };
    }
    if (p === '/agency') return { label: t('agencyLabel', lang), go: () => this.#focusId('mc-agency') };
    if (p === '/documents') return { label: t('documentsTitle', lang), go: () => this.#focusId('mc-docs-title') };
    const m = /^\/documents\/([^/]+)/.exec(p);
    if (m) {
      const id = m[1]!.replace(/~1/g, '/').replace(/~0/g, '~');
      const doc = this._view?.procedure.documents.find((d) => d.id === id);
      return {
        label: doc ? pick(doc.title, lang) : t('documentsTitle', lang),
        go: () => this.#focusId(doc ? fileInputId(id) : 'mc-docs-title'),
      };
    }
    return { label: '' };
  }

  #renderSubmit(lang: Lang) {
    const f = this._failure;
    const progress = this._progress;
    const percent = progress ? Math.min(100, Math.round((progress.loaded / Math.max(progress.total, 1)) * 100)) : 0;
    return html`<div class="submit-area" part="submit-area">
      ${
        f
          ? html`<div class="alert" id="mc-submit-error" role="alert" tabindex="-1" part="submit-error">
            <p><strong>${t('submitFailed', lang)}</strong> ${pick(f.message, lang)}</p>
            ${f.kind === 'network' || (f.kind === 'http' && f.status >= 500) ? html`<p>${t('retryKeeps', lang)}</p>` : nothing}
            ${
              f.kind === 'conflict'
                ? html`<button type="button" part="button" @click=${() => this.#submitAsNew()}>${t('submitAsNew', lang)}</button>`
                : nothing
            }
          </div>`
          : nothing
      }
      ${
        this._submitting
          ? html`<div class="progress-line" role="status">
            <span>${t('submitting', lang)}</span>
            <progress part="upload-progress" max="100" value=${percent} aria-label=${t('uploadProgress', lang, { percent })}></progress>
            <span>${t('uploadProgress', lang, { percent })}</span>
          </div>`
          : nothing
      }
      <div class="actions">
        <button type="button" class="primary" part="button button-primary submit" ?disabled=${this._submitting} @click=${() => this.submit()}>
          ${f && f.kind !== 'conflict' ? t('retry', lang) : t('submit', lang)}
        </button>
      </div>
    </div>`;
  }

  /** Per file: waiting / sending / sent, from the bytes sent so far (files go in order after the submission part). */
  #uploadStates(checks: DocumentCheck[]): Map<number, 'waiting' | 'sending' | 'sent'> | null {
    const progress = this._progress;
    if (!progress) return null;
    const files = checks.filter((c) => c.applicable).flatMap((c) => this._files.get(c.document.id) ?? []);
    const totalFiles = files.reduce((s, f) => s + f.file.size, 0);
    const overhead = Math.max(0, progress.total - totalFiles);
    let offset = overhead;
    const out = new Map<number, 'waiting' | 'sending' | 'sent'>();
    for (const f of files) {
      const end = offset + f.file.size;
      out.set(f.key, progress.loaded >= end ? 'sent' : progress.loaded > offset ? 'sending' : 'waiting');
      offset = end;
    }
    return out;
  }

  #print(): void {
    const views = receiptViews.value;
    if (views && this._receipt && this._view)
      views.printReceipt(this.renderRoot as ShadowRoot, this._receipt, this._view, this.#language);
  }

  async #copySecret(): Promise<void> {
    if (!this._receipt) return;
    try {
      await navigator.clipboard.writeText(this._receipt.secret);
      this._copied = true;
    } catch {
      this._copied = false;
    }
  }

  #focusId(id: string): void {
    const el = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    el?.focus();
    el?.scrollIntoView?.({ block: 'center' });
  }

  /** Resolves when the form is rendered in full, its inner form included. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await this.#inner?.updateComplete;
    return done;
  }

  protected override updated(): void {
    if (this.#focus) {
      const id = this.#focus;
      this.#focus = null;
      this.#focusId(id);
    }
    const inner = this.#inner;
    if (inner && this._phase === 'form') {
      void inner.updateComplete.then(() => {
        const step = inner.currentStep;
        const atEnd = !step || step.step >= step.count - 1;
        if (atEnd !== this._atEnd) this._atEnd = atEnd;
      });
    }
  }
}
