/** Staff sign-in with the cookie session (the API client keeps the CSRF token it returns). */
import { html } from 'lit';
import { LightElement } from '../app/light-element.ts';
import { api, errorText, type Lang } from '../app/api.ts';
import { t } from '../i18n/strings.ts';

export class LoginScreen extends LightElement {
  static override properties = { lang: {}, notice: {}, error: { state: true }, busy: { state: true } };
  declare lang: Lang;
  declare notice: string;
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    this.lang = 'vi';
    this.notice = '';
    this.error = '';
    this.busy = false;
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    this.busy = true;
    this.error = '';
    try {
      const session = await api.login({
        username: String(data.get('username')),
        password: String(data.get('password')),
      });
      this.dispatchEvent(new CustomEvent('signed-in', { detail: session }));
    } catch (err) {
      this.error = errorText(err, this.lang);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const lang = this.lang;
    return html`
      <section class="card narrow" aria-labelledby="login-title">
        <h1 id="login-title">${t(lang, 'signIn')}</h1>
        ${this.notice ? html`<p role="status">${this.notice}</p>` : ''}
        <form @submit=${this.#submit}>
          <label>${t(lang, 'username')} <input name="username" autocomplete="username" required /></label>
          <label
            >${t(lang, 'password')} <input name="password" type="password" autocomplete="current-password" required
          /></label>
          ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
          <button class="primary" type="submit" ?disabled=${this.busy}>${t(lang, 'signIn')}</button>
        </form>
      </section>
    `;
  }
}

customElements.define('mc-login-screen', LoginScreen);
