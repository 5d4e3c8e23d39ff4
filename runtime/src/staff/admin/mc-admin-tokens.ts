import { html, nothing } from 'lit';
import type { ApiTokenInfo, StaffView } from '@motcua/api';
import { ApiError } from '@motcua/api/client';
import { AdminScreen, fieldValue } from './admin-screen.ts';

/**
 * <mc-admin-tokens .client .lang>: the API tokens of an account (integrations sign in with them).
 * A new token's secret is shown once, in memory only, until dismissed; revoking is confirmed.
 * The list never holds secrets (the server keeps only their hash).
 */
export class AdminTokens extends AdminScreen {
  static override properties = {
    ...AdminScreen.properties,
    agency: { type: String },
    staffId: { state: true },
    staff: { state: true },
    tokens: { state: true },
    secret: { state: true },
  };

  declare agency: string;
  declare staffId: string;
  declare staff: StaffView[];
  declare tokens: ApiTokenInfo[];
  /** The secret of the token just created: shown once. */
  declare secret: { name: string; token: string } | null;

  constructor() {
    super();
    this.agency = '';
    this.staffId = '';
    this.staff = [];
    this.tokens = [];
    this.secret = null;
  }

  protected override async load(): Promise<void> {
    await this.act(async () => {
      await this.loadAgencies(true);
      if (!this.agency && this.me) {
        this.agency = this.me.agencyCode;
        this.staffId = this.me.id;
      }
      if (this.agency) await this.loadStaff();
      if (this.staffId) await this.loadTokens();
    });
  }

