/**
 * The designer's shell: who is signed in (the staff cookie session), which page is open (the URL
 * hash: #/ the procedure list, #/p/<code>/<section> a procedure), and the language.
 */
import { html } from 'lit';
import type { SessionView } from '@motcua/api';
import { LightElement } from '../app/light-element.ts';
import { api, type Lang } from '../app/api.ts';
import { t } from '../i18n/strings.ts';
import type { SectionId } from '../app/sections.ts';
import '../screens/login-screen.ts';
import '../screens/procedure-list.ts';
import '../screens/procedure-workspace.ts';

interface Route {
  code?: string;
  section?: SectionId;
}

export function parseRoute(hash: string): Route {
  const m = /^#\/p\/([^/]+)(?:\/([a-z]+))?/.exec(hash);
  if (!m) return {};
  return { code: decodeURIComponent(m[1]!), section: (m[2] as SectionId | undefined) ?? 'general' };
}

export class DesignerApp extends LightElement {
  static override properties = {
    session: { state: true },
    lang: { state: true },
    route: { state: true },
    checking: { state: true },
    notice: { state: true },
  };
  declare session: SessionView | null;
  declare lang: Lang;
  declare route: Route;
  declare checking: boolean;
  declare notice: string;

  constructor() {
    super();
    this.session = null;
    this.lang = localStorage.getItem('motcua.designer.lang') === 'en' ? 'en' : 'vi';
    this.route = parseRoute(location.hash);
    this.checking = true;
    this.notice = '';
  }

  readonly #onHash = () => {
    this.route = parseRoute(location.hash);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHash);
    api.onSessionExpired(() => {
      this.session = null;
      this.notice = t(this.lang, 'sessionExpired');
    });
    void api
      .session()
      .then((s) => (this.session = s))
      .catch(() => (this.session = null))
      .finally(() => (this.checking = false));
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.#onHash);
    super.disconnectedCallback();
  }

  protected override updated(): void {
    document.documentElement.lang = this.lang;
    document.title = `${t(this.lang, 'appTitle')} — motcua`;
  }

  #toggleLang() {
    this.lang = this.lang === 'vi' ? 'en' : 'vi';
    localStorage.setItem('motcua.designer.lang', this.lang);
  }

  async #signOut() {
    await api.logout().catch(() => undefined);
    this.session = null;
  }

  override render() {
    const lang = this.lang;
    const s = this.session;
    return html`
      <header class="topbar">
        <a class="brand" href="#/">${t(lang, 'appTitle')}</a>
        <span class="spacer"></span>
        ${s ? html`<span class="who">${t(lang, 'signedInAs', s.staff.fullName)}</span>` : ''}
        <button type="button" lang=${lang === 'vi' ? 'en' : 'vi'} @click=${this.#toggleLang}>${t(lang, 'switchLang')}</button>
        ${s ? html`<button type="button" @click=${this.#signOut}>${t(lang, 'signOut')}</button>` : ''}
      </header>
      <main id="main">${this.#page()}</main>
    `;
  }

  #page() {
    const lang = this.lang;
    if (this.checking) return html`<p role="status">${t(lang, 'loading')}</p>`;
    if (!this.session)
      return html`<mc-login-screen
        .lang=${lang}
        .notice=${this.notice}
        @signed-in=${(e: CustomEvent<SessionView>) => {
          this.session = e.detail;
          this.notice = '';
        }}
      ></mc-login-screen>`;
    const agencies = [...new Set(this.session.staff.roles.filter((r) => r.role === 'designer').map((r) => r.agency))];
    if (agencies.length === 0) return html`<p role="alert">${t(lang, 'noDesignerRole')}</p>`;
    if (this.route.code)
      return html`<mc-procedure-workspace
        .lang=${lang}
        .code=${this.route.code}
        .section=${this.route.section ?? 'general'}
      ></mc-procedure-workspace>`;
    return html`<mc-procedure-list .lang=${lang} .agencies=${agencies}></mc-procedure-list>`;
  }
}

customElements.define('mc-designer-app', DesignerApp);
