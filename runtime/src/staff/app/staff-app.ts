import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import type { SessionView } from '@motcua/api';
import { ApiError } from '@motcua/api/client';
import type { StaffData } from '../data/staff-data.ts';
import { createClientData } from '../data/client-data.ts';
import { LangController, lang, msg, setLang, t } from '../i18n/language.ts';
import { staffStyles } from '../ui/styles.ts';
import { BASE, onLinkClick, paths } from '../ui/navigate.ts';
import { refusalText } from '../ui/refusal.ts';
import type { StaffRelogin } from '../session/staff-relogin.ts';
import type { StaffPassword } from '../session/staff-password.ts';
import type { StaffInbox } from '../inbox/staff-inbox.ts';
import { routeOf, type Route } from './routes.ts';
import { landingOf } from './landing.ts';
import { loadDossierScreen, loadIntakeScreen, loadOversightScreen, prefetchScreens } from './screens.ts';

type LazyScreen = 'dossier' | 'intake' | 'oversight';
const LAZY_SCREENS: Record<LazyScreen, () => Promise<void>> = {
  dossier: loadDossierScreen,
  intake: loadIntakeScreen,
  oversight: loadOversightScreen,
};
const isLazy = (screen: Route['screen']): screen is LazyScreen => screen in LAZY_SCREENS;

/**
 * <motcua-staff-app>: the whole workspace — sign-in, the header (agency, language, password,
 * sign-out) and the screens by URL under /staff. `data` defaults to the typed client of this
 * origin; a session that ends mid-work opens the re-login dialog and the call is retried.
 */
export class StaffApp extends LitElement {
  static override styles = [
    staffStyles,
    css`
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 1.5rem;
        align-items: center;
        justify-content: space-between;
        padding: 0.5rem 1rem;
        background: var(--_primary);
        color: var(--_on-primary);
      }
      header a,
      header button {
        color: var(--_on-primary);
        border-color: var(--_on-primary);
        background: transparent;
      }
      /* A line of text alone is too small a target for a finger. */
      header nav a {
        display: inline-block;
        padding: 0.4rem 0;
        margin-inline-end: 1rem;
      }
      header nav a[aria-current='page'] {
        font-weight: 700;
      }
      header select {
        min-width: 12rem;
        /* The header's light text would otherwise make the chosen agency invisible in its white box. */
        color: var(--_text);
        background: var(--_bg);
      }
      header label {
        font-weight: 400;
      }
      .brand {
        font-weight: 700;
        margin: 0;
        font-size: 1.1rem;
      }
      .content {
        padding: 1rem;
        max-width: 110rem;
        margin: 0 auto;
      }
      .skip {
        position: absolute;
        left: -999px;
        top: 0;
        background: var(--_bg);
        color: var(--_primary);
        padding: 0.5rem;
        z-index: 10;
      }
      @media print {
        header,
        .skip {
          display: none;
        }
      }
      .skip:focus {
        left: 0.5rem;
      }
    `,
  ];
  static override properties = {
    data: { attribute: false },
    _session: { state: true },
    _agency: { state: true },
    _agencyNames: { state: true },
    _route: { state: true },
    _starting: { state: true },
    _error: { state: true },
    _loaded: { state: true },
  };
  declare data: StaffData;
  declare _session: SessionView | null;
  declare _agency: string;
  /** The names of the agencies offered, by code, once the directory has answered (codes until then). */
  declare _agencyNames: ReadonlyMap<string, { vi: string; en?: string }>;
  declare _route: Route;
  declare _starting: boolean;
  declare _error: string;
  /** The lazily loaded screens whose elements are defined. */
  declare _loaded: ReadonlySet<LazyScreen>;

  constructor() {
    super();
    new LangController(this);
    this.data = createClientData({ reauthenticate: () => this.relogin() });
    this._session = null;
    this._agency = '';
    this._agencyNames = new Map();
    this._route = routeOf(location.pathname);
    this._starting = true;
    this._error = '';
    this._loaded = new Set();
    this.addEventListener('motcua-navigate', (e) => this.go((e as CustomEvent<{ path: string }>).detail.path));
    this.addEventListener('motcua-signed-in', (e) =>
      this.signedIn((e as CustomEvent<{ session: SessionView }>).detail.session),
    );
  }

