/**
 * General: the procedure's identity — code, names vi/en, field, the owning agency and its level,
 * service level, effective date and legal basis — each with core's problems beside it (the
 * server's dry-run of validateProcedure), and the applicant's identity among the form's fields.
 */
import { html, nothing } from 'lit';
import { formFields, pick, type Issue, type JsonSchema } from '@motcua/core';
import { LightElement } from '../app/light-element.ts';
import { api, type Lang } from '../app/api.ts';
import { t, type StringKey } from '../i18n/strings.ts';
import { emitChange } from '../app/emit-change.ts';
import { dateInput } from '../app/date-input.ts';
import { updateAt } from '../form/form-ops.ts';
import type { Definition } from '../store/definition-store.ts';

interface Legal {
  ref: string;
  title: { vi: string; en?: string };
  url?: string;
}

interface Owner {
  name: { vi: string; en?: string };
  kind?: { title: { vi: string; en?: string }; level: number };
}

const LEVELS = ['full', 'partial', 'information'] as const;
/** Where a person's identity is in the form (core's procedure schema, `applicant.person`). */
const PERSON = ['fullName', 'idNumber', 'birthDate', 'address', 'phone', 'email'] as const;

let owners: Promise<Map<string, Owner>> | null = null;

/** The province's agencies with their kind and level, read once (the owner is shown by name). */
function loadOwners(): Promise<Map<string, Owner>> {
  owners ??= (async () => {
    const [agencies, kinds] = await Promise.all([api.get('/api/v1/agencies'), api.get('/api/v1/agency-kinds')]);
    const kindById = new Map(kinds.items.map((k) => [k.id, k]));
    return new Map(agencies.items.map((a) => [a.code, { name: a.name, kind: kindById.get(a.kind) }]));
  })();
  owners.catch(() => (owners = null));
  return owners;
}

const idOf = (pointer: string) => `g-${pointer.replace(/\W/g, '-')}`;

export class GeneralEditor extends LightElement {
  static override properties = {
    lang: {},
    procedure: { attribute: false },
    issues: { attribute: false },
    dateError: { state: true },
    owners: { state: true },
  };
  declare lang: Lang;
  declare procedure: Definition;
  /** Core's problems of the whole definition; those of this screen are shown beside their field. */
  declare issues: readonly Issue[];
  declare dateError: string;
  declare owners: Map<string, Owner> | null;

  constructor() {
    super();
    this.issues = [];
    this.dateError = '';
    this.owners = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    loadOwners().then(
      (m) => (this.owners = m),
      () => (this.owners = null),
    );
  }

