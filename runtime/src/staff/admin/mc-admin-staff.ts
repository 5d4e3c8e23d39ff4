import { html, nothing } from 'lit';
import { ROLES, ROLE_NAMES, type Role } from '@motcua/core';
import type { StaffView } from '@motcua/api';
import { AdminScreen, fieldValue } from './admin-screen.ts';

/**
 * <mc-admin-staff .client .lang>: the accounts of an agency (optionally with the agencies
 * below): create one (with a first role there), disable or enable it, reset its password.
 * Disabling and resetting end the account's sessions, so both are confirmed first.
 */
export class AdminStaff extends AdminScreen {
  static override properties = {
    ...AdminScreen.properties,
    agency: { type: String },
    subtree: { state: true },
    staff: { state: true },
    resetting: { state: true },
  };

  declare agency: string;
  declare subtree: boolean;
  declare staff: StaffView[];
  /** The account whose new password is being typed. */
  declare resetting: StaffView | null;

  constructor() {
    super();
    this.agency = '';
    this.subtree = false;
    this.staff = [];
    this.resetting = null;
  }

  protected override async load(): Promise<void> {
    await this.act(async () => {
      await this.loadAgencies(true);
      if (!this.agency && this.me) this.agency = this.me.agencyCode;
      if (this.agency) await this.loadStaff();
    });
  }

  private async loadStaff(): Promise<void> {
    const res = await this.client!.get('/api/v1/agencies/{agencyCode}/staff', {
      params: { agencyCode: this.agency },
      query: { subtree: this.subtree },
    });
    this.staff = res.items;
  }

  private async choose(agency: string, subtree = this.subtree): Promise<void> {
    this.agency = agency;
    this.subtree = subtree;
    this.resetting = null;
    this.staff = [];
    if (agency) await this.act(() => this.loadStaff());
  }

  private roleName(role: Role): string {
    return this.text(ROLES[role]);
  }

  private async create(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const username = fieldValue(form, 'username');
    const fullName = fieldValue(form, 'fullName');
    if (this.missing(form, ['username', 'fullName'])) return;
    const email = fieldValue(form, 'email');
    const phone = fieldValue(form, 'phone');
    const password = (form.elements.namedItem('password') as HTMLInputElement).value;
    const role = fieldValue(form, 'role') as Role | '';
    const created = await this.act(
      () =>
        this.client!.post('/api/v1/agencies/{agencyCode}/staff', {
          params: { agencyCode: this.agency },
          body: {
            username,
            fullName,
            ...(email ? { email } : {}),
            ...(phone ? { phone } : {}),
            ...(password ? { password } : {}),
            roles: role ? [{ agency: this.agency, role }] : [],
          },
        }),
      { form, done: (v) => this.t('staffCreated', { name: v.username }) },
    );
    if (created) {
      form.reset();
      await this.reload();
    }
  }

  private async setActive(s: StaffView, active: boolean): Promise<void> {
    if (!active && !(await this.confirm(this.t('confirmDisable', { name: `${s.fullName} (${s.username})` })))) return;
    const done = await this.act(
      () =>
        this.client!.patch('/api/v1/staff/{staffId}', {
          params: { staffId: s.id },
          body: { active, revision: s.revision },
        }),
      {
        done: (v) => this.t(active ? 'staffEnabled' : 'staffDisabled', { name: v.username }),
        onConflict: () => this.loadStaff(),
      },
    );
    if (done) await this.reload();
  }

  private async resetPassword(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const s = this.resetting!;
    const password = (form.elements.namedItem('password') as HTMLInputElement).value;
    if (this.missing(form, ['password'])) return;
    if (!(await this.confirm(this.t('confirmReset', { name: `${s.fullName} (${s.username})` })))) return;
    const done = await this.act(
      () =>
        this.client!.patch('/api/v1/staff/{staffId}', {
          params: { staffId: s.id },
          body: { password, revision: s.revision },
        }),
      {
        form,
        done: (v) => this.t('passwordReset', { name: v.username }),
        onConflict: async () => {
          await this.loadStaff();
          this.resetting = this.staff.find((x) => x.id === s.id) ?? null;
        },
      },
    );
    if (done) {
      this.resetting = null;
      await this.reload();
    }
  }

  private async reload(): Promise<void> {
    const status = this.status;
    await this.act(() => this.loadStaff());
    if (!this.error) this.status = status;
  }

