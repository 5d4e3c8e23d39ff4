import { LitElement, html } from 'lit';
import type { Lang } from '@motcua/core';
import { langOf, STRINGS, t, wordsFor } from '../../i18n/strings.ts';
import { theme } from '../../styles/theme.ts';
import { formStyles } from '../../styles/form-styles.ts';
import { lazy } from '../../lazy.ts';
import type { ErrorDetail } from '../form/form-model.ts';
import type { TrackController } from './track-controller.ts';

/** What the element does and shows (track-controller.ts, track-view.ts): a chunk loaded by the first <motcua-track> of a page. */
const trackPart = lazy(() => import('./track-controller.ts'));

/**
 * <motcua-track server="URL" [code="…"] [lang="en"]>: finds a dossier by its code and tracking
 * secret; shows its status, public timeline and due date; lets the applicant send the documents a
 * supplement request asks for, and ask to withdraw. The secret stays in memory only.
 * Events: motcua-loaded ({ code, status }) when a dossier is shown, motcua-error.
 * The element is defined at once; what it does comes in a chunk of its own, so that pages with a
 * form only never download it.
 */
export class MotcuaTrack extends LitElement {
  static override styles = [theme, formStyles];
  static override properties = {
    server: { type: String },
    code: { type: String },
    lang: { type: String, reflect: true },
  };

  declare server: string;
  declare code: string;
  private _ctl: TrackController | null = null;
  /** The chunk could not be fetched (browsers remember that for the page's life). */
  private _unavailable = false;

  constructor() {
    super();
    this.server = '';
    this.code = '';
  }

  get language(): Lang {
    return langOf(this.getAttribute('lang'));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.controller().catch(() => {
      this._unavailable = true;
      this.requestUpdate();
      this.dispatchEvent(
        new CustomEvent<ErrorDetail>('motcua-error', {
          detail: { stage: 'lookup', kind: 'network', status: 0, code: 'network', message: STRINGS.networkError.vi },
          bubbles: true,
          composed: true,
        }),
      );
    });
  }

  private async controller(): Promise<TrackController> {
    const part = await trackPart.load();
    if (!this._ctl) {
      this._ctl = new part.TrackController(this);
      this.requestUpdate();
    }
    return this._ctl;
  }

  /** Looks the dossier up with the code and secret typed in. */
  async lookup(): Promise<void> {
    await (await this.controller()).lookup();
  }

  /** Renders once the words of its language are there (English comes in a chunk of its own). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const words = wordsFor(this.language);
    return words ? words.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override render() {
    if (this._ctl) return this._ctl.render();
    // Until the chunk arrives (one request): an empty, busy box; if it cannot, a visible message.
    return this._unavailable
      ? html`<div class="container" part="container"><div class="alert" role="alert" part="error">${t('trackUnavailable', this.language)}</div></div>`
      : html`<div class="container" part="container" aria-busy="true"></div>`;
  }

  /** Resolves once the element's part is loaded and shown (tests and hosts wait on updateComplete). */
  protected override async getUpdateComplete(): Promise<boolean> {
    await trackPart.load().catch(() => undefined);
    return super.getUpdateComplete();
  }
}
