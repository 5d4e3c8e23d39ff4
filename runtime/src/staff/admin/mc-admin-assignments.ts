import { html, nothing } from 'lit';
import { createAgencyDirectoryUnchecked, type AgencyDirectory } from '@motcua/core';
import type { PublicProcedureSummary } from '@motcua/api';
import { AdminScreen, fieldValue } from './admin-screen.ts';

type Receiving = PublicProcedureSummary['receiving'];
interface Kind {
  id: string;
  title: { vi: string; en?: string };
}

/**
 * Whether `code` may receive dossiers of a procedure whose receiving rule is `r` (as the rule
 * reads, over the agency tree of core's directory; a field's agency is the applicant's choice).
 */
export function receivesAt(r: Receiving, code: string, directory: AgencyDirectory): boolean {
  const a = directory.get(code);
  if (!a) return false;
  switch (r.mode) {
    case 'fixed':
      return r.agency === code;
    case 'choice':
      return a.kind === r.kind && (r.within === undefined || directory.isInSubtree(code, r.within));
    case 'field':
      return r.kind === undefined || a.kind === r.kind;
    case 'condition':
      return r.agencies.includes(code);
  }
}

/**
 * <mc-admin-assignments .client .lang>: which agencies receive each procedure in force, filtered
 * to one agency; and changing where a procedure is received (one fixed agency, or the applicant's
 * choice among agencies of a kind, optionally within a subtree). The receiving rule is part of the
 * procedure's definition: the change is saved in its draft (refused if someone changed the draft
 * meanwhile) and, when asked, published as a new version — both under the designers' policy.
 */
export class AdminAssignments extends AdminScreen {
  static override properties = {
    ...AdminScreen.properties,
    agency: { type: String },
    onlyHere: { state: true },
    inForce: { state: true },
    kinds: { state: true },
    editing: { state: true },
    editMode: { state: true },
  };

  declare agency: string;
  declare onlyHere: boolean;
  declare inForce: PublicProcedureSummary[];
  declare kinds: Kind[];
  declare editing: string;
  declare editMode: 'fixed' | 'choice';

  constructor() {
    super();
    this.agency = '';
    this.onlyHere = true;
    this.inForce = [];
    this.kinds = [];
    this.editing = '';
    this.editMode = 'fixed';
  }

  protected override async load(): Promise<void> {
    await this.act(async () => {
      const [inForce, kinds] = await Promise.all([
        this.client!.get('/api/v1/public/procedures'),
        this.client!.get('/api/v1/agency-kinds'),
        this.loadAgencies(true),
      ]);
      this.inForce = inForce.items;
      this.kinds = kinds.items;
    });
  }

  private get directory(): AgencyDirectory {
    return createAgencyDirectoryUnchecked(
      this.agencies.map((a) => ({ code: a.code, name: a.name, kind: a.kind, parent: a.parent, timeZone: a.timeZone })),
    );
  }

  private kindTitle(id: string): string {
    const k = this.kinds.find((x) => x.id === id);
    return k ? this.text(k.title) : id;
  }

  private describe(r: Receiving, directory: AgencyDirectory): string {
    const count = this.agencies.filter((a) => receivesAt(r, a.code, directory)).length;
    const how =
      r.mode === 'fixed'
        ? this.t('modeFixed', { agency: this.agencyName(r.agency) })
        : r.mode === 'choice'
          ? r.within
            ? this.t('modeChoiceWithin', { kind: this.kindTitle(r.kind), within: this.agencyName(r.within) })
            : this.t('modeChoice', { kind: this.kindTitle(r.kind) })
          : r.mode === 'field'
            ? this.t('modeField', { field: r.field })
            : this.t('modeCondition', { agencies: r.agencies.map((c) => this.agencyName(c)).join(', ') });
    return r.mode === 'fixed' ? how : `${how} — ${this.t('candidates', { count })}`;
  }

  private async startEdit(code: string, r: Receiving): Promise<void> {
    this.editing = code;
    this.editMode = r.mode === 'choice' ? 'choice' : 'fixed';
    this.error = null;
    this.status = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#a-mode')?.focus();
  }

  private async apply(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const code = this.editing;
    const receiving =
      this.editMode === 'fixed'
        ? { mode: 'fixed' as const, agency: fieldValue(form, 'agency') }
        : {
            mode: 'choice' as const,
            kind: fieldValue(form, 'kind'),
            ...(fieldValue(form, 'within') ? { within: fieldValue(form, 'within') } : {}),
          };
    if (this.missing(form, [this.editMode === 'fixed' ? 'agency' : 'kind'])) return;
    const publish = (form.elements.namedItem('publish') as HTMLInputElement).checked;
    const done = await this.act(
      async () => {
        const p = await this.client!.get('/api/v1/procedures/{procedureCode}', { params: { procedureCode: code } });
        const draft = p.draft as Record<string, unknown>;
        let otherChanges = false;
        if (publish && p.versionInForce !== null) {
          const v = await this.client!.get('/api/v1/procedures/{procedureCode}/versions/{version}', {
            params: { procedureCode: code, version: p.versionInForce },
          });
          const strip = (d: unknown) => JSON.stringify({ ...(d as object), receiving: null });
          otherChanges = strip(v.definition) !== strip(draft);
        }
        if (publish) {
          const question = [otherChanges ? this.t('draftHasOtherChanges') : '', this.t('confirmPublish', { code })];
          if (!(await this.confirm(question.filter(Boolean).join(' ')))) return null;
        }
        const saved = await this.client!.put('/api/v1/procedures/{procedureCode}/draft', {
          params: { procedureCode: code },
          headers: { 'If-Match': String(p.draftRevision) },
          body: { ...draft, receiving },
        });
        if (!publish) return this.t('receivingSaved', { code });
        const version = await this.client!.post('/api/v1/procedures/{procedureCode}/versions', {
          params: { procedureCode: code },
          body: { draftRevision: saved.draftRevision },
        });
        return this.t('receivingPublished', { code, version: version.version });
      },
      { form, done: (message) => message ?? '' },
    );
    if (!done) return;
    this.editing = '';
    const status = this.status;
    await this.load();
    if (!this.error) this.status = status;
  }

