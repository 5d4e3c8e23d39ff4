/** General: code, names vi/en, field, owner, service level, effective date and the legal basis. */
import { html } from 'lit';
import { formFields, type JsonSchema } from '@motcua/core';
import { LightElement } from '../app/light-element.ts';
import type { Lang } from '../app/api.ts';
import { t, type StringKey } from '../i18n/strings.ts';
import { emitChange } from '../app/emit-change.ts';
import { updateAt } from '../form/form-ops.ts';
import type { Definition } from '../store/definition-store.ts';

interface Legal {
  ref: string;
  title: { vi: string; en?: string };
  url?: string;
}

const LEVELS = ['full', 'partial', 'information'] as const;
/** Where a person's identity is in the form (core's procedure schema, `applicant.person`). */
const PERSON = ['fullName', 'idNumber', 'birthDate', 'address', 'phone', 'email'] as const;

export class GeneralEditor extends LightElement {
  static override properties = { lang: {}, procedure: { attribute: false } };
  declare lang: Lang;
  declare procedure: Definition;

  #set(pointer: string, value: unknown, label: StringKey) {
    emitChange(
      this,
      updateAt(this.procedure, pointer, () => value),
      t(this.lang, label),
    );
  }

  #text(pointer: string, label: StringKey, value: unknown, opts: { readonly?: boolean; required?: boolean } = {}) {
    const id = `g-${pointer.replace(/\W/g, '-')}`;
    return html`<label for=${id}>${t(this.lang, label)}</label>
      <input
        id=${id}
        .value=${typeof value === 'string' ? value : ''}
        ?readonly=${opts.readonly}
        ?required=${opts.required}
        @input=${(e: Event) => {
          const v = (e.target as HTMLInputElement).value;
          // An empty English text is left out rather than saved empty.
          this.#set(pointer, v === '' && pointer.endsWith('/en') ? undefined : v, label);
        }}
      />`;
  }

  override render() {
    const lang = this.lang;
    const p = this.procedure;
    const title = (p.title ?? {}) as { vi?: string; en?: string };
    const field = (p.field ?? {}) as { code?: string; title?: { vi?: string; en?: string } };
    const legal = (Array.isArray(p.legalBasis) ? p.legalBasis : []) as Legal[];
    return html`<div class="form-grid">
        ${this.#text('/code', 'g_code', p.code, { readonly: true })} ${this.#text('/owner', 'g_owner', p.owner, { readonly: true })}
        ${this.#text('/title/vi', 'g_titleVi', title.vi, { required: true })} ${this.#text('/title/en', 'g_titleEn', title.en)}
        ${this.#text('/field/code', 'g_fieldCode', field.code, { required: true })}
        ${this.#text('/field/title/vi', 'g_fieldVi', field.title?.vi, { required: true })}
        ${this.#text('/field/title/en', 'g_fieldEn', field.title?.en)}
        <label for="g-level">${t(lang, 'g_level')}</label>
        <select id="g-level" @change=${(e: Event) => this.#set('/serviceLevel', (e.target as HTMLSelectElement).value, 'g_level')}>
          ${LEVELS.map((l) => html`<option value=${l} ?selected=${p.serviceLevel === l}>${t(lang, `g_${l}`)}</option>`)}
        </select>
        <label for="g-effective">${t(lang, 'g_effectiveFrom')}</label>
        <input
          id="g-effective"
          type="date"
          .value=${typeof p.effectiveFrom === 'string' ? p.effectiveFrom : ''}
          @change=${(e: Event) => this.#set('/effectiveFrom', (e.target as HTMLInputElement).value, 'g_effectiveFrom')}
        />
      </div>
      <fieldset class="legal">
        <legend>${t(lang, 'g_legal')}</legend>
        ${legal.map(
          (l, i) => html`<div class="legal-row">
            ${this.#text(`/legalBasis/${i}/ref`, 'g_legalRef', l.ref)} ${this.#text(`/legalBasis/${i}/title/vi`, 'g_legalVi', l.title?.vi)}
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
    return html`<fieldset class="applicant">
      <legend>${t(lang, 'g_applicant')}</legend>
      <p class="hint">${t(lang, 'g_applicantHelp')}</p>
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
