import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  checkDocuments,
  chosenAgency,
  pick,
  requiredDocuments,
  withDerived,
  type AgencyDirectory,
  type Channel,
  type DocumentCheck,
  type Issue,
  type Lang,
  type NotifyChannel,
} from '@motcua/core';
import { ApiError } from '../../api/http.ts';
import { newIdempotencyKey } from '../../api/idempotency.ts';
import { STRINGS } from '../../i18n/strings.ts';
import { isWithin } from '../../jsonforms/paths.ts';
import { lazy } from '../../lazy.ts';
import type { MotcuaJsonForms, StepChangeDetail } from './motcua-jsonforms.ts';
import { directoryOf, expectedDue, receivingAgency, receivingForBrowser, type ReceivingResult } from './agencies.ts';
import { afterPaint } from '../../after-paint.ts';
import { withDefaults, withDefaultsForNewObjects } from '../../renderers/defaults.ts';
import { fileInputId } from './documents.ts';
import { DraftStore } from './drafts.ts';
import { applicableFiles, pickFiles, providedFiles, withFiles } from './picked-files.ts';
import type { PayPanel } from './pay-panel.ts';
import type {
  Attempt,
  ErrorDetail,
  FormProcedure,
  FormState,
  InputDetail,
  LoadedDetail,
  SubmittedDetail,
} from './form-model.ts';

/** The submission check, the receipt and its printed page: a chunk of its own, fetched when the applicant submits. */
export const receiptViews = lazy(() => import('./receipt.ts'));

/** Paying online: a chunk of its own, fetched when a dossier waits for its fees or the page comes back from paying. */
export const payPart = lazy(() => import('./pay-panel.ts'));