  /** The accounts of the agency and below; staff who do not administer it see their own account only. */
  private async loadStaff(): Promise<void> {
    try {
      const res = await this.client!.get('/api/v1/agencies/{agencyCode}/staff', {
        params: { agencyCode: this.agency },
        query: { subtree: true },
      });
      this.staff = res.items;
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 403)) throw err;
      this.staff = [];
    }
  }

  /** The accounts to choose from: the agency's, and one's own (anyone manages their own tokens). */
  private get accounts(): { id: string; username: string; fullName: string }[] {
    const me = this.me;
    return me && !this.staff.some((s) => s.id === me.id) ? [me, ...this.staff] : this.staff;
  }

  private async loadTokens(): Promise<void> {
    const res = await this.client!.get('/api/v1/staff/{staffId}/tokens', { params: { staffId: this.staffId } });
    this.tokens = res.items;
  }

  private async chooseAgency(code: string): Promise<void> {
    this.agency = code;
    this.staffId = '';
    this.staff = [];
    this.tokens = [];
    this.secret = null;
    if (code) await this.act(() => this.loadStaff());
  }

  private async chooseStaff(id: string): Promise<void> {
    this.staffId = id;
    this.tokens = [];
    this.secret = null;
    if (id) await this.act(() => this.loadTokens());
  }

  private date(iso: string | null, empty: string): string {
    return iso ? new Date(iso).toLocaleString(this.lang === 'en' ? 'en-GB' : 'vi-VN') : empty;
  }

  private async create(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    if (this.missing(form, ['name'])) return;
    const name = fieldValue(form, 'name');
    const day = fieldValue(form, 'expiresOn');
    // The end of the chosen day, in the browser's zone (the clerk's own day).
    const expiresAt = day ? new Date(`${day}T23:59:59`).toISOString() : undefined;
    const created = await this.act(
      () =>
        this.client!.post('/api/v1/staff/{staffId}/tokens', {
          params: { staffId: this.staffId },
          body: { name, ...(expiresAt ? { expiresAt } : {}) },
        }),
      { form },
    );
    if (!created) return;
    form.reset();
    this.secret = { name: created.name, token: created.token };
    await this.act(() => this.loadTokens());
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#t-secret')?.focus();
  }

  private async revoke(t: ApiTokenInfo): Promise<void> {
    if (!(await this.confirm(this.t('confirmRevokeToken', { name: t.name })))) return;
    const done = await this.act(
      () =>
        this.client!.delete('/api/v1/staff/{staffId}/tokens/{tokenId}', {
          params: { staffId: this.staffId, tokenId: t.id },
        }),
      { done: () => this.t('tokenRevoked', { name: t.name }) },
    );
    if (done) {
      const status = this.status;
      await this.act(() => this.loadTokens());
      if (!this.error) this.status = status;
    }
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.secret!.token);
      this.status = this.t('copied');
    } catch {
      // No clipboard permission: the code stays selectable.
      const range = document.createRange();
      range.selectNodeContents(this.renderRoot.querySelector('#t-secret code')!);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }
  }

  private renderSecret() {
    if (!this.secret) return nothing;
    return html`<div class="secret" id="t-secret" tabindex="-1" role="region" aria-labelledby="t-secret-title">
      <p id="t-secret-title"><strong>${this.secret.name}</strong> — ${this.t('tokenShownOnce')}</p>
      <code>${this.secret.token}</code>
      <button type="button" @click=${this.copy}>${this.t('copy')}</button>
      <button type="button" @click=${() => (this.secret = null)}>${this.t('hideToken')}</button>
    </div>`;
  }

  private renderTokens() {
    if (!this.tokens.length) return html`<p>${this.t('noTokens')}</p>`;
    return this.scrollable(
      this.t('tokenList'),
      html`<table>
      <caption>
        ${this.t('tokenList')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${this.t('tokenName')}</th>
          <th scope="col">${this.t('createdAt')}</th>
          <th scope="col">${this.t('expiresAt')}</th>
          <th scope="col">${this.t('lastUsedAt')}</th>
          <th scope="col">${this.t('status')}</th>
          <th scope="col">${this.t('actions')}</th>
        </tr>
      </thead>
      <tbody>
        ${this.tokens.map(
          (t) =>
            html`<tr>
              <th scope="row">${t.name}</th>
              <td>${this.date(t.createdAt, '')}</td>
              <td>${this.date(t.expiresAt, this.t('noExpiry'))}</td>
              <td>${this.date(t.lastUsedAt, this.t('never'))}</td>
              <td>${t.revokedAt ? this.t('revoked', { at: this.date(t.revokedAt, '') }) : this.t('valid')}</td>
              <td>
                ${
                  t.revokedAt
                    ? nothing
                    : html`<button
                      type="button"
                      class="danger"
                      aria-label=${this.t('revokeNamed', { name: t.name })}
                      ?disabled=${this.busy}
                      @click=${() => this.revoke(t)}
                    >
                      ${this.t('revoke')}
                    </button>`
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`,
    );
  }

  protected override render() {
    return html`${this.renderFeedback()}
      <fieldset>
        <legend>${this.t('account')}</legend>
        ${this.agencySelect('t-agency', this.t('agency'), this.agency, (code) => this.chooseAgency(code))}
        ${
          this.agency
            ? html`<label for="t-staff">${this.t('account')}</label>
              <select
                id="t-staff"
                .value=${this.staffId}
                @change=${(e: Event) => this.chooseStaff((e.target as HTMLSelectElement).value)}
              >
                <option value="" ?selected=${!this.staffId}>${this.t('chooseAccount')}</option>
                ${this.accounts.map(
                  (s) =>
                    html`<option value=${s.id} ?selected=${s.id === this.staffId}>
                      ${s.fullName} (${s.username})
                    </option>`,
                )}
              </select>`
            : nothing
        }
      </fieldset>
      ${
        this.staffId
          ? html`${this.renderSecret()} ${this.renderTokens()}
            <form @submit=${this.create} novalidate>
              <fieldset>
                <legend>${this.t('createToken')}</legend>
                <label for="t-name">${this.t('tokenName')} ${this.t('required')}</label>
                <input id="t-name" name="name" data-pointer="/body/name" required autocomplete="off" />
                <label for="t-exp">${this.t('expiresOn')} ${this.t('optional')}</label>
                <input id="t-exp" name="expiresOn" type="date" data-pointer="/body/expiresAt" />
                <button class="primary" ?disabled=${this.busy}>${this.t('createToken')}</button>
              </fieldset>
            </form>`
          : nothing
      }`;
  }
}
