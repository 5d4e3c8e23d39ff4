import { LitElement, css, html, nothing } from 'lit';
import type { SessionView } from '@motcua/api';
import type { StaffData } from '../data/staff-data.ts';
import { LangController, t } from '../i18n/language.ts';
import { staffStyles } from '../ui/styles.ts';
import { loginFailure } from './login-messages.ts';

/**
 * <motcua-staff-login>: the sign-in form. Event `motcua-signed-in` { session } on success.
 */
export class StaffLogin extends LitElement {
  static override styles = [
    staffStyles,
    css`
      .narrow {
        max-width: 26rem;
        margin: 3rem auto;
      }
    `,
  ];
  static override properties = { data: { attribute: false }, _error: { state: true }, _busy: { state: true } };
  declare data: StaffData;
  declare _error: string;
  declare _busy: boolean;

  constructor() {
    super();
    new LangController(this);
    this._error = '';
    this._busy = false;
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const fields = new FormData(form);
    const username = String(fields.get('username') ?? '').trim();
    const password = String(fields.get('password') ?? '');
    if (!username || !password) {
      this._error = t('fieldRequired', { field: !username ? t('username') : t('password') });
      (form.elements.namedItem(!username ? 'username' : 'password') as HTMLInputElement).focus();
      return;
    }
    this._busy = true;
    this._error = '';
    try {
      const session: SessionView = await this.data.login(username, password);
      this.dispatchEvent(new CustomEvent('motcua-signed-in', { detail: { session }, bubbles: true, composed: true }));
    } catch (err) {
      this._error = loginFailure(err);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#login-error')?.focus();
    } finally {
      this._busy = false;
    }
  }

  override render() {
    return html`<main id="main" class="panel narrow">
      <h1>${t('loginTitle')}</h1>
      <form @submit=${this.submit} novalidate>
        ${this._error ? html`<p id="login-error" class="error" role="alert" tabindex="-1">${this._error}</p>` : nothing}
        <div class="field">
          <label for="username">${t('username')}</label>
          <input
            id="username"
            name="username"
            autocomplete="username"
            required
            autocapitalize="none"
            autocorrect="off"
            spellcheck="false"
          />
        </div>
        <div class="field">
          <label for="password">${t('password')}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </div>
        <button class="primary" type="submit" ?disabled=${this._busy}>
          ${this._busy ? t('signingIn') : t('signIn')}
        </button>
      </form>
    </main>`;
  }
}
