import { css, html, nothing } from 'lit';
import type { ControlElement, JsonSchema, UISchemaElement } from '@jsonforms/core';
import { alternativesOf, deriveTypes, generateUiSchema, mergeAllOf } from '@motcua/core';
import type { DispatchProps, FormContext } from '../../jsonforms/context.ts';
import { controlView, errorText, hint, requiredMark } from '../control-shell.ts';
import { pathToPointer } from '../../jsonforms/paths.ts';
import { detailUiSchema } from '../../jsonforms/detail.ts';
import { localTitle } from '../../i18n/localize.ts';
import { addWords } from '../../i18n/strings.ts';
import { CHOICE_WORDS_VI } from '../../i18n/strings-choice.ts';
import { expandable, openButton } from '../expandable.ts';

// This module is its own chunk (loaded by forms that have alternatives): its Vietnamese words come with it.
addWords('vi', CHOICE_WORDS_VI);

type Node = Record<string, unknown>;

/** What is laid out for one alternative: nothing for "none" (`type: null`), which is chosen, not filled in. */
interface Alternative {
  schema: Node;
  title: string;
  ui: UISchemaElement | null;
}

/**
 * `oneOf` / `anyOf`: the person chooses a case from a list of the alternatives' titles, then fills
 * in the chosen case's fields. The case shown is the one chosen, else the first the data fits.
 * Switching keeps what fits the new case (the fields they share) and remembers the rest: choosing
 * the earlier case again brings it back.
 */
export function combinatorControl(props: DispatchProps, ctx: FormContext, key: 'oneOf' | 'anyOf') {
  const v = controlView(props, ctx);
  if (!v) return nothing;
  const rootSchema = ctx.state.jsonforms.core!.schema;
  const uischema = props.uischema as ControlElement;
  const alternatives = ctx.memo(uischema, `alternatives:${v.path}`, [v.schema, ctx.lang], () =>
    alternativesOf(v.schema, key, rootSchema).map((schema, i): Alternative => {
      const title = typeof schema.title === 'string' ? localTitle(schema.title, ctx.lang) : '';
      const types = deriveTypes(schema).filter((t) => t !== 'null');
      let ui: UISchemaElement | null = null;
      if (types.includes('object')) ui = generateUiSchema(schema, rootSchema) as UISchemaElement | null;
      else if (types.length) ui = { type: 'Control', scope: '#', label: title || v.label } as ControlElement;
      return { schema, title: title || ctx.text('choiceAlternative', { n: i + 1 }), ui };
    }),
  );
  const choiceKey = `choice:${v.path}`;
  const chosen =
    ctx.choice(choiceKey) ?? (v.data === undefined ? -1 : alternatives.findIndex((a) => fits(a.schema, v.data)));
  const kept = ctx.memo(uischema, `kept:${v.path}`, [], () => new Map<number, unknown>());
  const selectId = `${v.inputId}-choice`;

  const choose = (to: number) => {
    const now = ctx.valueAt(v.path);
    if (chosen >= 0 && now !== undefined) kept.set(chosen, now);
    ctx.choose(choiceKey, to);
    const target = alternatives[to];
    const next = !target ? undefined : kept.has(to) ? kept.get(to) : compatible(now, target.schema);
    ctx.change(v.path, next);
    ctx.touch(v.path);
  };

  const current = alternatives[chosen];
  // Only a chosen case is laid out: a recursive alternative opens one level per choice.
  const body =
    current?.ui != null
      ? ctx.render({ uischema: current.ui, schema: current.schema as JsonSchema, path: v.path, enabled: !v.disabled })
      : nothing;
  return html`<fieldset
    class="choice-of ${v.invalid ? 'invalid' : ''}"
    part="group choice-of"
    id=${v.inputId}
    tabindex="-1"
    data-pointer=${pathToPointer(v.path)}
    aria-describedby=${v.describedBy ?? nothing}
  >
    <legend part="group-label">${v.label || v.accessibleName}${requiredMark(v, ctx)}</legend>
    ${hint(v)}
    <div class="field select">
      <label class="label" part="label" for=${selectId}>${ctx.text('choiceLabel')}</label>
      <select id=${selectId} part="input select" ?disabled=${v.disabled}
        @change=${(e: Event) => choose(Number((e.target as HTMLSelectElement).value))}>
        <option value="-1" ?selected=${chosen < 0}>${ctx.text('selectPlaceholder')}</option>
        ${alternatives.map((a, i) => html`<option value=${i} ?selected=${i === chosen}>${a.title}</option>`)}
      </select>
    </div>
    ${kept.size ? html`<p class="hint" part="hint">${ctx.text('choiceKept')}</p>` : nothing}
    ${errorText(v, ctx)} ${body}
  </fieldset>`;
}