  private renderTable() {
    if (!this.staff.length) return html`<p>${this.t('noStaff')}</p>`;
    return this.scrollable(
      this.t('staffList'),
      html`<table>
      <caption>
        ${this.t('staffList')} — ${this.agencyName(this.agency)}
      </caption>
      <thead>
        <tr>
          <th scope="col">${this.t('username')}</th>
          <th scope="col">${this.t('fullName')}</th>
          <th scope="col">${this.t('agency')}</th>
          <th scope="col">${this.t('status')}</th>
          <th scope="col">${this.t('roles')}</th>
          <th scope="col">${this.t('actions')}</th>
        </tr>
      </thead>
      <tbody>
        ${this.staff.map(
          (s) =>
            html`<tr>
              <th scope="row">${s.username}</th>
              <td>${s.fullName}${s.hasPassword ? nothing : html` <span class="tag">${this.t('noPassword')}</span>`}</td>
              <td>${this.agencyName(s.agencyCode)}</td>
              <td>${s.active ? this.t('active') : html`<strong>${this.t('disabled')}</strong>`}</td>
              <td>
                ${s.roles.map((g) => html`<span class="tag">${this.roleName(g.role)} @ ${g.agency}</span>`)}
              </td>
              <td>
                ${
                  s.active
                    ? html`<button
                      type="button"
                      class="danger"
                      aria-label="${this.t('disable')} ${s.username}"
                      ?disabled=${this.busy}
                      @click=${() => this.setActive(s, false)}
                    >
                      ${this.t('disable')}
                    </button>`
                    : html`<button
                      type="button"
                      aria-label="${this.t('enable')} ${s.username}"
                      ?disabled=${this.busy}
                      @click=${() => this.setActive(s, true)}
                    >
                      ${this.t('enable')}
                    </button>`
                }
                <button
                  type="button"
                  aria-label="${this.t('resetPassword')} ${s.username}"
                  ?disabled=${this.busy}
                  @click=${async () => {
                    this.resetting = s;
                    await this.updateComplete;
                    this.renderRoot.querySelector<HTMLInputElement>('#p-new')?.focus();
                  }}
                >
                  ${this.t('resetPassword')}
                </button>
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
        <legend>${this.t('agency')}</legend>
        ${this.agencySelect('s-agency', this.t('agency'), this.agency, (code) => this.choose(code))}
        <label class="inline"
          ><input
            type="checkbox"
            .checked=${this.subtree}
            @change=${(e: Event) => this.choose(this.agency, (e.target as HTMLInputElement).checked)}
          />${this.t('includeBelow')}</label
        >
      </fieldset>
      ${
        this.agency
          ? html`${this.renderTable()}
            ${
              this.resetting
                ? html`<form @submit=${this.resetPassword} novalidate>
                  <fieldset>
                    <legend>${this.t('resetPassword')}</legend>
                    <label for="p-new">${this.t('newPasswordFor', { name: this.resetting.username })}</label>
                    <input
                      id="p-new"
                      name="password"
                      type="password"
                      autocomplete="new-password"
                      data-pointer="/body/password"
                    />
                    <button class="primary" ?disabled=${this.busy}>${this.t('save')}</button>
                    <button type="button" @click=${() => (this.resetting = null)}>${this.t('cancel')}</button>
                  </fieldset>
                </form>`
                : nothing
            }
            <form @submit=${this.create} novalidate>
              <fieldset>
                <legend>${this.t('createStaff')}</legend>
                <label for="n-user">${this.t('username')} ${this.t('required')}</label>
                <input id="n-user" name="username" data-pointer="/body/username" autocomplete="off" required />
                <label for="n-name">${this.t('fullName')} ${this.t('required')}</label>
                <input id="n-name" name="fullName" data-pointer="/body/fullName" required />
                <label for="n-email">${this.t('email')}</label>
                <input id="n-email" name="email" type="email" data-pointer="/body/email" />
                <label for="n-phone">${this.t('phoneNumber')}</label>
                <input id="n-phone" name="phone" type="tel" data-pointer="/body/phone" />
                <label for="n-pass">${this.t('password')}</label>
                <input
                  id="n-pass"
                  name="password"
                  type="password"
                  autocomplete="new-password"
                  data-pointer="/body/password"
                  aria-describedby="n-pass-hint"
                />
                <p class="hint" id="n-pass-hint">${this.t('passwordHint')}</p>
                <label for="n-role">${this.t('initialRole')}</label>
                <select id="n-role" name="role" data-pointer="/body/roles">
                  <option value="">${this.t('noRole')}</option>
                  ${ROLE_NAMES.map((r) => html`<option value=${r}>${this.roleName(r)}</option>`)}
                </select>
                <button class="primary" ?disabled=${this.busy}>${this.t('createStaff')}</button>
              </fieldset>
            </form>`
          : nothing
      }`;
  }
}
