import { html, nothing } from 'lit';
import {
  CONDITION_OPERATORS,
  VALUELESS_OPERATORS,
  compileCondition,
  conditionUses,
  formFields,
  parseCondition,
  pick,
  replaceConditionUses,
  ruleFromCondition,
  uiElements,
  type ConditionClause,
  type ConditionUse,
  type Procedure,
  type ConditionOperator,
  type ConditionSentence,
  type FormField,
  type JsonSchema,
  type NamedCondition,
} from '@motcua/core';
import { EditorElement, freshId } from '../editor-element.ts';
import type { Key } from '../i18n.ts';

const NUMERIC: readonly ConditionOperator[] = ['at-least', 'at-most', 'greater-than', 'less-than'];

/**
 * The condition library: named conditions written as sentences ("if [field] [is] [value]",
 * all/any), compiled by core to the JSON Schema conditions every host evaluates. Editing one
 * changes every copy placed in documents, fees and steps; each shows where it is used first.
 */
export class ConditionsEditor extends EditorElement {
  static override properties = {
    ...EditorElement.properties,
    error: { state: true },
    deleting: { state: true },
    target: { state: true },
  };
  declare error: string;
  declare deleting: string;
  /** Per condition: the form element and effect chosen for "then show/hide". */
  declare target: Record<string, { pointer: string; effect: 'SHOW' | 'HIDE' }>;

  constructor() {
    super();
    this.error = '';
    this.deleting = '';
    this.target = {};
  }

