import { css, html, nothing } from 'lit';
import { Resolve, type ControlElement, type JsonSchema, type UISchemaElement } from '@jsonforms/core';
import type { DispatchProps, FormContext } from '../../jsonforms/context.ts';
import { controlView, errorText, hint, requiredMark, type ControlView } from '../control-shell.ts';
import { pathToPointer } from '../../jsonforms/paths.ts';
import { withDefaults } from '../defaults.ts';
import { detailUiSchema } from '../../jsonforms/detail.ts';
import { localTitle } from '../../i18n/localize.ts';
import { hasType, resolveSchema, type JsonSchema as CoreSchema, type Lang } from '@motcua/core';
import { addWords } from '../../i18n/strings.ts';
import { ARRAY_WORDS_VI } from '../../i18n/strings-array.ts';

// This module is its own chunk (loaded by forms that have arrays): its Vietnamese words come with it.
addWords('vi', ARRAY_WORDS_VI);

/**
 * Arrays of objects and of primitive values: one row per item with move up / move down / remove,
 * and an add button. Every button names the item it acts on for screen readers, and focus lands
 * somewhere sensible after each action.
 */
export function arrayControl(props: DispatchProps, ctx: FormContext, primitive: boolean) {
  const v = controlView(props, ctx);
  if (!v) return nothing;
  const rootSchema = ctx.state.jsonforms.core!.schema;
  const uischema = props.uischema as ControlElement;
  const items = ctx.memo(
    uischema,
    `items:${v.path}`,
    [v.schema],
    // A list that says nothing of its items holds texts, as JSON Forms shows it.
    () => Resolve.schema(v.schema, 'items', rootSchema) ?? TEXT_ITEMS,
  );
  const list: unknown[] = Array.isArray(v.data) ? v.data : [];
  const itemLabel =
    (typeof items.title === 'string' && localTitle(items.title, ctx.lang)) || v.label || ctx.text('arrayDefaultItem');
  const maxItems = typeof v.schema.maxItems === 'number' ? v.schema.maxItems : Infinity;
  const addId = `${v.inputId}-add`;
  const rowId = (i: number) => `${v.inputId}-row-${i}`;

  // Kept across renders (one per control and schema): fresh UI schema objects would miss every cache below.
  const detail: UISchemaElement = ctx.memo(uischema, `detail:${v.path}`, [items], () =>
    primitive ? ({ type: 'Control', scope: '#' } as ControlElement) : detailUiSchema(uischema, items, rootSchema),
  );

  const current = (): unknown[] => {
    const now = ctx.valueAt(v.path);
    return Array.isArray(now) ? now : [];
  };
  const move = (from: number, to: number, focusId: string) => {
    const copy = [...current()];
    const [item] = copy.splice(from, 1);
    copy.splice(to, 0, item);
    ctx.change(v.path, copy);
    ctx.focusAfterRender(focusId);
  };
  const remove = (i: number) => {
    const copy = current().filter((_, j) => j !== i);
    ctx.change(v.path, copy.length ? copy : undefined);
    ctx.touch(v.path);
    ctx.focusAfterRender(copy.length ? rowId(Math.min(i, copy.length - 1)) : addId);
  };
  const add = () => {
    const now = current();
    ctx.change(v.path, [...now, newItem(items, rootSchema)]);
    ctx.focusAfterRender(rowId(now.length));
  };

  const rows = list.map((_, i) => {
    const name = ctx.text('arrayItem', { label: itemLabel, n: i + 1 });
    const rowDetail = primitive
      ? ctx.memo(detail, `row:${name}`, [], () => ({ ...(detail as ControlElement), label: name }) as ControlElement)
      : detail;
    return html`<li class="row" part="array-row">
      <div class="row-head">
        ${primitive ? nothing : html`<span class="row-title" id=${`${rowId(i)}-title`}>${name}</span>`}
        <span class="row-actions">
          <button type="button" part="button array-button" id=${`${rowId(i)}-up`} ?disabled=${v.disabled || i === 0}
            aria-label=${ctx.text('arrayUpLabel', { item: name })} @click=${() => move(i, i - 1, `${rowId(i - 1)}-up`)}>↑ ${ctx.text('arrayUp')}</button>
          <button type="button" part="button array-button" id=${`${rowId(i)}-down`} ?disabled=${v.disabled || i === list.length - 1}
            aria-label=${ctx.text('arrayDownLabel', { item: name })} @click=${() => move(i, i + 1, `${rowId(i + 1)}-down`)}>↓ ${ctx.text('arrayDown')}</button>
          <button type="button" part="button array-button remove" ?disabled=${v.disabled}
            aria-label=${ctx.text('arrayRemoveLabel', { item: name })} @click=${() => remove(i)}>✕ ${ctx.text('arrayRemove')}</button>
        </span>
      </div>
      <div class="row-body" id=${rowId(i)} role=${primitive ? nothing : 'group'} aria-labelledby=${primitive ? nothing : `${rowId(i)}-title`}>
        ${ctx.render({ uischema: rowDetail, schema: items, path: `${v.path}.${i}`, enabled: !v.disabled })}
      </div>
    </li>`;
  });

  return html`<fieldset
    class="array ${v.invalid ? 'invalid' : ''}"
    part="array"
    id=${v.inputId}
    tabindex="-1"
    data-pointer=${pathToPointer(v.path)}
    aria-describedby=${v.describedBy ?? nothing}
  >
    <legend part="group-label">${v.label || v.accessibleName}${requiredMark(v, ctx)}</legend>
    ${hint(v)} ${errorText(v, ctx)}
    ${list.length ? html`<ol class="rows">${rows}</ol>` : html`<p class="empty">${ctx.text('arrayEmpty')}</p>`}
    <button type="button" class="add" part="button array-add" id=${addId} ?disabled=${v.disabled || list.length >= maxItems} @click=${add}>
      + ${ctx.text('arrayAdd', { label: itemLabel.toLocaleLowerCase(ctx.lang) })}
    </button>
  </fieldset>`;
}

