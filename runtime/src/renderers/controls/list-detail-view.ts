import { css, html, nothing } from 'lit';
import { Resolve, type ControlElement } from '@jsonforms/core';
import type { DispatchProps, FormContext } from '../../jsonforms/context.ts';
import { controlView, errorText, hint, requiredMark } from '../control-shell.ts';
import { pathToPointer } from '../../jsonforms/paths.ts';
import { detailUiSchema } from '../../jsonforms/detail.ts';
import { localTitle } from '../../i18n/localize.ts';
import { withDefaults } from '../defaults.ts';
import type { JsonSchema as CoreSchema } from '@motcua/core';
import { addWords } from '../../i18n/strings.ts';
import { LIST_WORDS_VI } from '../../i18n/strings-list.ts';

// This module is its own chunk (loaded by forms that have a ListWithDetail): its Vietnamese words come with it.
addWords('vi', LIST_WORDS_VI);

/**
 * ListWithDetail: the rows as a list of buttons (each named by its number and first text), and
 * beside it the form of the row chosen; add, move and remove as in a plain list.
 */
export function listWithDetail(props: DispatchProps, ctx: FormContext) {
  const v = controlView(props, ctx);
  if (!v) return nothing;
  const rootSchema = ctx.state.jsonforms.core!.schema;
  const uischema = props.uischema as ControlElement;
  const items = ctx.memo(
    uischema,
    `items:${v.path}`,
    [v.schema],
    () => Resolve.schema(v.schema, 'items', rootSchema) ?? {},
  );
  const detail = ctx.memo(uischema, `detail:${v.path}`, [items], () => detailUiSchema(uischema, items, rootSchema));
  const list: unknown[] = Array.isArray(v.data) ? v.data : [];
  const key = `list:${v.path}`;
  const selected = Math.min(ctx.choice(key) ?? 0, list.length - 1);
  const itemLabel =
    (typeof items.title === 'string' && localTitle(items.title, ctx.lang)) || v.label || ctx.text('listDefaultItem');
  const name = (i: number) => ctx.text('listItem', { label: itemLabel, n: i + 1 });
  const showId = (i: number) => `${v.inputId}-show-${i}`;
  const detailId = `${v.inputId}-detail`;
  const current = (): unknown[] => {
    const now = ctx.valueAt(v.path);
    return Array.isArray(now) ? now : [];
  };
  const move = (from: number, to: number) => {
    const copy = [...current()];
    const [item] = copy.splice(from, 1);
    copy.splice(to, 0, item);
    ctx.change(v.path, copy);
    ctx.choose(key, to);
    ctx.focusAfterRender(showId(to));
  };
  const remove = (i: number) => {
    const copy = current().filter((_, j) => j !== i);
    ctx.change(v.path, copy.length ? copy : undefined);
    ctx.touch(v.path);
    ctx.choose(key, Math.max(0, Math.min(i, copy.length - 1)));
    ctx.focusAfterRender(copy.length ? showId(Math.min(i, copy.length - 1)) : `${v.inputId}-add`);
  };
  const add = () => {
    const now = current();
    ctx.change(v.path, [...now, withDefaults(items as CoreSchema, undefined) ?? {}]);
    ctx.choose(key, now.length);
    ctx.focusAfterRender(detailId);
  };
  const show = (i: number) => {
    ctx.choose(key, i);
    ctx.focusAfterRender(detailId);
  };

  return html`<fieldset
    class="array list-detail ${v.invalid ? 'invalid' : ''}"
    part="array list-with-detail"
    id=${v.inputId}
    tabindex="-1"
    data-pointer=${pathToPointer(v.path)}
    aria-describedby=${v.describedBy ?? nothing}
  >
    <legend part="group-label">${v.label || v.accessibleName}${requiredMark(v, ctx)}</legend>
    ${hint(v)} ${errorText(v, ctx)}
    <div class="master-detail">
      <div class="master">
        ${
          list.length
            ? html`<ol class="rows" aria-label=${ctx.text('listItems', { label: itemLabel.toLocaleLowerCase(ctx.lang) })}>
              ${list.map((item, i) => {
                const title = [name(i), firstText(item)].filter(Boolean).join(': ');
                return html`<li class="row ${i === selected ? 'selected' : ''}" part="array-row">
                  <button type="button" class="show" part="button list-item" id=${showId(i)} aria-current=${i === selected ? 'true' : nothing}
                    aria-label=${ctx.text('listShow', { item: title })} @click=${() => show(i)}>${title}</button>
                  <span class="row-actions">
                    <button type="button" part="button array-button" ?disabled=${v.disabled || i === 0}
                      aria-label=${ctx.text('listUpLabel', { item: name(i) })} @click=${() => move(i, i - 1)}>↑</button>
                    <button type="button" part="button array-button" ?disabled=${v.disabled || i === list.length - 1}
                      aria-label=${ctx.text('listDownLabel', { item: name(i) })} @click=${() => move(i, i + 1)}>↓</button>
                    <button type="button" part="button array-button remove" ?disabled=${v.disabled}
                      aria-label=${ctx.text('listRemoveLabel', { item: name(i) })} @click=${() => remove(i)}>✕</button>
                  </span>
                </li>`;
              })}
            </ol>`
            : html`<p class="empty">${ctx.text('listEmpty')}</p>`
        }
        <button type="button" class="add" part="button array-add" id=${`${v.inputId}-add`} ?disabled=${v.disabled} @click=${add}>
          + ${ctx.text('listAdd', { label: itemLabel.toLocaleLowerCase(ctx.lang) })}
        </button>
      </div>
      ${
        selected >= 0
          ? html`<div class="detail" id=${detailId} tabindex="-1" role="group" aria-labelledby=${`${detailId}-title`}>
            <p class="row-title" id=${`${detailId}-title`}>${name(selected)}</p>
            ${ctx.render({ uischema: detail, schema: items, path: `${v.path}.${selected}`, enabled: !v.disabled })}
          </div>`
          : nothing
      }
    </div>
  </fieldset>`;
}

/** The first text of a row (its name, usually), to tell rows apart in the list. */
function firstText(item: unknown): string {
  if (typeof item === 'string') return item;
  if (typeof item !== 'object' || item === null) return '';
  const text = Object.values(item).find((x) => typeof x === 'string' && x.trim() !== '');
  return typeof text === 'string' ? text : '';
}

/** The list beside the chosen row's form (adopted by the form when this chunk loads). */
export const styles = css`
  .rows {
    list-style: none;
    margin: 0 0 0.75rem;
    padding: 0;
  }
  .row-actions {
    display: flex;
    gap: 0.35rem;
  }
  .row-actions button {
    padding: 0.15rem 0.55rem;
    min-height: 2rem;
  }
  .row-title {
    font-weight: 600;
  }
  .empty {
    color: var(--_muted);
    font-style: italic;
  }
  .master-detail {
    display: grid;
    grid-template-columns: minmax(10rem, 1fr) 2fr;
    gap: var(--_space);
    align-items: start;
  }
  @media (max-width: 40rem) {
    .master-detail {
      grid-template-columns: 1fr;
    }
  }
  .master .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.35rem;
  }
  .master .show {
    flex: 1;
    text-align: start;
    background: none;
    color: var(--_text);
    border-color: transparent;
  }
  .master .selected .show {
    border-color: var(--_primary);
    font-weight: 600;
  }
`;