  #set(pointer: string, value: unknown, label: StringKey) {
    emitChange(
      this,
      updateAt(this.procedure, pointer, () => value),
      t(this.lang, label),
    );
  }

  /** Core's problems at `pointer` (or inside it, with `deep`). */
  #issuesAt(pointer: string, deep = false): Issue[] {
    return this.issues.filter((i) => i.pointer === pointer || (deep && i.pointer.startsWith(`${pointer}/`)));
  }

  /** Core's messages about one field, under it; the id its control is described by. */
  #problems(pointer: string, deep = false) {
    const found = this.#issuesAt(pointer, deep);
    const id = `${idOf(pointer)}-problems`;
    return {
      id: found.length ? id : '',
      view: found.length
        ? html`<ul class="error field-problems" id=${id}>
            ${found.map((i) => html`<li>${pick(i.message, this.lang)}</li>`)}
          </ul>`
        : nothing,
    };
  }

  #text(pointer: string, label: StringKey, value: unknown, opts: { readonly?: boolean; required?: boolean } = {}) {
    const id = idOf(pointer);
    const problems = this.#problems(pointer);
    return html`<label for=${id}
        >${t(this.lang, label)}${opts.required ? html` <span class="hint">${t(this.lang, 'g_required')}</span>` : nothing}</label
      >
      <div class="field-control">
        <input
          id=${id}
          .value=${typeof value === 'string' ? value : ''}
          ?readonly=${opts.readonly}
          ?required=${opts.required}
          aria-invalid=${problems.id ? 'true' : 'false'}
          aria-describedby=${problems.id || nothing}
          @input=${(e: Event) => {
            const v = (e.target as HTMLInputElement).value;
            // An empty English text is left out rather than saved empty.
            this.#set(pointer, v === '' && pointer.endsWith('/en') ? undefined : v, label);
          }}
        />
        ${problems.view}
      </div>`;
  }

  #owner() {
    const lang = this.lang;
    const code = typeof this.procedure.owner === 'string' ? this.procedure.owner : '';
    const owner = this.owners?.get(code);
    const kind = owner?.kind;
    return html`<span id="g-owner-label">${t(lang, 'g_owner')}</span>
      <div class="field-control">
        <output id="g-owner" aria-labelledby="g-owner-label">${owner ? `${pick(owner.name, lang)} (${code})` : code}</output>
      </div>
      <span id="g-level-label">${t(lang, 'g_ownerLevel')}</span>
      <div class="field-control">
        <output id="g-owner-level" aria-labelledby="g-level-label"
          >${kind ? t(lang, 'g_ownerLevelText', pick(kind.title, lang), kind.level) : '—'}</output
        >
      </div>`;
  }

  override render() {
    const lang = this.lang;
    const p = this.procedure;
    const title = (p.title ?? {}) as { vi?: string; en?: string };
    const field = (p.field ?? {}) as { code?: string; title?: { vi?: string; en?: string } };
    const legal = (Array.isArray(p.legalBasis) ? p.legalBasis : []) as Legal[];
    const level = this.#problems('/serviceLevel');
    const effective = this.#problems('/effectiveFrom');
    const legalProblems = this.#problems('/legalBasis');
    return html`<div class="form-grid">
        ${this.#text('/code', 'g_code', p.code, { readonly: true })} ${this.#owner()}
        ${this.#text('/title/vi', 'g_titleVi', title.vi, { required: true })} ${this.#text('/title/en', 'g_titleEn', title.en)}
        ${this.#text('/field/code', 'g_fieldCode', field.code, { required: true })}
        ${this.#text('/field/title/vi', 'g_fieldVi', field.title?.vi, { required: true })}
        ${this.#text('/field/title/en', 'g_fieldEn', field.title?.en)}
        <label for="g-level">${t(lang, 'g_level')} <span class="hint">${t(lang, 'g_required')}</span></label>
        <div class="field-control">
          <select
            id="g-level"
            required
            aria-invalid=${level.id ? 'true' : 'false'}
            aria-describedby=${level.id || nothing}
            @change=${(e: Event) => this.#set('/serviceLevel', (e.target as HTMLSelectElement).value || undefined, 'g_level')}
          >
            <option value="" ?selected=${!p.serviceLevel}>${t(lang, 'g_pickLevel')}</option>
            ${LEVELS.map((l) => html`<option value=${l} ?selected=${p.serviceLevel === l}>${t(lang, `g_${l}`)}</option>`)}
          </select>
          ${level.view}
        </div>
        <label for="g-effective">${t(lang, 'g_effectiveFrom')} <span class="hint">${t(lang, 'g_required')}</span></label>
        <div class="field-control">
          ${dateInput({
            id: 'g-effective',
            lang,
            value: typeof p.effectiveFrom === 'string' ? p.effectiveFrom : undefined,
            required: true,
            error: this.dateError,
            describedBy: effective.id,
            onError: (m) => (this.dateError = m),
            onDate: (d) => this.#set('/effectiveFrom', d, 'g_effectiveFrom'),
          })}
          ${effective.view}
        </div>
      </div>
      <fieldset class="legal">
        <legend>${t(lang, 'g_legal')} <span class="hint">${t(lang, 'g_required')}</span></legend>
        ${legalProblems.view}
        ${legal.map(
          (l, i) => html`<div class="legal-row">
            ${this.#text(`/legalBasis/${i}/ref`, 'g_legalRef', l.ref, { required: true })}
            ${this.#text(`/legalBasis/${i}/title/vi`, 'g_legalVi', l.title?.vi, { required: true })}
            ${this.#text(`/legalBasis/${i}/title/en`, 'g_legalEn', l.title?.en)}
            <button
              type="button"
              @click=${() =>
                emitChange(
                  this,
                  updateAt<Legal[]>(p, '/legalBasis', (list) => list.filter((_, j) => j !== i)),
                  t(lang, 'g_removeLegal', l.ref || i + 1),
                )}
            >
              ${t(lang, 'g_removeLegal', l.ref || i + 1)}
            </button>
          </div>`,
        )}
        <button
          type="button"
          @click=${() =>
            emitChange(
              this,
              updateAt<Legal[]>(p, '/legalBasis', (list) => [...(list ?? []), { ref: '', title: { vi: '' } }]),
              t(lang, 'g_addLegal'),
            )}
        >
          ${t(lang, 'g_addLegal')}
        </button>
      </fieldset>
      ${this.#applicant()}`;
  }

  /** The applicant's identity as picks among the form's fields (an organisation's stays in the JSON view). */
  #applicant() {
    const lang = this.lang;
    const applicant = (this.procedure.applicant ?? {}) as { person?: Record<string, string> };
    const person = applicant.person ?? {};
    const fields = formFields((this.procedure.form as { schema?: JsonSchema } | undefined)?.schema ?? {});
    const set = (key: string, pointer: string) => {
      const next = { ...person };
      if (pointer) next[key] = pointer;
      else delete next[key];
      emitChange(
        this,
        updateAt(this.procedure, '/applicant', () => ({ ...applicant, person: next })),
        t(lang, 'g_editApplicant'),
      );
    };
    const problems = this.#problems('/applicant', true);
    return html`<fieldset class="applicant">
      <legend>${t(lang, 'g_applicant')}</legend>
      <p class="hint">${t(lang, 'g_applicantHelp')}</p>
      ${problems.view}
      <div class="form-grid">
        ${PERSON.map((key) => {
          const id = `g-person-${key}`;
          const current = person[key] ?? '';
          return html`<label for=${id}>${t(lang, `g_person_${key}`)}</label>
            <select id=${id} @change=${(e: Event) => set(key, (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!current}>${t(lang, key === 'fullName' ? 'g_pickField' : 'g_noField')}</option>
              ${current && !fields.some((f) => f.pointer === current) ? html`<option selected value=${current}>${current}</option>` : ''}
              ${fields.map((f) => html`<option value=${f.pointer} ?selected=${f.pointer === current}>${f.label[lang] ?? f.label.vi}</option>`)}
            </select>`;
        })}
      </div>
    </fieldset>`;
  }
}

customElements.define('mc-general-editor', GeneralEditor);