const TEXT_ITEMS: JsonSchema = { type: 'string' };

/** An array of distinct enum values (`uniqueItems`): a group of checkboxes. */
export function multiEnumControl(props: DispatchProps, ctx: FormContext) {
  const v = controlView(props, ctx);
  if (!v) return nothing;
  const options = multiEnumOptions(v, ctx.lang);
  const isIn = (list: unknown, value: unknown) =>
    Array.isArray(list) && list.some((s) => JSON.stringify(s) === JSON.stringify(value));
  const has = (value: unknown) => isIn(v.data, value);
  const toggle = (value: unknown, on: boolean) => {
    const now = ctx.valueAt(v.path);
    const next = options
      .filter((o) => (JSON.stringify(o.value) === JSON.stringify(value) ? on : isIn(now, o.value)))
      .map((o) => o.value);
    ctx.change(v.path, next.length ? next : undefined);
    ctx.touch(v.path);
  };
  return html`<fieldset
    class="field checks ${v.invalid ? 'invalid' : ''}"
    part="field checkbox-group"
    id=${v.inputId}
    tabindex="-1"
    data-pointer=${pathToPointer(v.path)}
    aria-describedby=${v.describedBy ?? nothing}
    ?disabled=${v.disabled}
  >
    <legend class="label" part="label">${v.label || v.accessibleName}${requiredMark(v, ctx)}</legend>
    ${hint(v)}
    <div class="choices">
      ${options.map(
        (o) => html`<label class="choice" part="choice">
          <input type="checkbox" part="input checkbox" .checked=${has(o.value)} @change=${(e: Event) => toggle(o.value, (e.target as HTMLInputElement).checked)} />
          <span>${o.label}</span>
        </label>`,
      )}
    </div>
    ${errorText(v, ctx)}
  </fieldset>`;
}

function multiEnumOptions(v: ControlView, lang: Lang): { label: string; value: unknown }[] {
  const items = (v.schema.items ?? {}) as {
    enum?: unknown[];
    oneOf?: { const?: unknown; title?: string }[];
    anyOf?: { const?: unknown; title?: string }[];
  };
  if (Array.isArray(items.enum)) return items.enum.map((e) => ({ label: String(e), value: e }));
  const alts = items.oneOf ?? items.anyOf ?? [];
  return alts.map((a) => ({ label: a.title ? localTitle(a.title, lang) : String(a.const), value: a.const }));
}

/** The rows of an array (adopted by the form when this chunk loads). */
export const styles = css`
  .rows {
    list-style: none;
    margin: 0 0 0.75rem;
    padding: 0;
  }
  .row {
    border-top: 1px solid color-mix(in srgb, var(--_border) 40%, transparent);
    padding: 0.6rem 0 0.2rem;
  }
  .row-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.5rem;
    margin-bottom: 0.4rem;
  }
  .row-title {
    font-weight: 600;
  }
  .row-actions {
    display: flex;
    gap: 0.35rem;
    flex-wrap: wrap;
  }
  .row-actions button {
    padding: 0.15rem 0.55rem;
    min-height: 2rem;
    font-size: 0.9em;
  }
  .empty {
    color: var(--_muted);
    font-style: italic;
  }
`;

/**
 * A row added to an array: the item schema's defaults (an object row gets its properties'), else an
 * empty value of the item's type, as JSON Forms starts one — except a date, which JSON Forms sets to
 * today and which the applicant is left to choose here.
 */
function newItem(items: unknown, rootSchema: unknown): unknown {
  const ref = typeof items === 'object' && items !== null ? (items as { $ref?: unknown }).$ref : undefined;
  const schema = (typeof ref === 'string' ? resolveSchema(rootSchema, ref, rootSchema) : items) as CoreSchema;
  const value = withDefaults(schema, undefined);
  if (value !== undefined) return value;
  for (const [type, empty] of EMPTY) if (hasType(schema, type)) return structuredClone(empty);
  return {};
}

const EMPTY: [string, unknown][] = [
  ['string', ''],
  ['integer', 0],
  ['number', 0],
  ['boolean', false],
  ['array', []],
  ['object', {}],
  ['null', null],
];
