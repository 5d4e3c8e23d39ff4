import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { pick, type Lang } from '@motcua/core';
import type { AgencyView, SessionView } from '@motcua/api';
import { ApiError, NetworkError, SessionExpiredError, type Client, type ErrorBody } from '@motcua/api/client';
import { theme } from '../../styles/theme.ts';
import { adminStyles } from './admin-styles.ts';
import { AdminConfirm } from './confirm-dialog.ts';
import { tr, type StringKey } from '../i18n/language.ts';
import { define } from '../../elements/define.ts';

define('mc-admin-confirm', AdminConfirm);

/** A failure shown to the user: the server's message and its issues (field paths), or a network one. */
export interface ShownError {
  message: string;
  issues: { pointer: string; label: string | null; message: string }[];
}

/**
 * What every administration screen shares (events: `mc-admin-session-expired` when a call finds
 * the session ended): the `client` (signed in) and `lang` properties, one
 * action at a time with its outcome announced (errors in an alert with each issue's field, the
 * fields marked invalid; success in a status region), the confirmation of destructive actions,
 * and the agency list most screens choose from.
 */
export class AdminScreen extends LitElement {
  static override styles = [theme, adminStyles];
  static override properties = {
    client: { attribute: false },
    lang: { type: String, reflect: true },
    busy: { state: true },
    error: { state: true },
    status: { state: true },
    agencies: { state: true },
    me: { state: true },
  };

  declare client: Client | null;
  declare lang: Lang;
  declare busy: boolean;
  declare error: ShownError | null;
  declare status: string;
  declare agencies: AgencyView[];
  /** The signed-in account (its agency is where the screens start). */
  declare me: SessionView['staff'] | null;
  /** The form whose fields the last error points at. */
  private _errorForm: Element | null = null;

  constructor() {
    super();
    this.client = null;
    this.lang = 'vi';
    this.busy = false;
    this.error = null;
    this.status = '';
    this.agencies = [];
    this.me = null;
  }

  protected t(key: StringKey, values?: Record<string, string | number>): string {
    return tr(this.lang === 'en' ? 'en' : 'vi', key, values);
  }

  protected text(v: { vi: string; en?: string } | null | undefined): string {
    return v ? pick(v, this.lang === 'en' ? 'en' : 'vi') : '';
  }

  protected agencyName(code: string | null | undefined): string {
    if (!code) return '';
    const a = this.agencies.find((x) => x.code === code);
    return a ? `${this.text(a.name)} (${code})` : code;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') && this.client) void this.start();
  }

  private async start(): Promise<void> {
    try {
      this.me = (await this.client!.session()).staff;
    } catch {
      // Not signed in any more: the call that follows shows why (the host handles expiry).
      this.me = null;
    }
    await this.load();
  }

  /** Loads what the screen shows; screens override (and call `loadAgencies` when they need it). */
  protected async load(): Promise<void> {}

  protected async loadAgencies(active?: boolean): Promise<void> {
    const res = await this.client!.get('/api/v1/agencies', { query: active === undefined ? {} : { active } });
    this.agencies = res.items;
  }

