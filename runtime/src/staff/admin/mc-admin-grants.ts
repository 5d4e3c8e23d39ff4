import { html, nothing } from 'lit';
import { ROLES, ROLE_NAMES, type Role } from '@motcua/core';
import type { StaffView } from '@motcua/api';
import { AdminScreen } from './admin-screen.ts';

type Grant = StaffView['roles'][number];

/**
 * <mc-admin-grants .client .lang>: role grants per agency and per role — the accounts of an
 * agency (optionally with those below) against the roles at a granting agency (the same one by
 * default), one checkbox per account and role. A row is saved on its own (the account's whole
 * grant list is sent, its roles elsewhere kept); taking roles away is confirmed first.
 */
export class AdminGrants extends AdminScreen {
  static override properties = {
    ...AdminScreen.properties,
    agency: { type: String },
    grantAt: { state: true },
    subtree: { state: true },
    staff: { state: true },
    pending: { state: true },
  };

  declare agency: string;
  declare grantAt: string;
  declare subtree: boolean;
  declare staff: StaffView[];
  /** Roles ticked at `grantAt`, per account id, where they differ from the saved ones. */
  declare pending: Map<string, Set<Role>>;

  constructor() {
    super();
    this.agency = '';
    this.grantAt = '';
    this.subtree = false;
    this.staff = [];
    this.pending = new Map();
  }

  protected override async load(): Promise<void> {
    await this.act(async () => {
      await this.loadAgencies(true);
      if (!this.agency && this.me) this.agency = this.me.agencyCode;
      if (!this.grantAt) this.grantAt = this.agency;
      if (this.agency) await this.loadStaff();
    });
  }

  private async loadStaff(): Promise<void> {
    const res = await this.client!.get('/api/v1/agencies/{agencyCode}/staff', {
      params: { agencyCode: this.agency },
      query: { subtree: this.subtree },
    });
    this.staff = res.items;
    this.pending = new Map();
  }

  private async choose(agency: string, subtree = this.subtree): Promise<void> {
    if (agency !== this.agency) this.grantAt = agency;
    this.agency = agency;
    this.subtree = subtree;
    this.staff = [];
    if (agency) await this.act(() => this.loadStaff());
  }

  private savedAt(s: StaffView): Set<Role> {
    return new Set(s.roles.filter((g) => g.agency === this.grantAt).map((g) => g.role));
  }

  private ticked(s: StaffView): Set<Role> {
    return this.pending.get(s.id) ?? this.savedAt(s);
  }

  private toggle(s: StaffView, role: Role, on: boolean): void {
    const next = new Set(this.ticked(s));
    if (on) next.add(role);
    else next.delete(role);
    const pending = new Map(this.pending);
    pending.set(s.id, next);
    this.pending = pending;
  }

  private async save(s: StaffView): Promise<void> {
    const saved = this.savedAt(s);
    const wanted = this.ticked(s);
    const removed = [...saved].filter((r) => !wanted.has(r));
    if ([...wanted].every((r) => saved.has(r)) && !removed.length) {
      this.status = this.t('unchanged');
      return;
    }
    if (
      removed.length &&
      !(await this.confirm(
        this.t('confirmRevoke', {
          roles: removed.map((r) => this.text(ROLES[r])).join(', '),
          name: `${s.fullName} (${s.username})`,
          agency: this.agencyName(this.grantAt),
        }),
      ))
    )
      return;
    const roles: Grant[] = [
      ...s.roles.filter((g) => g.agency !== this.grantAt),
      ...ROLE_NAMES.filter((r) => wanted.has(r)).map((role) => ({ agency: this.grantAt, role })),
    ];
    const updated = await this.act(
      () => this.client!.put('/api/v1/staff/{staffId}/roles', { params: { staffId: s.id }, body: { roles } }),
      { done: (v) => this.t('rolesSaved', { name: v.username }) },
    );
    if (updated) {
      this.staff = this.staff.map((x) => (x.id === s.id ? updated : x));
      const pending = new Map(this.pending);
      pending.delete(s.id);
      this.pending = pending;
    }
  }

  private renderMatrix() {
    if (!this.staff.length) return html`<p>${this.t('noStaff')}</p>`;
    return html`<p class="hint" id="g-hint">${this.t('grantsHint')}</p>
      ${this.scrollable(
        this.t('grantsAt', { agency: this.agencyName(this.grantAt) }),
        html`<table aria-describedby="g-hint">
        <caption>
          ${this.t('grantsAt', { agency: this.agencyName(this.grantAt) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this.t('account')}</th>
            ${ROLE_NAMES.map((r) => html`<th scope="col">${this.text(ROLES[r])}</th>`)}
            <th scope="col">${this.t('otherGrants')}</th>
            <th scope="col">${this.t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.staff.map((s) => {
            const ticked = this.ticked(s);
            const name = `${s.fullName} (${s.username})`;
            const elsewhere = s.roles.filter((g) => g.agency !== this.grantAt);
            return html`<tr>
              <th scope="row">${name}${s.active ? nothing : html` <span class="tag">${this.t('disabled')}</span>`}</th>
              ${ROLE_NAMES.map(
                (r) =>
                  html`<td>
                    <input
                      type="checkbox"
                      aria-label=${this.t('roleOf', { role: this.text(ROLES[r]), name })}
                      .checked=${ticked.has(r)}
                      @change=${(e: Event) => this.toggle(s, r, (e.target as HTMLInputElement).checked)}
                    />
                  </td>`,
              )}
              <td>
                ${
                  elsewhere.length
                    ? elsewhere.map((g) => html`<span class="tag">${this.text(ROLES[g.role])} @ ${g.agency}</span>`)
                    : this.t('noneListed')
                }
              </td>
              <td>
                <button
                  type="button"
                  class=${this.pending.has(s.id) ? 'primary' : ''}
                  aria-label=${this.t('saveRolesOf', { name })}
                  ?disabled=${this.busy}
                  @click=${() => this.save(s)}
                >
                  ${this.t('save')}
                </button>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>`,
      )}`;
  }

  protected override render() {
    return html`${this.renderFeedback()}
      <fieldset>
        <legend>${this.t('agency')}</legend>
        ${this.agencySelect('g-agency', this.t('accountsOf'), this.agency, (code) => this.choose(code))}
        <label class="inline"
          ><input
            type="checkbox"
            .checked=${this.subtree}
            @change=${(e: Event) => this.choose(this.agency, (e.target as HTMLInputElement).checked)}
          />${this.t('includeBelow')}</label
        >
        ${
          this.agency
            ? this.agencySelect('g-at', this.t('grantingAgency'), this.grantAt, (code) => {
                this.grantAt = code;
                this.pending = new Map();
              })
            : nothing
        }
      </fieldset>
      ${this.agency && this.grantAt ? this.renderMatrix() : nothing}`;
  }
}