  private renderEditor(code: string, r: Receiving) {
    const current = (name: 'agency' | 'kind' | 'within') =>
      name === 'agency' ? (r.mode === 'fixed' ? r.agency : '') : r.mode === 'choice' ? (r[name] ?? '') : '';
    return html`<form @submit=${this.apply} novalidate aria-labelledby="a-edit-title">
      <fieldset>
        <legend id="a-edit-title">${this.t('changeReceivingOf', { code })}</legend>
        ${
          r.mode === 'field' || r.mode === 'condition'
            ? html`<p class="hint" id="a-replaces">${this.t('replacesRule', { rule: this.describe(r, this.directory) })}</p>`
            : nothing
        }
        <label for="a-mode">${this.t('mode')}</label>
        <select
          id="a-mode"
          .value=${this.editMode}
          @change=${(e: Event) => (this.editMode = (e.target as HTMLSelectElement).value as 'fixed' | 'choice')}
        >
          <option value="fixed" ?selected=${this.editMode === 'fixed'}>${this.t('fixedMode')}</option>
          <option value="choice" ?selected=${this.editMode === 'choice'}>${this.t('choiceMode')}</option>
        </select>
        ${
          this.editMode === 'fixed'
            ? this.agencySelect('a-agency', this.t('agency'), current('agency'), () => {}, {
                name: 'agency',
                pointer: '/body/receiving/agency',
              })
            : html`<label for="a-kind">${this.t('kind')}</label>
              <select id="a-kind" name="kind" data-pointer="/body/receiving/kind">
                <option value="">—</option>
                ${this.kinds.map(
                  (k) =>
                    html`<option value=${k.id} ?selected=${k.id === current('kind')}>${this.text(k.title)}</option>`,
                )}
              </select>
              <label for="a-within">${this.t('within')}</label>
              <select id="a-within" name="within" data-pointer="/body/receiving/within">
                <option value="">${this.t('anywhere')}</option>
                ${this.agencies.map(
                  (a) =>
                    html`<option value=${a.code} ?selected=${a.code === current('within')}>
                      ${this.text(a.name)} (${a.code})
                    </option>`,
                )}
              </select>`
        }
        <label class="inline"><input type="checkbox" name="publish" checked />${this.t('publishNow')}</label>
        <button class="primary" ?disabled=${this.busy}>${this.t('applyReceiving')}</button>
        <button type="button" @click=${() => (this.editing = '')}>${this.t('cancel')}</button>
      </fieldset>
    </form>`;
  }

  protected override render() {
    const directory = this.directory;
    const rows = this.inForce.filter(
      (p) => !this.agency || !this.onlyHere || receivesAt(p.receiving, this.agency, directory),
    );
    const editing = this.inForce.find((p) => p.code === this.editing);
    return html`${this.renderFeedback()}
      <fieldset>
        <legend>${this.t('agency')}</legend>
        ${this.agencySelect('a-filter', this.t('agency'), this.agency, (code) => (this.agency = code))}
        <label class="inline"
          ><input
            type="checkbox"
            .checked=${this.onlyHere}
            @change=${(e: Event) => (this.onlyHere = (e.target as HTMLInputElement).checked)}
          />${this.t('onlyHere')}</label
        >
      </fieldset>
      ${editing ? this.renderEditor(editing.code, editing.receiving) : nothing}
      ${
        rows.length
          ? this.scrollable(
              this.t('procedures'),
              html`<table>
            <caption>
              ${this.t('procedures')}${this.agency && this.onlyHere ? ` — ${this.agencyName(this.agency)}` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">${this.t('code')}</th>
                <th scope="col">${this.t('procedure')}</th>
                <th scope="col">${this.t('receivedBy')}</th>
                ${this.agency ? html`<th scope="col">${this.t('receivesHere')}</th>` : nothing}
                <th scope="col">${this.t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (p) =>
                  html`<tr>
                    <th scope="row">${p.code}</th>
                    <td>${this.text(p.title)} <span class="hint">v${p.version}</span></td>
                    <td>${this.describe(p.receiving, directory)}</td>
                    ${
                      this.agency
                        ? html`<td>${receivesAt(p.receiving, this.agency, directory) ? this.t('yes') : this.t('no')}</td>`
                        : nothing
                    }
                    <td>
                      <button
                        type="button"
                        aria-label="${this.t('changeReceiving')} ${p.code}"
                        ?disabled=${this.busy}
                        @click=${() => this.startEdit(p.code, p.receiving)}
                      >
                        ${this.t('changeReceiving')}
                      </button>
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`,
            )
          : html`<p>${this.t('noProcedures')}</p>`
      }`;
  }
}
