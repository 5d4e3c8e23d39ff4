import { LitElement, html, nothing } from 'lit';
import type { StaffData } from '../data/staff-data.ts';
import { LangController, t } from '../i18n/language.ts';
import { staffStyles } from '../ui/styles.ts';
import { loginFailure } from './login-messages.ts';

/**
 * <motcua-staff-relogin>: the modal dialog shown when the session ends mid-work. The page behind it
 * stays as it was (typed text included); once signed in again, the failed call is retried.
 */
export class StaffRelogin extends LitElement {
  static override styles = staffStyles;
  static override properties = {
    data: { attribute: false },
    username: { type: String },
    _error: { state: true },
    _busy: { state: true },
    _open: { state: true },
  };
  declare data: StaffData;
  declare username: string;
  declare _error: string;
  declare _busy: boolean;
  declare _open: boolean;
  private pending: { resolve: () => void; reject: (e: Error) => void } | null = null;

  constructor() {
    super();
    new LangController(this);
    this.username = '';
    this._error = '';
    this._busy = false;
    this._open = false;
  }

  /** Shows the dialog; resolves once the same person has signed in again. */
  ask(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this._error = '';
      this._open = true;
      void this.updateComplete.then(() => {
        const dialog = this.renderRoot.querySelector('dialog')!;
        if (!dialog.open) dialog.showModal();
        this.renderRoot.querySelector<HTMLInputElement>('#relogin-password')?.focus();
      });
    });
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const fields = new FormData(form);
    const username = String(fields.get('username') ?? '').trim();
    const password = String(fields.get('password') ?? '');
    if (!username || !password) {
      this._error = t('fieldRequired', { field: !username ? t('username') : t('password') });
      return;
    }
    this._busy = true;
    try {
      const session = await this.data.login(username, password);
      form.reset();
      this.renderRoot.querySelector('dialog')!.close();
      this._open = false;
      // Someone else at this computer: what is on screen is not theirs to continue.
      if (session.staff.username !== this.username) location.reload();
      const p = this.pending;
      this.pending = null;
      p?.resolve();
    } catch (err) {
      this._error = loginFailure(err);
    } finally {
      this._busy = false;
    }
  }

  /** Escape would leave the work stuck: the dialog stays until the person signs in. */
  private onCancel(e: Event) {
    e.preventDefault();
  }

  override render() {
    // Closed, the dialog holds nothing: no second sign-in form for assistive technology to find.
    if (!this._open) return html`<dialog></dialog>`;
    return html`<dialog aria-labelledby="relogin-title" aria-describedby="relogin-text" @cancel=${this.onCancel}>
      <h2 id="relogin-title">${t('sessionEndedTitle')}</h2>
      <p id="relogin-text">${t('sessionEndedText')}</p>
      <form @submit=${this.submit} novalidate>
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
        <div class="field">
          <label for="relogin-username">${t('username')}</label>
          <input id="relogin-username" name="username" autocomplete="username" .value=${this.username} />
          <span class="hint">${t('reloginAsOther')}</span>
        </div>
        <div class="field">
          <label for="relogin-password">${t('password')}</label>
          <input id="relogin-password" name="password" type="password" autocomplete="current-password" />
        </div>
        <button class="primary" type="submit" ?disabled=${this._busy}>${t('signIn')}</button>
      </form>
    </dialog>`;
  }
}