  /** Where copies of `c` are; none found in a draft too incomplete to walk. */
  #uses(c: NamedCondition): ConditionUse[] {
    try {
      return conditionUses(this.procedure, c.when);
    } catch {
      return [];
    }
  }

  #fields(): FormField[] {
    return formFields(this.procedure?.form?.schema ?? {});
  }

  /** Replaces condition `i` by `next`, and every copy of the old one by the new one. */
  #replace(i: number, next: NamedCondition, label: string) {
    const list = this.procedure.conditions ?? [];
    const old = list[i]!;
    let updated: Procedure;
    try {
      updated = replaceConditionUses(this.procedure, old.when, next.when);
    } catch {
      updated = structuredClone(this.procedure); // a draft too incomplete to find the copies in
    }
    updated.conditions = list.map((c, j) => (j === i ? next : c));
    this.error = '';
    this.emit(updated, label);
  }

  #setSentence(i: number, sentence: ConditionSentence, label: string) {
    const c = this.procedure.conditions![i]!;
    let when: JsonSchema;
    try {
      when = compileCondition({ ...sentence, title: c.title });
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
      return;
    }
    this.#replace(i, { ...c, when }, label);
  }

  #add() {
    const taken = (this.procedure.conditions ?? []).map((c) => c.id);
    const id = freshId('dieu-kien', taken);
    const field = this.#fields()[0];
    const sentence: ConditionSentence = {
      combine: 'all',
      clauses: field ? [{ field: field.pointer, operator: 'filled' }] : [],
      title: { vi: this.t('newConditionName'), en: 'New condition' },
    };
    this.edit(this.t('addCondition'), (d) => {
      d.conditions = [...(d.conditions ?? []), { id, title: sentence.title!, when: compileCondition(sentence) }];
    });
  }

  #delete(i: number) {
    const c = this.procedure.conditions![i]!;
    if (this.#uses(c).length > 0 && this.deleting !== c.id) {
      this.deleting = c.id; // the uses are listed; a second press confirms
      return;
    }
    this.deleting = '';
    this.edit(this.t('deleteCondition'), (d) => d.conditions!.splice(i, 1));
  }

  override render() {
    const list = this.procedure?.conditions ?? [];
    return html`<section class="mc-editor" aria-labelledby="mc-conditions-h">
      <h2 id="mc-conditions-h">${this.t('conditionsTitle')}</h2>
      <p>${this.t('conditionsHelp')}</p>
      ${this.error ? html`<p role="alert" class="mc-fail">${this.error}</p>` : nothing}
      ${list.map((c, i) => this.#renderCondition(c, i))}
      <div class="mc-actions"><button type="button" @click=${this.#add}>${this.t('addCondition')}</button></div>
    </section>`;
  }

  #renderCondition(c: NamedCondition, i: number) {
    const sentence = parseCondition(c.when);
    const uses = this.#uses(c);
    const name = pick(c.title, this.lang);
    return html`<fieldset data-condition=${c.id}>
      <legend>${name}</legend>
      <div class="mc-row">
        <label
          >${this.t('nameVi')}
          <input
            .value=${c.title.vi}
            required
            @change=${(e: Event) => this.#rename(i, { ...c.title, vi: (e.target as HTMLInputElement).value })}
        /></label>
        <label
          >${this.t('nameEn')}
          <input
            .value=${c.title.en ?? ''}
            @change=${(e: Event) => this.#rename(i, { ...c.title, en: (e.target as HTMLInputElement).value })}
        /></label>
      </div>
      ${sentence ? this.#renderSentence(i, sentence, name) : html`<p>${this.t('conditionTooComplex')}</p>`}
      ${this.#renderThen(c)} ${this.#renderJson(i, c)}
      <div aria-live="polite">
        ${
          uses.length
            ? html`<p>${this.t('usedBy', uses.length)}</p>
              <ul>
                ${uses.map((u) => html`<li>${u.label[this.lang]}</li>`)}
              </ul>`
            : html`<p>${this.t('notUsed')}</p>`
        }
        ${this.deleting === c.id ? html`<p role="alert">${this.t('deleteUsedConfirm', uses.length)}</p>` : nothing}
      </div>
      ${this.renderIssues(this.problemsAt(`/conditions/${i}`))}
      <div class="mc-actions">
        <button type="button" @click=${() => this.#delete(i)}>${this.t('deleteNamed', name)}</button>
      </div>
    </fieldset>`;
  }

  #rename(i: number, title: NamedCondition['title']) {
    const c = this.procedure.conditions![i]!;
    const sentence = parseCondition(c.when);
    const when = sentence ? compileCondition({ ...sentence, title }) : c.when;
    this.#replace(i, { ...c, title, when }, this.t('renameCondition'));
  }

  #renderSentence(i: number, s: ConditionSentence, name: string) {
    const fields = this.#fields();
    return html`<div class="mc-row">
        <label
          >${this.t('combine')}
          <select
            @change=${(e: Event) =>
              this.#setSentence(
                i,
                { ...s, combine: (e.target as HTMLSelectElement).value as 'all' | 'any' },
                this.t('editCondition', name),
              )}
          >
            <option value="all" ?selected=${s.combine === 'all'}>${this.t('combineAll')}</option>
            <option value="any" ?selected=${s.combine === 'any'}>${this.t('combineAny')}</option>
          </select></label
        >
      </div>
      <ol aria-label=${this.t('clauses')}>
        ${s.clauses.map((clause, k) => html`<li>${this.#renderClause(i, s, k, clause, fields, name)}</li>`)}
      </ol>
      <div class="mc-actions">
        <button
          type="button"
          @click=${() =>
            this.#setSentence(
              i,
              { ...s, clauses: [...s.clauses, { field: fields[0]?.pointer ?? '/', operator: 'filled' }] },
              this.t('editCondition', name),
            )}
        >
          ${this.t('addClause')}
        </button>
      </div>`;
  }

  #renderClause(
    i: number,
    s: ConditionSentence,
    k: number,
    clause: ConditionClause,
    fields: FormField[],
    name: string,
  ) {
    const set = (next: ConditionClause) =>
      this.#setSentence(
        i,
        { ...s, clauses: s.clauses.map((c, j) => (j === k ? next : c)) },
        this.t('editCondition', name),
      );
    const field = fields.find((f) => f.pointer === clause.field);
    return html`<div class="mc-row">
      <span>${k === 0 ? this.t('if') : s.combine === 'all' ? this.t('and') : this.t('or')}</span>
      <label
        >${this.t('field')}
        <select
          @change=${(e: Event) => set({ ...clause, field: (e.target as HTMLSelectElement).value })}
        >
          ${field ? nothing : html`<option value=${clause.field} selected>${clause.field}</option>`}
          ${fields.map(
            (f) =>
              html`<option value=${f.pointer} ?selected=${f.pointer === clause.field}>
                ${f.label[this.lang]} (${f.pointer})
              </option>`,
          )}
        </select></label
      >
      <label
        >${this.t('operator')}
        <select
          @change=${(e: Event) => {
            const operator = (e.target as HTMLSelectElement).value as ConditionOperator;
            const value = VALUELESS_OPERATORS.includes(operator)
              ? undefined
              : NUMERIC.includes(operator)
                ? Number(clause.value) || 0
                : operator === 'one-of'
                  ? [clause.value ?? '']
                  : Array.isArray(clause.value)
                    ? clause.value[0]
                    : (clause.value ?? '');
            set({ field: clause.field, operator, ...(value === undefined ? {} : { value }) });
          }}
        >
          ${CONDITION_OPERATORS.map(
            (op) => html`<option value=${op} ?selected=${op === clause.operator}>${this.t(`op-${op}` as Key)}</option>`,
          )}
        </select></label
      >
      ${VALUELESS_OPERATORS.includes(clause.operator) ? nothing : this.#renderValue(clause, field, set)}
      <button
        type="button"
        aria-label=${this.t('removeClause', k + 1)}
        @click=${() =>
          this.#setSentence(i, { ...s, clauses: s.clauses.filter((_, j) => j !== k) }, this.t('editCondition', name))}
      >
        ${this.t('remove')}
      </button>
    </div>`;
  }

  #renderValue(clause: ConditionClause, field: FormField | undefined, set: (c: ConditionClause) => void) {
    const numeric = NUMERIC.includes(clause.operator) || field?.type === 'integer' || field?.type === 'number';
    if (clause.operator === 'one-of') {
      const values = Array.isArray(clause.value) ? clause.value : [clause.value];
      if (field?.options) {
        return html`<fieldset>
          <legend>${this.t('values')}</legend>
          ${field.options.map(
            (o) =>
              html`<label class="mc-inline"
                ><input
                  type="checkbox"
                  .checked=${values.includes(o.value)}
                  @change=${(e: Event) => {
                    const on = (e.target as HTMLInputElement).checked;
                    const next = on ? [...values, o.value] : values.filter((v) => v !== o.value);
                    if (next.length) set({ ...clause, value: next });
                  }}
                />${o.label[this.lang]}</label
              >`,
          )}
        </fieldset>`;
      }
      return html`<label
        >${this.t('valuesComma')}
        <input
          .value=${values.join(', ')}
          @change=${(e: Event) => {
            const parts = (e.target as HTMLInputElement).value
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean);
            if (parts.length) set({ ...clause, value: parts.map((p) => (numeric && p !== '' ? Number(p) : p)) });
          }}
      /></label>`;
    }
    if (field?.options && !NUMERIC.includes(clause.operator)) {
      return html`<label
        >${this.t('value')}
        <select
          @change=${(e: Event) => set({ ...clause, value: field.options![Number((e.target as HTMLSelectElement).value)]!.value })}
        >
          ${field.options.map(
            (o, n) => html`<option value=${n} ?selected=${o.value === clause.value}>${o.label[this.lang]}</option>`,
          )}
        </select></label
      >`;
    }
    return html`<label
      >${this.t('value')}
      <input
        type=${numeric ? 'number' : 'text'}
        .value=${clause.value === undefined ? '' : String(clause.value)}
        @change=${(e: Event) => {
          const raw = (e.target as HTMLInputElement).value;
          set({ ...clause, value: numeric ? Number(raw) : raw });
        }}
    /></label>`;
  }

  /** "…then [show] [page/field]": puts the condition as a display rule on a form element. */
  #renderThen(c: NamedCondition) {
    const elements = this.procedure.form?.uischema ? uiElements(this.procedure.form) : [];
    if (!elements.length) return nothing;
    const chosen = this.target[c.id] ?? { pointer: elements[0]!.pointer, effect: 'SHOW' as const };
    const choose = (next: Partial<typeof chosen>) => (this.target = { ...this.target, [c.id]: { ...chosen, ...next } });
    return html`<div class="mc-row">
      <span>${this.t('then')}</span>
      <label
        >${this.t('effect')}
        <select @change=${(e: Event) => choose({ effect: (e.target as HTMLSelectElement).value as 'SHOW' | 'HIDE' })}>
          <option value="SHOW" ?selected=${chosen.effect === 'SHOW'}>${this.t('effectShow')}</option>
          <option value="HIDE" ?selected=${chosen.effect === 'HIDE'}>${this.t('effectHide')}</option>
        </select></label
      >
      <label
        >${this.t('formElement')}
        <select @change=${(e: Event) => choose({ pointer: (e.target as HTMLSelectElement).value })}>
          ${elements.map(
            (el) =>
              html`<option value=${el.pointer} ?selected=${el.pointer === chosen.pointer}>
                ${el.label[this.lang]} (${el.type})${el.rule ? ` — ${this.t('hasRule')}` : ''}
              </option>`,
          )}
        </select></label
      >
      <button
        type="button"
        @click=${() =>
          this.edit(this.t('applyRule', this.text(c.title)), (p) => {
            const path = chosen.pointer.split('/').slice(1);
            const target = path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], p) as Record<
              string,
              unknown
            >;
            target.rule = ruleFromCondition(structuredClone(c.when), chosen.effect);
          })}
      >
        ${this.t('applyRule', this.text(c.title))}
      </button>
    </div>`;
  }

  #renderJson(i: number, c: NamedCondition) {
    return html`<details>
      <summary>${this.t('advancedJson')}</summary>
      <label
        >${this.t('conditionJson')}
        <textarea rows="6" cols="60" .value=${JSON.stringify(c.when, null, 2)}></textarea>
      </label>
      <div class="mc-actions">
        <button
          type="button"
          @click=${(e: Event) => {
            const area = (e.target as HTMLElement).closest('details')!.querySelector('textarea')!;
            let when: JsonSchema;
            try {
              when = JSON.parse(area.value) as JsonSchema;
            } catch (err) {
              this.error = `${this.t('invalidJson')}: ${err instanceof Error ? err.message : String(err)}`;
              return;
            }
            this.#replace(i, { ...c, when }, this.t('editCondition', pick(c.title, this.lang)));
          }}
        >
          ${this.t('applyJson')}
        </button>
      </div>
    </details>`;
  }
}

customElements.define('mc-conditions-editor', ConditionsEditor);