  private readonly onPop = () => (this._route = routeOf(location.pathname));

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = lang();
    addEventListener('popstate', this.onPop);
    void this.resume();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.onPop);
  }

  private async resume() {
    try {
      this.signedIn(await this.data.session());
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) this._error = refusalText(e);
    } finally {
      this._starting = false;
    }
  }

  /**
   * A screen whose code comes on first use: drawn once its elements are defined (so that they get
   * their properties as defined elements), a loading line meanwhile. A failure (offline) is said,
   * and tried again on the next visit.
   */
  private lazyScreen(name: LazyScreen, content: () => TemplateResult) {
    if (this._loaded.has(name)) return content();
    void this.screenReady(name);
    return html`<main id="main" tabindex="-1"><p role="status">${t('loading')}</p></main>`;
  }

  private async screenReady(name: LazyScreen | null): Promise<void> {
    if (!name || this._loaded.has(name)) return;
    try {
      await LAZY_SCREENS[name]();
      if (!this._loaded.has(name)) this._loaded = new Set([...this._loaded, name]);
      this._error = '';
    } catch (e) {
      this._error = refusalText(e);
    }
  }

  private signedIn(session: SessionView) {
    this._session = session;
    const agencies = this.agencies();
    if (!agencies.includes(this._agency)) this._agency = agencies[0] ?? session.staff.agencyCode;
    // A clerk knows the office by its name, not by its code in the national list.
    void this.data
      .agenciesWithin(session.staff.agencyCode)
      .then((list) => (this._agencyNames = new Map(list.map((a) => [a.code, a.name]))))
      .catch(() => undefined);
    this._starting = false;
    // Once the first screen is drawn (the inbox: with its rows), the dossier page is fetched ahead
    // while the clerk reads the list; before, its code would compete with the rows.
    void this.updateComplete
      .then(() => this.renderRoot.querySelector<StaffInbox>('motcua-staff-inbox')?.drawn)
      .then(prefetchScreens);
  }

  /** The agencies where the person holds a role, their own first. */
  private agencies(): string[] {
    const s = this._session;
    if (!s) return [];
    return [...new Set([s.staff.agencyCode, ...s.staff.roles.map((r) => r.agency)])];
  }

  private relogin(): Promise<void> {
    return this.renderRoot.querySelector<StaffRelogin>('motcua-staff-relogin')!.ask();
  }

  private go(path: string) {
    if (!path.startsWith(BASE)) return;
    if (path !== location.pathname + location.search) history.pushState(null, '', path);
    this._route = routeOf(path);
    const lazy = isLazy(this._route.screen) ? this._route.screen : null;
    void this.screenReady(lazy)
      .then(() => this.updateComplete)
      .then(() => {
        const screen = this.renderRoot.querySelector('.content > :not(.error)') as LitElement | null;
        void (screen?.updateComplete ?? Promise.resolve()).then(() =>
          (screen?.shadowRoot?.querySelector('#main') as HTMLElement | null)?.focus({ preventScroll: false }),
        );
      });
  }

  private async signOut() {
    await this.data.logout();
    this._session = null;
    // The next person at the counter types at once; focus would otherwise be lost with the button.
    await this.updateComplete;
    const login = this.renderRoot.querySelector<LitElement>('motcua-staff-login');
    await login?.updateComplete;
    login?.shadowRoot?.querySelector<HTMLInputElement>('#username')?.focus();
  }

  private renderHeader(s: SessionView) {
    const agencies = this.agencies();
    const route = this._route.screen;
    const landing = landingOf(s.staff.roles);
    return html`<header>
      <p class="brand">${t('appTitle')}</p>
      <nav aria-label=${t('mainNav')}>
        <a href=${paths.inbox()} @click=${onLinkClick} aria-current=${route === 'inbox' ? 'page' : 'false'}
          >${landing.inbox ? t('navInbox') : t('navHome')}</a
        >
        ${
          landing.intake
            ? html`<a href=${paths.intake()} @click=${onLinkClick} aria-current=${route === 'intake' ? 'page' : 'false'}
              >${t('navIntake')}</a
            >`
            : nothing
        }
        ${
          landing.oversight
            ? html`<a
              href=${paths.oversight()}
              @click=${onLinkClick}
              aria-current=${route === 'oversight' ? 'page' : 'false'}
              >${t('navOversight')}</a
            >`
            : nothing
        }
        <a href=${paths.admin()} @click=${onLinkClick} aria-current=${route === 'admin' ? 'page' : 'false'}
          >${t('navAdmin')}</a
        >
      </nav>
      <div class="row">
        <label for="agency">${t('agency')}</label>
        <select id="agency" @change=${(e: Event) => (this._agency = (e.target as HTMLSelectElement).value)}>
          ${agencies.map(
            (a) =>
              html`<option value=${a} ?selected=${a === this._agency}>${msg(this._agencyNames.get(a)) || a}</option>`,
          )}
        </select>
        <span>${t('signedInAs', { name: s.staff.fullName })}</span>
        <button type="button" lang=${lang() === 'vi' ? 'en' : 'vi'} @click=${() => setLang(lang() === 'vi' ? 'en' : 'vi')}>
          ${t('language')}
        </button>
        <button type="button" @click=${() => this.renderRoot.querySelector<StaffPassword>('motcua-staff-password')!.open()}>
          ${t('changePassword')}
        </button>
        <button type="button" @click=${this.signOut}>${t('signOut')}</button>
      </div>
    </header>`;
  }

  private renderScreen() {
    const r = this._route;
    switch (r.screen) {
      case 'inbox': {
        const landing = landingOf(this._session?.staff.roles ?? []);
        if (!landing.inbox)
          return html`<motcua-staff-home .landing=${landing} .name=${this._session?.staff.fullName ?? ''}></motcua-staff-home>`;
        return html`<motcua-staff-inbox
          .data=${this.data}
          .agency=${this._agency}
          .queue=${r.queue ?? ''}
          .user=${this._session?.staff.username ?? ''}
        ></motcua-staff-inbox>`;
      }
      case 'dossier':
        return this.lazyScreen(
          'dossier',
          () => html`<motcua-staff-dossier .data=${this.data} .code=${r.code}></motcua-staff-dossier>`,
        );
      case 'intake':
        return this.lazyScreen(
          'intake',
          () =>
            html`<motcua-staff-intake
              .data=${this.data}
              .agency=${this._agency}
              .office=${msg(this._agencyNames.get(this._agency)) || this._agency}
              .clerk=${this._session?.staff.fullName ?? ''}
            ></motcua-staff-intake>`,
        );
      case 'oversight':
        return this.lazyScreen(
          'oversight',
          () =>
            html`<motcua-staff-oversight
              .data=${this.data}
              .agency=${this._agency}
              .search=${location.search}
            ></motcua-staff-oversight>`,
        );
      case 'admin':
        // The administration screens are their own chunk: clerks who never open them never load them.
        void import('../admin/index.ts');
        return html`<main id="main" tabindex="-1">
          <mc-admin
            .client=${this.data.client}
            .lang=${lang()}
            @mc-admin-session-expired=${() => void this.relogin()}
          ></mc-admin>
        </main>`;
      default:
        return html`<main id="main" tabindex="-1"><h1>${t('notFound')}</h1>
          <a href=${paths.inbox()} @click=${onLinkClick}>${t('backToInbox')}</a></main>`;
    }
  }

  override render() {
    if (this._starting) return html`<p role="status">${t('loading')}</p>`;
    const s = this._session;
    return html`<a class="skip" href="#main" @click=${this.skip}>${t('skipToMain')}</a>
      ${
        s
          ? html`${this.renderHeader(s)}
            <div class="content">
              ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}${this.renderScreen()}
            </div>`
          : html`${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
            <motcua-staff-login .data=${this.data}></motcua-staff-login>`
      }
      <motcua-staff-relogin .data=${this.data} .username=${s?.staff.username ?? ''}></motcua-staff-relogin>
      <motcua-staff-password .data=${this.data}></motcua-staff-password>`;
  }

  /** The skip link's target is inside a screen's shadow root, which a fragment link cannot reach. */
  private skip(e: Event) {
    e.preventDefault();
    const screen = this.renderRoot.querySelector('.content > :not(.error), motcua-staff-login');
    (screen?.shadowRoot?.querySelector('#main') as HTMLElement | null)?.focus();
  }
}
