import { nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import {
  checkDocuments,
  pick,
  uploadLimits,
  type UploadLimits,
  type DocumentRequirement,
  type Issue,
  type Lang,
  type Procedure,
} from '@motcua/core';
import { apiUrl, ApiError, getJson, send } from '../../api/http.ts';
import type { PublicProcedure as ProcedureView, TrackingView } from '@motcua/api';
import { STRINGS, t } from '../../i18n/strings.ts';
import { TRACK_STRINGS } from '../../i18n/strings-track.ts';
import { pickFiles, withFiles, type PickedFile } from '../form/picked-files.ts';
import type { ErrorDetail } from '../form/form-model.ts';
import type { TrackFailure } from './track-model.ts';
import { styles, trackView } from './track-view.ts';
import { adoptStyles } from '../../styles/adopt.ts';
import { lazy } from '../../lazy.ts';
import type { PayPanel } from '../form/pay-panel.ts';

/** Paying online (the chunk the form's receipt uses too), fetched for a dossier that has fees to pay first. */
const payPart = lazy(() => import('../form/pay-panel.ts'));

/** How much is owed and how to pay it (the chunk the receipt uses too), fetched for a dossier that owes something. */
const payInfoPart = lazy(() => import('../form/pay-info.ts'));

/** What <motcua-track> gives its controller. */
export interface TrackHost extends ReactiveControllerHost, HTMLElement {
  readonly server: string;
  readonly code: string;
  readonly language: Lang;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

interface State {
  code: string;
  secret: string;
  view: TrackingView | null;
  busy: boolean;
  failure: TrackFailure | null;
  notice: string;
  supFiles: ReadonlyMap<string, readonly PickedFile[]>;
  supComment: string;
  supIssues: readonly Issue[];
  supProgress: number | null;
  withdrawOpen: boolean;
  withdrawReason: string;
  withdrawInvalid: boolean;
  procedure: Procedure | null;
}

/**
 * Everything <motcua-track> does — look a dossier up by code and secret, send a supplement,
 * ask to withdraw — and shows (track-view.ts), as a Lit reactive controller. It is the element's
 * lazily loaded part (a chunk fetched by the first <motcua-track> of a page; a page with a form
 * only never loads it). The secret stays in memory only.
 */
export class TrackController implements ReactiveController {
  private s: State = {
    code: '',
    secret: '',
    view: null,
    busy: false,
    failure: null,
    notice: '',
    supFiles: new Map(),
    supComment: '',
    supIssues: [],
    supProgress: null,
    withdrawOpen: false,
    withdrawReason: '',
    withdrawInvalid: false,
    procedure: null,
  };
  private focus: string | null = null;
  private presetSeen = '';
  private pay: PayPanel | null = null;
  /** The state a payment's return said (the page was opened by it). */
  private payReturned: string | null = null;

  constructor(private readonly host: TrackHost) {
    host.addController(this);
    adoptStyles(host.renderRoot, styles);
  }

  /** Changes the state and asks the element to render it. */
  private set(patch: Partial<State>): void {
    Object.assign(this.s, patch);
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    // The `code` attribute presets the dossier code, unless the person already typed one.
    const preset = this.host.code;
    if (preset !== this.presetSeen) {
      this.presetSeen = preset;
      if (preset && !this.s.code) this.s.code = preset;
    }
  }

  hostConnected(): void {
    this.fromReceiptLink();
    if (globalThis.location?.hash.includes('motcua-payment=')) void this.fromPaymentReturn();
  }

  /** Back from a payment provider: the dossier this tab kept before leaving, looked up again. */
  private async fromPaymentReturn(): Promise<void> {
    const back = (await payPart.load().catch(() => null))?.takeReturn('track');
    if (!back) return;
    this.payReturned = back.state;
    this.s.code = back.kept.code;
    this.s.secret = back.kept.secret;
    await this.lookup();
  }

  /** "Pay now" while the dossier waits for fees it may pay online, and "paid" afterwards. */
  private async offerPayment(view: TrackingView): Promise<void> {
    if (!view.onlinePayment) {
      this.pay = null;
      return;
    }
    const part = await payPart.load().catch(() => null);
    if (!part || this.s.view !== view) return;
    if (this.pay && this.payFor === view.code) this.pay.show(view);
    else {
      this.payFor = view.code;
      this.pay = new part.PayPanel(this.host, {
        kind: 'track',
        code: view.code,
        secret: this.s.secret.trim(),
        returned: this.payReturned,
        view,
      });
    }
    this.payReturned = null;
    this.host.requestUpdate();
  }
  private payFor = '';

  private payInfo(view: TrackingView | null) {
    const part = payInfoPart.value;
    if (!view?.payment || !part) return nothing;
    adoptStyles(this.host.renderRoot, part.styles);
    return part.payInfoTemplate(view.payment, pick(view.agency.name, this.host.language), this.host.language);
  }

  /**
   * A printed receipt's QR code opens the tracking page with the code and secret in the fragment
   * (`#motcua-code=…&motcua-secret=…`, never sent to a server): look the dossier up at once, then
   * take the secret out of the address bar and the history.
   */
  private fromReceiptLink(): void {
    const hash = globalThis.location?.hash ?? '';
    if (!hash.includes('motcua-secret=')) return;
    const p = new URLSearchParams(hash.slice(1));
    const code = p.get('motcua-code')?.trim();
    const secret = p.get('motcua-secret')?.trim();
    if (!code || !secret) return;
    p.delete('motcua-code');
    p.delete('motcua-secret');
    const rest = p.toString();
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
    this.s.code = code;
    this.s.secret = secret;
    void this.lookup();
  }

  hostUpdated(): void {
    if (!this.focus) return;
    const el = this.host.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(this.focus)}`);
    this.focus = null;
    el?.focus();
    el?.scrollIntoView?.({ block: 'nearest' });
  }

  private emit<T>(type: string, detail: T): void {
    this.host.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }

  private url(path: string): string {
    return apiUrl(
      this.host.server,
      `api/v1/public/dossiers/${encodeURIComponent(this.s.view?.code ?? this.s.code.trim())}${path}`,
    );
  }

  private fail(where: TrackFailure['where'], err: unknown): void {
    const e = err instanceof ApiError ? err : new ApiError('network', 0, 'network', STRINGS.networkError);
    const message = where === 'lookup' && e.status === 404 ? TRACK_STRINGS.trackNotFound : e.text;
    this.focus = `mc-${where}-error`;
    this.set({ failure: { where, message, network: e.kind === 'network' } });
    this.emit<ErrorDetail>('motcua-error', {
      stage: where,
      kind: e.kind === 'network' ? 'network' : e.kind,
      status: e.status,
      code: e.code,
      message: message.vi,
    });
  }

  /**
   * Downloads one of the dossier's files: fetched with the secret (a header, so never in a URL
   * that history or logs keep), then handed to the browser as a file of its own name.
   */
  async download(fileId: string, name: string, slip = false): Promise<void> {
    const view = this.s.view;
    if (!view) return;
    this.set({ notice: '', failure: null });
    try {
      const res = await fetch(
        apiUrl(
          this.host.server,
          `api/v1/public/dossiers/${encodeURIComponent(view.code)}/${slip ? 'slips' : 'files'}/${encodeURIComponent(fileId)}`,
        ),
        { headers: { 'X-Tracking-Secret': this.s.secret.trim() }, cache: 'no-store' },
      );
      if (!res.ok) throw new ApiError('http', res.status, 'download', STRINGS.httpError);
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      this.host.renderRoot.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      this.emit('motcua-download', { code: view.code, fileId });
    } catch (err) {
      this.fail(
        'download',
        err instanceof ApiError ? err : new ApiError('network', 0, 'network', STRINGS.networkError),
      );
    }
  }

  /** Looks the dossier up with the code and secret typed in. */
  async lookup(): Promise<void> {
    const code = this.s.code.trim();
    const secret = this.s.secret.trim();
    if (!code || !secret) {
      this.focus = code ? 'mc-track-secret' : 'mc-track-code';
      this.set({ notice: '', failure: { where: 'lookup', message: TRACK_STRINGS.trackMissing, network: false } });
      return;
    }
    this.set({ notice: '', busy: true, failure: null });
    try {
      const view = await getJson<TrackingView>(
        apiUrl(this.host.server, `api/v1/public/dossiers/${encodeURIComponent(code)}`),
        { 'X-Tracking-Secret': secret },
        { cache: 'no-store' },
      );
      this.show(view);
      this.focus = 'mc-track-title';
      this.emit('motcua-loaded', { code: view.code, status: view.status });
    } catch (err) {
      this.set({ view: null });
      this.fail('lookup', err);
    } finally {
      this.set({ busy: false });
    }
  }

  private show(view: TrackingView): void {
    this.set({ view, supFiles: new Map(), supIssues: [], withdrawOpen: false });
    void this.offerPayment(view);
    if (view.payment && !payInfoPart.value)
      void payInfoPart.load().then(
        () => this.host.requestUpdate(),
        () => undefined, // the amount alone stays on screen (track-view.ts)
      );
    if (view.supplement && !view.supplement.provided && view.canSupplement && !this.s.procedure)
      void this.loadProcedure(view.procedure.code);
  }

  /** The procedure's document list (titles, accepted types, sizes) for the supplement pickers. */
  private async loadProcedure(code: string): Promise<void> {
    try {
      const p = await getJson<ProcedureView>(
        apiUrl(this.host.server, `api/v1/public/procedures/${encodeURIComponent(code)}`),
      );
      this.set({ procedure: p.procedure });
    } catch {
      this.set({ procedure: null }); // the server still checks every file
    }
  }

  /** The requested document with its file limits; none for a document to show (never uploaded). */
  private requirement(documentId: string): (DocumentRequirement & UploadLimits) | undefined {
    const found = this.s.procedure?.documents.find((d) => d.id === documentId);
    const limits = found && uploadLimits(found);
    return limits ? { ...found, ...limits } : undefined;
  }

  /**
   * Files being read (their type is sniffed from their first bytes, after a module load): a send
   * clicked meanwhile waits for them rather than finding the document still without files.
   */
  private picking: Promise<void> = Promise.resolve();

  private pick(documentId: string, list: FileList): Promise<void> {
    const files = Array.from(list); // the picker empties its list once the change event is handled
    const done = this.picking.then(async () => {
      const picked = await pickFiles(files);
      this.s.supFiles = withFiles(this.s.supFiles, documentId, picked);
      this.set({ supIssues: this.fileIssues() });
    });
    this.picking = done.catch(() => undefined); // one unreadable pick must not hold the next ones
    return done;
  }

  private removeFile(documentId: string, key: number): void {
    this.s.supFiles = withFiles(this.s.supFiles, documentId, [], key);
    this.set({ supIssues: this.fileIssues() });
  }

  /** Core's document checks for the files chosen, against the requested documents' limits. */
  private fileIssues(includeMissing = false): Issue[] {
    const items = this.s.view?.supplement?.items ?? [];
    const issues: Issue[] = [];
    for (const { documentId } of items) {
      if (documentId === undefined) continue;
      const files = this.s.supFiles.get(documentId) ?? [];
      const req = this.requirement(documentId);
      if (!req) {
        if (includeMissing && !files.length) issues.push(missing(documentId, documentId, documentId));
        continue;
      }
      const single = {
        documents: [{ ...req, when: undefined, optional: false, minFiles: Math.max(1, req.minFiles) }],
      } as unknown as Procedure;
      const provided = files.length
        ? { [req.id]: files.map((f) => ({ mediaType: f.mediaType, size: f.file.size, name: f.file.name })) }
        : {};
      const found = checkDocuments(single, {}, { validate: () => [] }, provided);
      issues.push(
        ...(includeMissing ? found : found.filter((i) => i.code !== 'missing-document' && i.code !== 'too-few-files')),
      );
    }
    return issues;
  }

  private async sendSupplement(): Promise<void> {
    if (!this.s.view?.supplement || this.s.busy) return;
    this.set({ busy: true });
    await this.picking;
    this.set({ busy: false });
    const view = this.s.view;
    if (!view?.supplement) return;
    const issues = this.fileIssues(true);
    if (issues.length) {
      this.focus = 'mc-sup-title';
      this.set({ supIssues: issues });
      return;
    }
    const body = new FormData();
    body.append('supplement', JSON.stringify({ comment: this.s.supComment }));
    for (const [id, files] of this.s.supFiles)
      for (const f of files) body.append(`documents.${id}`, f.file, f.file.name);
    this.set({ supIssues: issues, busy: true, failure: null, supProgress: 0 });
    try {
      const res = await send<TrackingView>(this.url('/supplement'), {
        method: 'POST',
        headers: { 'X-Tracking-Secret': this.s.secret.trim() },
        body,
        onProgress: (f) => this.set({ supProgress: f }),
      });
      this.show(res.body);
      this.focus = 'mc-track-notice';
      this.set({ supComment: '', notice: t('trackSupplementSent', this.host.language) });
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) this.set({ supIssues: err.issues });
      this.fail('supplement', err);
    } finally {
      this.set({ busy: false, supProgress: null });
    }
  }

  private async withdraw(): Promise<void> {
    if (this.s.busy) return;
    const reason = this.s.withdrawReason.trim();
    if (!reason) {
      this.focus = 'mc-withdraw-reason';
      this.set({ withdrawInvalid: true });
      return;
    }
    this.set({ busy: true, failure: null });
    try {
      const res = await send<TrackingView>(this.url('/withdrawal'), {
        method: 'POST',
        headers: { 'X-Tracking-Secret': this.s.secret.trim(), 'Content-Type': 'application/json' },
        body: JSON.stringify({ reason }),
      });
      this.show(res.body);
      this.focus = 'mc-track-notice';
      this.set({ withdrawReason: '', notice: t('trackWithdrawRequested', this.host.language) });
    } catch (err) {
      this.fail('withdraw', err);
    } finally {
      this.set({ busy: false });
    }
  }

  render() {
    const s = this.s;
    return trackView({
      lang: this.host.language,
      server: this.host.server,
      code: s.code,
      secret: s.secret,
      view: s.view,
      busy: s.busy,
      failure: s.failure,
      notice: s.notice,
      supFiles: s.supFiles,
      supComment: s.supComment,
      supIssues: s.supIssues,
      supProgress: s.supProgress,
      withdrawOpen: s.withdrawOpen,
      withdrawReason: s.withdrawReason,
      withdrawInvalid: s.withdrawInvalid,
      pay: s.view && this.pay ? this.pay.render() : nothing,
      payInfo: this.payInfo(s.view),
      requirement: (id) => this.requirement(id),
      on: {
        lookup: () => void this.lookup(),
        code: (value) => this.set({ code: value }),
        secret: (value) => this.set({ secret: value }),
        pick: (id, files) => void this.pick(id, files),
        removeFile: (id, key) => this.removeFile(id, key),
        supComment: (value) => this.set({ supComment: value }),
        sendSupplement: () => void this.sendSupplement(),
        openWithdraw: () => {
          this.focus = 'mc-withdraw-reason';
          this.set({ withdrawOpen: true });
        },
        cancelWithdraw: () => this.set({ withdrawOpen: false }),
        withdrawReason: (value) =>
          this.set(value.trim() ? { withdrawReason: value, withdrawInvalid: false } : { withdrawReason: value }),
        withdraw: () => void this.withdraw(),
        download: (id, name, slip) => void this.download(id, name, slip),
      },
    });
  }
}

function missing(id: string, vi: string, en: string): Issue {
  return {
    pointer: `/documents/${id}`,
    code: 'missing-document',
    message: { vi: t('documentMissing', 'vi', { title: vi }), en: t('documentMissing', 'en', { title: en }) },
  };
}