/** What <motcua-form> gives its controller. */
export interface FormHost extends ReactiveControllerHost, HTMLElement {
  readonly server: string;
  /** A procedure given as data (a preview, the counter): no online payment there. */
  readonly definition?: unknown;
  readonly agency: string | undefined;
  readonly kiosk: boolean;
  readonly idleSeconds: number;
  readonly language: Lang;
  /** Answers a new dossier starts with (a returning applicant's details at the counter). */
  readonly initialData: Readonly<Record<string, unknown>> | undefined;
  /** The filing channel: which documents are asked. */
  readonly channel: Channel;
  now(): number;
  /** (Re)loads the procedure from where the element gets it. */
  load(): Promise<void>;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * What <motcua-form> does, whatever gave it its procedure (form-model.ts's FormProcedure): the
 * answers, the agency choice, the files, drafts, the checks (core's checkSubmission) and the
 * submission with its retries. The views (form-view.ts) show its state.
 */
export class FormController implements ReactiveController {
  /** Until a procedure is loaded only `phase` and `loadError` are shown; #startFresh sets the rest. */
  s = { phase: 'loading', form: null, consent: false, notify: [], submitting: false } as unknown as FormState;
  directory: AgencyDirectory | null = null;
  /** "Pay now" under the receipt, while the dossier waits for its fees. */
  pay: PayPanel | null = null;
  drafts: DraftStore | null = null;
  #attempt: Attempt | null = null;
  #loadSeq = 0;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #focus: string | null = null;
  /** Between the click and the check's answer (the check's chunk may be on its way). */
  #checking = false;
  /**
   * The first expected appointment waits for the form's first paint: pending while it waits, null
   * once worked out (updateComplete waits for it).
   */
  dueLater: Promise<void> | null | undefined;

  constructor(readonly host: FormHost) {
    host.addController(this);
  }

  /** Changes the state and asks the element to render it. */
  set(patch: Partial<FormState>): void {
    Object.assign(this.s, patch);
    this.host.requestUpdate();
  }

  get inner(): MotcuaJsonForms | null {
    return this.host.renderRoot?.querySelector('motcua-jsonforms') ?? null;
  }

  #emit<T>(type: string, detail: T): void {
    this.host.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }

  hostDisconnected(): void {
    clearTimeout(this.#saveTimer);
    clearTimeout(this.#idleTimer);
  }

  hostUpdated(): void {
    if (this.#focus) {
      const id = this.#focus;
      this.#focus = null;
      this.focusId(id);
    }
    const inner = this.inner;
    if (inner && this.s.phase === 'form') {
      void inner.updateComplete.then(() => {
        const step = inner.currentStep;
        const atEnd = !step || step.step >= step.count - 1;
        if (atEnd !== this.s.atEnd) this.set({ atEnd });
      });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Loading

  /**
   * Shows the procedure that `source` gives (a server's published version or a host's data). With
   * `keep`, the answers so far stay when the same procedure comes again (a preview being edited).
   */
  async load(source: () => Promise<FormProcedure>, keep = false): Promise<void> {
    const seq = ++this.#loadSeq;
    const before = this.s.form;
    const kept = { data: this.s.data, chosen: this.s.chosen, files: this.s.files };
    if (!keep) this.set({ phase: 'loading' });
    const lang = this.host.language;
    try {
      const pending = source();
      // Opening the page's storage waits on the browser: let it wait while the procedure is on its
      // way rather than after it came (the draft is read then).
      if (!this.host.kiosk && !this.host.initialData) DraftStore.open();
      const form = await pending;
      if (seq !== this.#loadSeq) return;
      this.directory = directoryOf(form);
      this.s.form = form;
      this.drafts = this.host.kiosk ? null : new DraftStore(DraftStore.keyFor(form.draftScope, form.code));
      this.#startFresh();
      // Answers the host gives (a known applicant) win over a draft left on this device.
      const draft = this.host.initialData ? null : (this.drafts?.load() ?? null);
      if (draft)
        this.set({ data: draft.data ?? {}, chosen: draft.agency ?? this.s.chosen, consent: true, restored: draft });
      if (keep && before?.code === form.code && this.s.phase === 'form') this.set(kept);
      this.set({ phase: 'form' });
      this.#emit<LoadedDetail>('motcua-loaded', {
        procedure: form.code,
        version: form.version,
        title: pick(form.procedure.title, lang),
      });
      // Opened by a payment's return: the receipt this tab kept (pay-panel.ts).
      if (globalThis.location?.hash.includes('motcua-payment='))
        void Promise.all([payPart.load(), receiptViews.load()]).then(
          ([part]) => part.backToReceipt(this, form.code),
          () => undefined,
        );
    } catch (err) {
      if (seq !== this.#loadSeq) return;
      const e =
        err instanceof ApiError
          ? err
          : new ApiError('invalid-response', 0, 'invalid-response', STRINGS.invalidResponse);
      this.set({ phase: 'load-error', loadError: pick(e.text, lang) });
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
    const form = this.s.form!;
    const agency = this.host.agency;
    const preset = agency && this.directory?.has(agency) ? agency : undefined;
    const only =
      form.procedure.receiving.mode === 'choice' && form.agencies.length === 1 ? form.agencies[0]!.code : undefined;
    this.#attempt = null;
    this.pay = null;
    this.set({
      data: withDefaults(form.procedure.form.schema, structuredClone(this.host.initialData ?? {})),
      chosen: preset ?? only,
      files: new Map(),
      restored: null,
      serverIssues: [],
      summary: null,
      showMissing: false,
      failure: null,
      receipt: null,
      progress: null,
      copied: false,
      atEnd: true,
    });
    const inner = this.inner;
    if (inner) {
      inner.resetInteraction();
      inner.issues = [];
    }
    if (this.host.kiosk) this.armIdle();
  }

  /**
   * New initial answers while the form is shown: merged over what is typed so far (the clerk
   * found the applicant after choosing the procedure); the rest of the answers stay.
   */
  prefill(initial: Readonly<Record<string, unknown>>): void {
    if (this.s.phase !== 'form' || !this.s.form) return;
    const data = withDefaults(this.s.form.procedure.form.schema, mergeObjects(this.s.data, initial));
    this.set({ data });
  }

  /** Back to a blank form (after a receipt, or when the applicant discards a draft). */
  again(): void {
    this.#startFresh();
    this.set({ phase: 'form' });
  }

  /**
   * The appointment if the dossier were accepted now by `agency`; undefined until the form's
   * first paint is done. The first one costs a cold page tens of milliseconds (core's calendar
   * walk starts the browser's time-zone data) for a line below the form, so it comes a frame
   * after the fields.
   */
  expectedDue(agency: string): { at: number; timeZone: string } | null | undefined {
    if (this.dueLater === null) return expectedDue(this.s.form!, agency, this.host.now());
    this.dueLater ??= afterPaint().then(() => {
      this.dueLater = null;
      this.host.requestUpdate();
    });
    return undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // Answers, agency, files, drafts

  onFormChange(e: CustomEvent<{ data: unknown }>): void {
    e.stopPropagation();
    const failure = this.s.failure;
    this.set({
      data: withDefaultsForNewObjects(this.s.form!.procedure.form.schema, this.s.data, e.detail.data),
      failure: failure?.kind === 'network' ? failure : null,
    });
    this.#scheduleSave();
    this.#emitInput();
  }

  onStep(e: CustomEvent<StepChangeDetail>): void {
    this.set({ atEnd: e.detail.step >= e.detail.count - 1 });
  }

  chooseAgency(code: string): void {
    this.set({ chosen: code || undefined, serverIssues: this.s.serverIssues.filter((i) => i.pointer !== '/agency') });
    this.#scheduleSave();
    this.#emitInput();
  }

  #emitInput(): void {
    this.#emit<InputDetail>('motcua-input', { data: this.s.data, agency: this.s.chosen ?? null });
  }

  /**
   * Files being read (their type is sniffed from their first bytes, after a module load): a submit
   * clicked meanwhile waits for them rather than finding the document still without files.
   */
  #picking: Promise<void> = Promise.resolve();

  pickFiles(documentId: string, list: FileList): Promise<void> {
    const files = Array.from(list); // the picker empties its list once the change event is handled
    const done = this.#picking.then(async () => {
      const picked = await pickFiles(files);
      this.#setFiles(documentId, withFiles(this.s.files, documentId, picked));
    });
    this.#picking = done.catch(() => undefined); // one unreadable pick must not hold the next ones
    return done;
  }

  removeFile(documentId: string, key: number): void {
    this.#setFiles(documentId, withFiles(this.s.files, documentId, [], key));
    this.#focus = fileInputId(documentId);
  }

  /** Files changed: what the server said about them, or about the files as a whole (413), no longer holds. */
  #setFiles(documentId: string, files: FormState['files']): void {
    const at = `/documents/${documentId}`;
    this.set({
      files,
      serverIssues: this.s.serverIssues.filter((i) => i.pointer !== '/documents' && !isWithin(i.pointer, at)),
    });
  }

  /** A notification channel ticked or not; what the server said about the choice no longer holds. */
  setNotify(channel: NotifyChannel, on: boolean): void {
    this.set({
      notify: on ? [...new Set([...this.s.notify, channel])] : this.s.notify.filter((c) => c !== channel),
      serverIssues: this.s.serverIssues.filter((i) => !isWithin(i.pointer, '/submission/notify')),
    });
  }

  setConsent(on: boolean): void {
    this.set({ consent: on });
    if (on) this.#saveDraft();
    else {
      this.drafts?.clear();
      this.set({ restored: null });
    }
  }

  #scheduleSave(): void {
    if (!this.s.consent || !this.drafts) return;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.#saveDraft(), 400);
  }

  #saveDraft(): void {
    const { consent, form, data, chosen } = this.s;
    if (consent && this.drafts && form)
      this.drafts.save({ version: form.version, savedAt: this.host.now(), data, agency: chosen });
  }

  discardDraft(): void {
    clearTimeout(this.#saveTimer);
    this.drafts?.clear();
    this.s.consent = false;
    this.#startFresh();
  }

  /** Kiosk mode: a shared counter computer forgets the applicant after a while without activity. */
  armIdle(): void {
    if (!this.host.kiosk) return;
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => {
      if (this.s.phase === 'form' || this.s.phase === 'receipt') this.again();
    }, this.host.idleSeconds * 1000);
  }

  // ---------------------------------------------------------------------------------------------
  // Checks

  /** The answers (or `data`) as conditions see them: with the procedure's derived values as if submitted now. */
  conditionData(data: unknown = this.s.data): unknown {
    const form = this.s.form;
    return form ? withDerived(form.procedure, data, this.host.now()) : data;
  }

  /** The same for the form's UI rules (`<motcua-jsonforms>.derive`): one function for the element's life. */
  readonly derive = (data: unknown): unknown => this.conditionData(data);

  checks(): DocumentCheck[] {
    const form = this.s.form;
    return form ? requiredDocuments(form.procedure, this.conditionData(), form.evaluator, this.host.channel) : [];
  }

  /** The document issues shown while the applicant fills the form: missing ones only once they tried to submit. */
  documentIssues(checks: DocumentCheck[]): Issue[] {
    const { form, files, showMissing } = this.s;
    const issues = checkDocuments(
      form!.procedure,
      this.conditionData(),
      form!.evaluator,
      providedFiles(checks, files),
      this.host.channel,
    );
    return showMissing ? issues : issues.filter((i) => i.code !== 'missing-document' && i.code !== 'too-few-files');
  }

  receiving(): ReceivingResult {
    const { form, chosen } = this.s;
    return receivingAgency(form!, this.directory!, this.conditionData(), form!.evaluator, chosen);
  }

  // ---------------------------------------------------------------------------------------------
  // Submitting

  /**
   * Checks everything in the browser (core's checkSubmission, which comes with the receipt's chunk:
   * a page needs neither before the applicant submits), then sends the dossier (or retries the
   * failed attempt). If that chunk cannot be fetched the server's own check answers.
   */
  async submit(): Promise<void> {
    if (this.s.submitting || !this.s.form || this.#checking) return;
    this.#checking = true;
    await this.#picking;
    // The inner form shows its fields' errors and names them; core's check adds what only it knows.
    const fieldIssues = (this.inner?.validate({ summary: false }) ?? []).map((i) => ({
      ...i,
      pointer: `/data${i.pointer}`,
    }));
    // What the inner form found shows at once; the check's own findings join when its chunk is there.
    if (fieldIssues.length && !receiptViews.value) this.#refuse(fieldIssues);
    const views = receiptViews.load().catch(() => null);
    const check = (receiptViews.value ?? (await views))?.checkSubmission;
    this.#checking = false;
    const { form, data, chosen, files } = this.s;
    const checks = this.checks();
    const p = form!.procedure;
    const checked = (
      check?.(p, { data, agency: chosen, documents: providedFiles(checks, files) }, form!.evaluator, {
        directory: this.directory!,
        submittedAt: this.host.now(),
        channel: this.host.channel,
        ...receivingForBrowser(p, this.directory!),
      }) ?? []
    ).filter(
      (i) =>
        !i.pointer.startsWith('/data') ||
        // The inner form names each field of a section left blank: the section's own "required" goes.
        !fieldIssues.some(
          (f) => isWithin(i.pointer, f.pointer) || (i.code === 'required' && isWithin(f.pointer, i.pointer)),
        ),
    );
    if (this.#refuse([...fieldIssues, ...checked])) return;
    if (!this.#attempt || this.#attempt.outcome === 'rejected')
      this.#attempt = { key: newIdempotencyKey(), outcome: 'pending' };
    const attempt = this.#attempt;
    this.set({ summary: null, failure: null, submitting: true, progress: { loaded: 0, total: 1 } });
    try {
      const res = await form!.submit(
        {
          version: form!.version,
          ...(chosenAgency(p, chosen) ? { agency: chosen! } : {}),
          data,
          files: applicableFiles(checks, files).flatMap(([document, list]) =>
            list.map((f) => ({ document, file: f.file })),
          ),
          idempotencyKey: attempt.key,
          ...(this.s.notify.length ? { notify: { channels: [...this.s.notify], lang: this.host.language } } : {}),
        },
        (loaded, total) => this.set({ progress: { loaded, total } }),
      );
      this.#attempt = null;
      // What is owed and how to pay it comes with the receipt (the receipt's own chunk fetches it).
      if (res.payment) await (await views)?.payInfoPart.load().catch(() => null);
      else await views;
      this.drafts?.clear();
      this.set({ receipt: { ...res, submittedAt: this.host.now() }, phase: 'receipt', consent: false, restored: null });
      this.#focus = 'mc-receipt-title';
      if (res.status === 6 && !this.host.kiosk && !this.host.definition)
        void payPart.load().then(
          (part) => part.payUnderReceipt(this, null),
          () => undefined,
        );
      this.#emit<SubmittedDetail>('motcua-submitted', {
        code: res.code,
        procedure: form!.code,
        version: form!.version,
        status: res.status,
      });
    } catch (err) {
      this.#showFailure(
        err instanceof ApiError ? err : new ApiError('network', 0, 'network', STRINGS.networkError),
        attempt,
      );
    } finally {
      this.set({ submitting: false, progress: null });
    }
  }

  /** Shows the summary of what stops the submission, with what the server objected to; false if nothing does. */
  #refuse(found: Issue[]): boolean {
    // What the server objected to stands until its cause changes (each is cleared when it does).
    const issues = [...found, ...this.s.serverIssues];
    this.set({ showMissing: true });
    if (!issues.length) return false;
    this.set({ summary: issues });
    this.#focus = 'mc-form-summary';
    return true;
  }

  #showFailure(e: ApiError, attempt: Attempt): void {
    const status = e.status;
    const definite =
      e.kind === 'http' &&
      status >= 400 &&
      status < 500 &&
      status !== 408 &&
      status !== 409 &&
      status !== 422 &&
      status !== 429;
    attempt.outcome = definite ? 'rejected' : 'unknown';
    const isConflict = status === 422 && /idempot/i.test(e.code);
    // Field-level problems go next to their cause; what has no place goes next to the button.
    const dataIssues = e.issues.filter((i) => i.pointer.startsWith('/data'));
    const otherIssues = e.issues.filter((i) => !i.pointer.startsWith('/data'));
    if ((status === 413 || status === 415) && !otherIssues.some((i) => i.pointer.startsWith('/documents'))) {
      // No pointer from the server: the whole documents list is the cause.
      otherIssues.push({
        pointer: '/documents',
        code: e.code,
        message: status === 413 ? STRINGS.tooLarge : STRINGS.badMediaType,
      });
    }
    const inner = this.inner;
    if (inner) inner.issues = dataIssues.map((i) => ({ ...i, pointer: i.pointer.slice('/data'.length) }));
    const located = [...dataIssues, ...otherIssues];
    this.set({
      serverIssues: otherIssues,
      failure: isConflict
        ? { kind: 'conflict', status, message: STRINGS.idempotencyConflict }
        : { kind: e.kind === 'network' ? 'network' : 'http', status, message: e.text },
      ...(located.length ? { summary: located } : {}),
    });
    this.#focus = located.length ? 'mc-form-summary' : 'mc-submit-error';
    this.#emit<ErrorDetail>('motcua-error', {
      stage: 'submit',
      kind: isConflict ? 'conflict' : e.kind,
      status,
      code: e.code,
      message: pick(e.text, this.host.language),
    });
  }

  submitAsNew(): void {
    this.#attempt = null;
    this.set({ failure: null });
    void this.submit();
  }

  // ---------------------------------------------------------------------------------------------
  // Receipt and focus

  print(): void {
    const views = receiptViews.value;
    const { receipt, form } = this.s;
    if (views && receipt && form)
      views.printReceipt(this.host.renderRoot as ShadowRoot, receipt, form, this.host.language);
  }

  async copySecret(): Promise<void> {
    const receipt = this.s.receipt;
    if (!receipt) return;
    let copied = false;
    try {
      await navigator.clipboard.writeText(receipt.secret);
      copied = true;
    } catch {
      /* not allowed: the button stays as it was */
    }
    this.set({ copied });
  }

  focusId(id: string): void {
    const el = this.host.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    el?.focus();
    el?.scrollIntoView?.({ block: 'center' });
  }
}

const isPlain = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** `over` laid on `base`, object by object (arrays and values replaced). */
function mergeObjects(base: unknown, over: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = isPlain(base) ? { ...base } : {};
  for (const [k, v] of Object.entries(over)) out[k] = isPlain(v) ? mergeObjects(out[k], v) : structuredClone(v);
  return out;
}
