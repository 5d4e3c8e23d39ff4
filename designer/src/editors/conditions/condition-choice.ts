import { html } from 'lit';
import { canonicalJson, pick, type JsonSchema, type Lang, type NamedCondition, type Procedure } from '@motcua/core';
import { tr } from '../i18n.ts';

const CUSTOM = '#custom';

function logic(schema: JsonSchema | undefined): string {
  if (schema === undefined || schema === true) return '';
  if (typeof schema !== 'object' || schema === null) return JSON.stringify(schema);
  const { title: _t, ...rest } = schema;
  return canonicalJson(rest);
}

/** The named condition `when` is a copy of: its id, '' for none (always), or "#custom". */
export function chosenCondition(procedure: Procedure, when: JsonSchema | undefined): string {
  const key = logic(when);
  if (key === '') return '';
  return (procedure.conditions ?? []).find((c) => logic(c.when) === key)?.id ?? CUSTOM;
}

/** The copy of a named condition placed where it applies (undefined: always). */
export function copyOf(procedure: Procedure, id: string): JsonSchema | undefined {
  const c = (procedure.conditions ?? []).find((x: NamedCondition) => x.id === id);
  return c && c.when !== true ? structuredClone(c.when) : undefined;
}

/**
 * A select of "always" and the named conditions; a condition written by hand that matches none
 * stays selected as "custom" (kept as is, edited in the JSON view).
 */
export function conditionSelect(
  lang: Lang,
  label: string,
  procedure: Procedure,
  when: JsonSchema | undefined,
  pickId: (when: JsonSchema | undefined) => void,
) {
  const current = chosenCondition(procedure, when);
  return html`<label
    >${label}
    <select
      @change=${(e: Event) => {
        const id = (e.target as HTMLSelectElement).value;
        if (id !== CUSTOM) pickId(id === '' ? undefined : copyOf(procedure, id));
      }}
    >
      <option value="" ?selected=${current === ''}>${tr(lang, 'always')}</option>
      ${(procedure.conditions ?? []).map(
        (c) => html`<option value=${c.id} ?selected=${current === c.id}>${pick(c.title, lang)}</option>`,
      )}
      ${current === CUSTOM ? html`<option value=${CUSTOM} selected>${tr(lang, 'customCondition')}</option>` : ''}
    </select></label
  >`;
}
