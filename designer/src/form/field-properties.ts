/**
 * The properties of one form element: labels and help in both languages, required, limits, a
 * pattern with examples that must match it, the options of a choice; a group or page has its label.
 */
import { html, nothing } from 'lit';
import { getAt, type JsonSchemaObject, type UISchemaElement } from '@motcua/core';
import { LightElement } from '../app/light-element.ts';
import type { Lang } from '../app/api.ts';
import { t, type StringKey } from '../i18n/strings.ts';
import { emitChange } from '../app/emit-change.ts';
import type { Definition } from '../store/definition-store.ts';
import { fieldType } from './field-types.ts';
import { patternProblems } from './pattern-check.ts';
import {
  dataPointerOf,
  isRequired,
  joinHelp,
  joinTitle,
  schemaPointerOf,
  setRequired,
  splitHelp,
  splitTitle,
  typeOfControl,
  updateAt,
} from './form-ops.ts';

interface Choice {
  const: unknown;
  title?: string;
}

export class FieldProperties extends LightElement {
  static override properties = { lang: {}, procedure: { attribute: false }, pointer: {} };
  declare lang: Lang;
  declare procedure: Definition;
  declare pointer: string;

  #commit(definition: Definition, label: StringKey) {
    emitChange(this, definition, t(this.lang, label));
  }

  #schemaSet(key: string, value: unknown, label: StringKey) {
    const sp = schemaPointerOf(this.procedure, this.pointer)!;
    this.#commit(
      updateAt<JsonSchemaObject>(this.procedure, sp, (s) => {
        const copy = { ...s };
        if (value === undefined || value === '') delete copy[key];
        else copy[key] = value;
        return copy;
      }),
      label,
    );
  }

  #optionSet(key: string, value: unknown, label: StringKey) {
    this.#commit(
      updateAt<UISchemaElement>(this.procedure, this.pointer, (el) => {
        const options = { ...(el.options ?? {}) };
        if (value === undefined) delete options[key];
        else options[key] = value;
        const copy: UISchemaElement = { ...el, options };
        if (Object.keys(options).length === 0) delete copy.options;
        return copy;
      }),
      label,
    );
  }

  #textInput(id: string, label: StringKey, value: string, onInput: (v: string) => void, multiline = false) {
    return html`<label for=${id}>${t(this.lang, label)}</label>
      ${
        multiline
          ? html`<textarea id=${id} rows="3" .value=${value} @input=${(e: Event) => onInput((e.target as HTMLTextAreaElement).value)}></textarea>`
          : html`<input id=${id} .value=${value} @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)} />`
      }`;
  }

  #number(id: string, label: StringKey, key: string, schema: JsonSchemaObject, integer = true) {
    const v = schema[key];
    return html`<label for=${id}>${t(this.lang, label)}</label>
      <input
        id=${id}
        type="number"
        step=${integer ? '1' : 'any'}
        .value=${typeof v === 'number' ? String(v) : ''}
        @input=${(e: Event) => {
          const raw = (e.target as HTMLInputElement).value;
          const n = raw === '' ? undefined : Number(raw);
          if (n === undefined || Number.isFinite(n)) this.#schemaSet(key, n, label);
        }}
      />`;
  }

  override render() {
    const el = getAt(this.procedure, this.pointer) as UISchemaElement | undefined;
    if (!el) return nothing;
    if (el.type !== 'Control') return this.#layout(el);
    return this.#control(el);
  }

  #layout(el: UISchemaElement) {
    const title = splitTitle(el.label);
    const set = (lang: 'vi' | 'en', v: string) =>
      this.#commit(
        updateAt<UISchemaElement>(this.procedure, this.pointer, (old) => ({
          ...old,
          label: joinTitle({ ...splitTitle(old.label), [lang]: v }),
        })),
        lang === 'vi' ? 'f_labelVi' : 'f_labelEn',
      );
    return html`<div class="form-grid">
      ${this.#textInput('prop-label-vi', 'f_labelVi', title.vi, (v) => set('vi', v))}
      ${this.#textInput('prop-label-en', 'f_labelEn', title.en === title.vi ? '' : title.en, (v) => set('en', v))}
    </div>`;
  }

  #control(el: UISchemaElement) {
    const lang = this.lang;
    const sp = schemaPointerOf(this.procedure, this.pointer)!;
    const schema = (getAt(this.procedure, sp) ?? {}) as JsonSchemaObject;
    const type = typeOfControl(this.procedure, this.pointer);
    const title = splitTitle(schema.title);
    const help = splitHelp(schema.description);
    const setTitle = (k: 'vi' | 'en', v: string) =>
      this.#schemaSet('title', joinTitle({ ...title, [k]: v }), k === 'vi' ? 'f_labelVi' : 'f_labelEn');
    const setHelp = (k: 'vi' | 'en', v: string) => {
      const next = { ...help, [k]: v };
      this.#schemaSet(
        'description',
        next.vi || next.en ? joinHelp(next) : undefined,
        k === 'vi' ? 'f_helpVi' : 'f_helpEn',
      );
    };
    const isString = ['text', 'textarea', 'email'].includes(type);
    return html`<p class="hint">
        ${t(lang, 'f_type', fieldType(type)?.label[lang] ?? type)} · ${t(lang, 'f_dataName')}:
        <code>${dataPointerOf(this.procedure, this.pointer)}</code>
      </p>
      <div class="form-grid">
        ${this.#textInput('prop-label-vi', 'f_labelVi', title.vi, (v) => setTitle('vi', v))}
        ${this.#textInput('prop-label-en', 'f_labelEn', title.en === title.vi ? '' : title.en, (v) => setTitle('en', v))}
        ${this.#textInput('prop-help-vi', 'f_helpVi', help.vi, (v) => setHelp('vi', v), true)}
        ${this.#textInput('prop-help-en', 'f_helpEn', help.en === help.vi ? '' : help.en, (v) => setHelp('en', v), true)}
      </div>
      <label class="inline"
        ><input
          id="prop-required"
          type="checkbox"
          .checked=${isRequired(this.procedure, this.pointer)}
          @change=${(e: Event) =>
            this.#commit(
              setRequired(this.procedure, this.pointer, (e.target as HTMLInputElement).checked),
              'f_required',
            )}
        />
        ${t(lang, 'f_required')}</label
      >
      <div class="form-grid">
        ${
          isString
            ? html`${this.#number('prop-minlength', 'f_minLength', 'minLength', schema)}
            ${this.#number('prop-maxlength', 'f_maxLength', 'maxLength', schema)}`
            : nothing
        }
        ${
          type === 'number' || type === 'integer'
            ? html`${this.#number('prop-minimum', 'f_minimum', 'minimum', schema, type === 'integer')}
            ${this.#number('prop-maximum', 'f_maximum', 'maximum', schema, type === 'integer')}`
            : nothing
        }
        ${
          type === 'array'
            ? html`${this.#number('prop-minitems', 'f_minItems', 'minItems', schema)}
            ${this.#number('prop-maxitems', 'f_maxItems', 'maxItems', schema)}`
            : nothing
        }
      </div>
      ${
        type === 'text' || type === 'textarea'
          ? html`<label class="inline"
            ><input
              type="checkbox"
              .checked=${el.options?.multi === true}
              @change=${(e: Event) => this.#optionSet('multi', (e.target as HTMLInputElement).checked || undefined, 'f_multiline')}
            />
            ${t(lang, 'f_multiline')}</label
          >`
          : nothing
      }
      ${isString ? this.#pattern(schema) : nothing} ${type === 'select' || type === 'radio' ? this.#choices(el, schema, sp) : nothing}`;
  }

  #pattern(schema: JsonSchemaObject) {
    const lang = this.lang;
    const examples = Array.isArray(schema.examples) ? schema.examples.map(String) : [];
    const check = patternProblems(typeof schema.pattern === 'string' ? schema.pattern : undefined, examples);
    return html`<div class="form-grid">
        ${this.#textInput('prop-pattern', 'f_pattern', typeof schema.pattern === 'string' ? schema.pattern : '', (v) =>
          this.#schemaSet('pattern', v || undefined, 'f_pattern'),
        )}
        ${this.#textInput(
          'prop-examples',
          'f_examples',
          examples.join('\n'),
          (v) => {
            const list = v.split('\n').filter((x) => x !== '');
            this.#schemaSet('examples', list.length ? list : undefined, 'f_examples');
          },
          true,
        )}
      </div>
      <div role="status" class="error">
        ${check.bad ? t(lang, 'f_badPattern', check.bad) : nothing}
        ${check.failing.map((x) => html`<p>${t(lang, 'f_exampleFails', x)}</p>`)}
      </div>`;
  }

  #choices(el: UISchemaElement, schema: JsonSchemaObject, sp: string) {
    const lang = this.lang;
    const list = (Array.isArray(schema.oneOf) ? schema.oneOf : []) as Choice[];
    const setList = (next: Choice[], label: StringKey) => this.#schemaSet('oneOf', next, label);
    const edit = (i: number, patch: (c: Choice) => Choice, label: StringKey) =>
      setList(
        list.map((c, j) => (j === i ? patch(c) : c)),
        label,
      );
    void sp;
    return html`<fieldset>
      <legend>${t(lang, 'f_display')}</legend>
      <label class="inline"
        ><input type="radio" name="display" .checked=${el.options?.format !== 'radio'} @change=${() => this.#optionSet('format', undefined, 'f_display')} />
        ${t(lang, 'f_asSelect')}</label
      >
      <label class="inline"
        ><input type="radio" name="display" .checked=${el.options?.format === 'radio'} @change=${() => this.#optionSet('format', 'radio', 'f_display')} />
        ${t(lang, 'f_asRadio')}</label
      >
    </fieldset>
    <fieldset class="choices">
      <legend>${t(lang, 'f_options')}</legend>
      ${list.map((c, i) => {
        const title = splitTitle(c.title);
        const n = i + 1;
        return html`<div class="choice-row">
          <input aria-label=${t(lang, 'f_optionValue', n)} .value=${String(c.const ?? '')} @input=${(e: Event) =>
            edit(i, (o) => ({ ...o, const: (e.target as HTMLInputElement).value }), 'f_options')} />
          <input aria-label=${t(lang, 'f_optionVi', n)} .value=${title.vi} @input=${(e: Event) =>
            edit(
              i,
              (o) => ({ ...o, title: joinTitle({ ...splitTitle(o.title), vi: (e.target as HTMLInputElement).value }) }),
              'f_options',
            )} />
          <input aria-label=${t(lang, 'f_optionEn', n)} .value=${title.en === title.vi ? '' : title.en} @input=${(
            e: Event,
          ) =>
            edit(
              i,
              (o) => ({ ...o, title: joinTitle({ ...splitTitle(o.title), en: (e.target as HTMLInputElement).value }) }),
              'f_options',
            )} />
          <button type="button" aria-label=${t(lang, 'f_removeOption', n)} ?disabled=${list.length <= 1} @click=${() =>
            setList(
              list.filter((_, j) => j !== i),
              'f_options',
            )}>✕</button>
        </div>`;
      })}
      <button type="button" @click=${() => setList([...list, { const: `lua-chon-${list.length + 1}`, title: `Lựa chọn ${list.length + 1} / Option ${list.length + 1}` }], 'f_addOption')}>
        ${t(lang, 'f_addOption')}
      </button>
    </fieldset>`;
  }
}

customElements.define('mc-field-properties', FieldProperties);
