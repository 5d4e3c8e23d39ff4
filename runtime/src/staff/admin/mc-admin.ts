import { LitElement, html, css, type PropertyValues } from 'lit';
import type { Lang } from '@motcua/core';
import type { Client } from '@motcua/api/client';
import { theme } from '../../styles/theme.ts';
import { adminStyles } from './admin-styles.ts';
import { tr, type StringKey } from '../i18n/language.ts';

/** The screens in tab order: tag name and the i18n key of the tab. */
export const ADMIN_TABS: readonly { tag: string; label: StringKey }[] = [
  { tag: 'mc-admin-agencies', label: 'tabAgencies' },
  { tag: 'mc-admin-staff', label: 'tabStaff' },
  { tag: 'mc-admin-grants', label: 'tabGrants' },
  { tag: 'mc-admin-tokens', label: 'tabTokens' },
  { tag: 'mc-admin-calendars', label: 'tabCalendars' },
  { tag: 'mc-admin-assignments', label: 'tabAssignments' },
];

/**
 * <mc-admin .client .lang [tab="mc-admin-staff"]>: the administration screens as tabs (WAI-ARIA
 * tabs: arrows, Home and End move between them). Only the open screen is in the page, so each
 * loads its data when opened. Emits `mc-admin-tab` ({ tab }) when the user changes tab.
 */
export class AdminTabs extends LitElement {
  static override styles = [
    theme,
    adminStyles,
    css`
      [role='tablist'] {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        border-bottom: 2px solid var(--_border);
        margin-bottom: var(--_space);
      }
      [role='tab'] {
        margin: 0;
        border-bottom: none;
        border-radius: var(--_radius) var(--_radius) 0 0;
      }
      [role='tab'][aria-selected='true'] {
        background: var(--_primary);
        color: var(--_on-primary);
      }
    `,
  ];
  static override properties = {
    client: { attribute: false },
    lang: { type: String, reflect: true },
    tab: { type: String, reflect: true },
  };

  declare client: Client | null;
  declare lang: Lang;
  declare tab: string;

  constructor() {
    super();
    this.client = null;
    this.lang = 'vi';
    this.tab = ADMIN_TABS[0]!.tag;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tab') && !ADMIN_TABS.some((t) => t.tag === this.tab)) this.tab = ADMIN_TABS[0]!.tag;
  }

  private open(tag: string, focus: boolean): void {
    this.tab = tag;
    this.dispatchEvent(new CustomEvent('mc-admin-tab', { detail: { tab: tag }, bubbles: true, composed: true }));
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tag}`)?.focus());
  }

  private onKey(e: KeyboardEvent): void {
    const i = ADMIN_TABS.findIndex((t) => t.tag === this.tab);
    const n = ADMIN_TABS.length;
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % n
        : e.key === 'ArrowLeft'
          ? (i - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    this.open(ADMIN_TABS[next]!.tag, true);
  }

  protected override render() {
    const lang = this.lang === 'en' ? 'en' : 'vi';
    return html`<h1 id="mc-admin-title">${tr(lang, 'adminTitle')}</h1>
      <div role="tablist" aria-labelledby="mc-admin-title" @keydown=${this.onKey}>
        ${ADMIN_TABS.map(
          (t) =>
            html`<button
              type="button"
              role="tab"
              id="tab-${t.tag}"
              aria-selected=${t.tag === this.tab ? 'true' : 'false'}
              aria-controls="panel"
              tabindex=${t.tag === this.tab ? '0' : '-1'}
              @click=${() => this.open(t.tag, false)}
            >
              ${tr(lang, t.label)}
            </button>`,
        )}
      </div>
      <div role="tabpanel" id="panel" aria-labelledby="tab-${this.tab}" tabindex="0">${this.screenFor(this.tab, lang)}</div>`;
  }

  /** One element per tab, kept while it stays open (it holds the user's choices and typed text). */
  private _screens = new Map<string, HTMLElement & { client: Client | null; lang: Lang }>();

  private screenFor(tag: string, lang: Lang) {
    let el = this._screens.get(tag);
    if (!el) {
      el = document.createElement(tag) as HTMLElement & { client: Client | null; lang: Lang };
      this._screens.set(tag, el);
    }
    if (el.lang !== lang) el.lang = lang;
    if (el.client !== this.client) el.client = this.client;
    return el;
  }
}