  /**
   * Runs one action: clears the last outcome, marks the screen busy, shows the error (with the
   * fields of `form` its issues point at) or the `done` message. Returns undefined on failure.
   */
  protected async act<T>(
    run: () => Promise<T>,
    options: {
      form?: Element | null;
      done?: (value: T) => string;
      /** Reloads what changed under the user when the server answers 409 (a stale revision). */
      onConflict?: () => Promise<void>;
    } = {},
  ): Promise<T | undefined> {
    this.error = null;
    this.status = '';
    this.busy = true;
    this._errorForm = options.form ?? null;
    try {
      const value = await run();
      if (options.done) this.status = options.done(value);
      return value;
    } catch (err) {
      // The host signs the person in again (what they typed stays on screen; they retry).
      if (err instanceof SessionExpiredError)
        this.dispatchEvent(new CustomEvent('mc-admin-session-expired', { bubbles: true, composed: true }));
      const shown = this.shown(err);
      if (err instanceof ApiError && err.status === 409 && options.onConflict) {
        try {
          await options.onConflict();
          shown.message = `${shown.message} ${this.t('reloadedAfterConflict')}`;
        } catch {
          // The reload failed too: the first error is the one to show.
        }
      }
      this.error = shown;
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  /**
   * True (and the missing fields listed, marked invalid and announced like a server's issues) when
   * a required field of `form` is empty. Fields point at their `data-pointer`, else `/body/<name>`.
   */
  protected missing(form: HTMLFormElement, names: readonly string[]): boolean {
    const empty = names
      .map((n) => form.elements.namedItem(n) as HTMLInputElement | HTMLSelectElement | null)
      .filter((el): el is HTMLInputElement | HTMLSelectElement => !!el && !el.value.trim());
    if (!empty.length) return false;
    const required = this.t('required');
    const issues = empty.map((el) => {
      el.dataset.pointer ??= `/body/${el.name}`;
      const label = (el.labels?.[0]?.textContent ?? el.name).replace(required, '').replace(/\s+/g, ' ').trim();
      return { pointer: el.dataset.pointer, label, message: this.t('requiredShort') };
    });
    this.fail(this.t('fieldsMissing', { field: issues.map((i) => i.label).join(', ') }), issues, form);
    return true;
  }

  /** Shows a problem found before asking the server (a missing field), like a server's issue. */
  protected fail(message: string, issues: ShownError['issues'] = [], form?: Element | null): void {
    this._errorForm = form ?? null;
    this.status = '';
    this.error = { message, issues };
  }

  private shown(err: unknown): ShownError {
    if (err instanceof ApiError) return this.fromBody(err.body);
    if (err instanceof NetworkError) return { message: this.t('networkError'), issues: [] };
    return { message: err instanceof Error ? err.message : String(err), issues: [] };
  }

  private fromBody(body: ErrorBody): ShownError {
    const lang = this.lang === 'en' ? 'en' : 'vi';
    return {
      message: pick(body.error.message, lang),
      issues: (body.error.issues ?? []).map((i) => ({
        pointer: i.pointer,
        label: this.fieldOf(i.pointer)?.label ?? null,
        message: pick(i.message, lang),
      })),
    };
  }

  /** The field of the acting form whose `data-pointer` is the issue's pointer (or its nearest parent). */
  private fieldOf(pointer: string): { el: HTMLElement; label: string } | null {
    const form = this._errorForm;
    if (!form) return null;
    for (let p = pointer; p && p !== '/body'; p = p.slice(0, p.lastIndexOf('/'))) {
      const el = form.querySelector<HTMLElement>(`[data-pointer="${CSS.escape(p)}"]`);
      if (el) {
        const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? p;
        return { el, label: label.replace(/\s+/g, ' ').trim() };
      }
    }
    return null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('error')) return;
    for (const el of this.renderRoot.querySelectorAll('[aria-invalid="true"][data-pointer]')) {
      el.removeAttribute('aria-invalid');
    }
    if (!this.error) return;
    for (const issue of this.error.issues) {
      const field = this.fieldOf(issue.pointer);
      if (field) field.el.setAttribute('aria-invalid', 'true');
    }
    this.renderRoot.querySelector<HTMLElement>('#mc-admin-errors')?.focus();
  }

  /** Asks before a destructive action (a modal dialog); resolves true when confirmed. */
  protected async confirm(message: string): Promise<boolean> {
    const returnTo = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    const dialog = document.createElement('mc-admin-confirm') as AdminConfirm;
    dialog.lang = this.lang === 'en' ? 'en' : 'vi';
    this.renderRoot.appendChild(dialog);
    try {
      return await dialog.ask(message, returnTo);
    } finally {
      dialog.remove();
    }
  }

  /** The error summary (announced, focused) and the status line (polite). */
  protected renderFeedback() {
    return html`${
      this.error
        ? html`<div class="errors" id="mc-admin-errors" role="alert" tabindex="-1">
            <h2>${this.t('errorTitle')}</h2>
            <p>${this.error.message}</p>
            ${
              this.error.issues.length
                ? html`<ul>
                  ${this.error.issues.map(
                    (i) =>
                      html`<li>
                        <strong>${i.label ?? `${this.t('errorField')} ${i.pointer}`}</strong>: ${i.message}
                        ${i.label ? html`<span class="hint">(${i.pointer})</span>` : nothing}
                      </li>`,
                  )}
                </ul>`
                : nothing
            }
          </div>`
        : nothing
    }
      <p class="status" role="status" aria-live="polite">${this.busy ? this.t('saving') : this.status}</p>`;
  }

  /**
   * A wide table in a region that scrolls sideways on a narrow screen (a counter's tablet): named
   * and focusable, so that keyboard users can scroll it too.
   */
  protected scrollable(label: string, table: unknown) {
    return html`<div class="scroll" role="region" aria-label=${label} tabindex="0">${table}</div>`;
  }

  /** A select of the agencies (active ones unless `all`), labelled. */
  protected agencySelect(
    id: string,
    label: string,
    value: string,
    onChange: (code: string) => void,
    options: { all?: boolean; name?: string; pointer?: string; exclude?: (a: AgencyView) => boolean } = {},
  ) {
    const list = this.agencies.filter((a) => (options.all || a.active) && !options.exclude?.(a));
    return html`<label for=${id}>${label}</label>
      <select
        id=${id}
        name=${options.name ?? id}
        data-pointer=${options.pointer ?? nothing}
        .value=${value}
        @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${value === ''}>${this.t('chooseAgency')}</option>
        ${list.map(
          (a) => html`<option value=${a.code} ?selected=${a.code === value}>${this.text(a.name)} (${a.code})</option>`,
        )}
      </select>`;
  }
}

/** The value of a named field of a form ('' when absent). */
export function fieldValue(form: HTMLFormElement, name: string): string {
  const el = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  return el ? el.value.trim() : '';
}