/**
 * `allOf`: the parts merged into one schema, laid out as one object (or as the one field they
 * describe together). A part that includes itself is merged once.
 */
export function allOfControl(props: DispatchProps, ctx: FormContext) {
  const p = ctx.props(props);
  if (!p.visible) return nothing;
  const rootSchema = ctx.state.jsonforms.core!.schema;
  const uischema = props.uischema as ControlElement;
  const merged = ctx.memo(uischema, `merged:${p.path}`, [p.schema], () => mergeAllOf(p.schema, rootSchema));
  const types = deriveTypes(merged);
  if (!types.length) return nothing;
  if (!types.includes('object')) {
    // One field: the control itself over the merged schema (its rules and options kept).
    const leaf = ctx.memo(uischema, `leaf:${p.path}`, [merged], () => ({
      ...uischema,
      scope: '#',
      label: uischema.label ?? p.label,
    }));
    return ctx.render({ uischema: leaf, schema: merged as JsonSchema, path: p.path, enabled: props.enabled });
  }
  const v = controlView(props, ctx)!;
  const detail = ctx.memo(uischema, `detail:${v.path}`, [merged], () => detailUiSchema(uischema, merged, rootSchema));
  const body = expandable(p.schema, v.data, () =>
    ctx.render({ uischema: detail, schema: merged as JsonSchema, path: v.path, enabled: !v.disabled }),
  );
  return html`<fieldset
    class="object ${v.invalid ? 'invalid' : ''}"
    part="group object"
    id=${v.inputId}
    tabindex="-1"
    data-pointer=${pathToPointer(v.path)}
    aria-describedby=${v.describedBy ?? nothing}
  >
    ${v.label ? html`<legend part="group-label">${v.label}${requiredMark(v, ctx)}</legend>` : nothing} ${hint(v)} ${errorText(v, ctx)} ${body === null ? openButton(v.path, v.label || v.accessibleName, merged, ctx) : body}
  </fieldset>`;
}

const typeOf = (x: unknown): string =>
  x === null
    ? 'null'
    : Array.isArray(x)
      ? 'array'
      : typeof x === 'number'
        ? Number.isInteger(x)
          ? 'integer'
          : 'number'
        : typeof x;

/** Whether `data` has the alternative's type, and, for an object, only its fields and all it requires. */
function fits(schema: Node, data: unknown): boolean {
  const types = deriveTypes(schema);
  const t = typeOf(data);
  if (types.length && !types.includes(t) && !(t === 'integer' && types.includes('number'))) return false;
  if ('const' in schema) return JSON.stringify(schema.const) === JSON.stringify(data);
  if (t !== 'object') return true;
  const props = schema.properties as Node | undefined;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const keys = Object.keys(data as Node);
  return (!props || keys.every((k) => k in props)) && required.every((r) => keys.includes(r));
}

/** What of `data` the alternative can hold: the fields it shares, or the value when its type fits. */
function compatible(data: unknown, schema: Node): unknown {
  const types = deriveTypes(schema);
  if (types.length === 1 && types[0] === 'null') return null;
  if (data === undefined || data === null) return undefined;
  if (typeOf(data) === 'object') {
    if (!types.includes('object')) return undefined;
    const props = schema.properties as Node | undefined;
    if (!props) return data;
    const out = Object.fromEntries(Object.entries(data as Node).filter(([k]) => k in props));
    return Object.keys(out).length ? out : undefined;
  }
  return fits({ type: types }, data) ? data : undefined;
}

/** The look of the alternatives (adopted by the form when this chunk loads). */
export const styles = css`
  .choice-of > .field.select {
    margin-bottom: 0.5rem;
  }
`;
