/**
 * The applicant form editor: a searchable palette (Enter adds), the outline tree, the canvas with
 * Move up/down, duplicate and delete on each element, and the properties of the selected one.
 * Deleting a field that something refers to lists those references first.
 */
import { html, nothing, svg } from 'lit';
import { getAt, type FieldReference, type UISchemaElement } from '@motcua/core';
import { LightElement } from '../app/light-element.ts';
import type { Lang } from '../app/api.ts';
import { t, type StringKey } from '../i18n/strings.ts';
import { emitChange } from '../app/emit-change.ts';
import type { Definition } from '../store/definition-store.ts';
import { fieldType, searchFieldTypes } from './field-types.ts';
import {
  addField,
  deleteElement,
  duplicateElement,
  elementLabel,
  isRequired,
  moveElement,
  referencesToElement,
  typeOfControl,
} from './form-ops.ts';
import type { FieldProperties } from './field-properties.ts';
import './field-properties.ts';
import { elementFor, tree, type Node } from './element-for.ts';

const ROOT = '/form/uischema';

/** Two overlapping sheets: the duplicate button's icon (its name is its aria-label). */
const COPY_ICON = html`<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
  ${svg`<rect x="1" y="4" width="8" height="9" fill="none" stroke="currentColor" stroke-width="1.5" /><rect x="5" y="1" width="8" height="9" fill="none" stroke="currentColor" stroke-width="1.5" />`}
</svg>`;

export class FormEditor extends LightElement {
  static override properties = {
    lang: {},
    procedure: { attribute: false },
    focusPointer: { attribute: false },
    selected: { state: true },
    query: { state: true },
    pendingDelete: { state: true },
  };
  declare lang: Lang;
  declare procedure: Definition;
  declare focusPointer: string | null;
  declare selected: string | null;
  declare query: string;
  declare pendingDelete: { pointer: string; refs: FieldReference[] } | null;

  constructor() {
    super();
    this.lang = 'vi';
    this.selected = null;
    this.query = '';
    this.pendingDelete = null;
    this.focusPointer = null;
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('focusPointer') && this.focusPointer) {
      const el = elementFor(this.procedure, this.focusPointer);
      if (el) this.selected = el;
    }
    if (this.selected && !getAt(this.procedure, this.selected)) this.selected = null;
  }

  #label(pointer: string): string {
    const l = elementLabel(this.procedure, pointer);
    return this.lang === 'en' ? l.en || l.vi : l.vi;
  }

  /** Records an edit; the workspace hands the same object back, so it is shown at once. */
  #commit(definition: Definition, label: string) {
    this.procedure = definition;
    emitChange(this, definition, label);
  }

  async #add(typeId: string) {
    const { definition, pointer } = addField(this.procedure, typeId, this.selected);
    const type = fieldType(typeId)!;
    this.#commit(definition, t(this.lang, 'f_add', type.label[this.lang]));
    this.selected = pointer;
    // Keyboard users go on with the new field's label.
    await this.updateComplete;
    await (this.querySelector('mc-field-properties') as FieldProperties | null)?.updateComplete;
    const input = this.querySelector('#prop-label-vi') as HTMLInputElement | null;
    input?.focus();
    input?.select();
  }

  #move(pointer: string, delta: -1 | 1) {
    const name = this.#label(pointer);
    const { definition, pointer: to } = moveElement(this.procedure, pointer, delta);
    if (definition === this.procedure) return;
    this.#commit(definition, t(this.lang, delta < 0 ? 'f_moveUp' : 'f_moveDown', name));
    this.selected = to;
    // Keep the focus on the same button of the moved element.
    const cls = delta < 0 ? 'up' : 'down';
    void this.updateComplete.then(() =>
      (this.querySelector(`[data-pointer="${to}"] > .actions .${cls}`) as HTMLButtonElement | null)?.focus(),
    );
  }

  #duplicate(pointer: string) {
    const { definition, pointer: copy } = duplicateElement(this.procedure, pointer);
    this.#commit(definition, t(this.lang, 'f_duplicate', this.#label(pointer)));
    this.selected = copy;
  }

  #askDelete(pointer: string) {
    const refs = referencesToElement(this.procedure, pointer);
    if (refs.length === 0) return this.#delete(pointer);
    this.pendingDelete = { pointer, refs };
    void this.updateComplete.then(() => (this.querySelector('dialog.delete') as HTMLDialogElement | null)?.showModal());
  }

  #delete(pointer: string) {
    const name = this.#label(pointer);
    this.#commit(deleteElement(this.procedure, pointer), t(this.lang, 'f_delete', name));
    this.pendingDelete = null;
    this.selected = null;
  }

  #paletteKey(e: KeyboardEvent) {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const first = searchFieldTypes(this.query)[0];
    if (first) void this.#add(first.id);
  }

  override render() {
    const lang = this.lang;
    const root = getAt(this.procedure, ROOT) as UISchemaElement | undefined;
    const nodes = root ? tree(root, ROOT).children : [];
    const types = searchFieldTypes(this.query);
    return html`<div class="form-editor">
      <section class="palette" aria-labelledby="palette-title">
        <h2 id="palette-title">${t(lang, 'f_palette')}</h2>
        <label for="palette-search">${t(lang, 'f_search')}</label>
        <input
          id="palette-search"
          type="search"
          aria-describedby="palette-help"
          .value=${this.query}
          @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
          @keydown=${this.#paletteKey}
        />
        <p id="palette-help" class="hint">${t(lang, 'f_searchHelp')}</p>
        <ul>
          ${types.map(
            (ty) =>
              html`<li>
                <button type="button" data-type=${ty.id} @click=${() => void this.#add(ty.id)}>+ ${ty.label[lang]}</button>
              </li>`,
          )}
        </ul>
      </section>
      <nav class="outline" aria-labelledby="outline-title">
        <h2 id="outline-title">${t(lang, 'f_outline')}</h2>
        ${this.#outline(nodes)}
      </nav>
      <section class="canvas" aria-labelledby="canvas-title">
        <h2 id="canvas-title">${t(lang, 'f_canvas')}</h2>
        ${nodes.length === 0 ? html`<p>${t(lang, 'f_empty')}</p>` : html`<ol class="cards">${nodes.map((n, i) => this.#card(n, i, nodes.length))}</ol>`}
      </section>
      <section class="properties" aria-labelledby="props-title">
        <h2 id="props-title">${t(lang, 'f_properties')}</h2>
        ${
          this.selected
            ? html`<mc-field-properties .lang=${lang} .procedure=${this.procedure} .pointer=${this.selected}></mc-field-properties>`
            : html`<p>${t(lang, 'f_noSelection')}</p>`
        }
      </section>
      ${this.pendingDelete ? this.#deleteDialog() : nothing}
    </div>`;
  }

  #outline(nodes: Node[]): unknown {
    if (nodes.length === 0) return nothing;
    return html`<ul>
      ${nodes.map(
        (n) =>
          html`<li>
            <button
              type="button"
              class="link"
              aria-current=${this.selected === n.pointer ? 'true' : 'false'}
              @click=${() => (this.selected = n.pointer)}
            >
              ${this.#label(n.pointer)}
            </button>
            ${this.#outline(n.children)}
          </li>`,
      )}
    </ul>`;
  }

  #card(n: Node, index: number, count: number): unknown {
    const lang = this.lang;
    const name = this.#label(n.pointer);
    const type = typeOfControl(this.procedure, n.pointer);
    const typeName = fieldType(type)?.label[lang] ?? n.el.type;
    const required = n.el.type === 'Control' && isRequired(this.procedure, n.pointer);
    return html`<li class="card-el" data-pointer=${n.pointer} aria-current=${this.selected === n.pointer ? 'true' : 'false'}>
      <div class="head">
        <button type="button" class="select" @click=${() => (this.selected = n.pointer)}>
          <strong>${name}</strong>${required ? html` <span aria-hidden="true">*</span>` : nothing}
          <span class="type">${typeName}</span>
        </button>
      </div>
      <div class="actions">
        <button type="button" class="up" ?disabled=${index === 0} aria-label=${t(lang, 'f_moveUp', name)} @click=${() => this.#move(n.pointer, -1)}>
          ↑
        </button>
        <button
          type="button"
          class="down"
          ?disabled=${index === count - 1}
          aria-label=${t(lang, 'f_moveDown', name)}
          @click=${() => this.#move(n.pointer, 1)}
        >
          ↓
        </button>
        <button type="button" class="dup" aria-label=${t(lang, 'f_duplicate', name)} @click=${() => this.#duplicate(n.pointer)}>${COPY_ICON}</button>
        <button type="button" class="del" aria-label=${t(lang, 'f_delete', name)} @click=${() => this.#askDelete(n.pointer)}>✕</button>
      </div>
      ${n.children.length ? html`<ol class="cards">${n.children.map((c, i) => this.#card(c, i, n.children.length))}</ol>` : nothing}
    </li>`;
  }

  #deleteDialog() {
    const lang = this.lang;
    const pd = this.pendingDelete!;
    const name = this.#label(pd.pointer);
    return html`<dialog class="delete" aria-labelledby="delete-title" @close=${() => (this.pendingDelete = null)}>
      <h2 id="delete-title">${t(lang, 'f_deleteTitle', name)}</h2>
      <p>${t(lang, 'f_deleteRefs')}</p>
      <ul>
        ${pd.refs.map((r) => html`<li>${t(lang, `f_ref_${r.kind}` as StringKey)}: <code>${r.pointer}</code></li>`)}
      </ul>
      <div class="row">
        <button type="button" class="danger" @click=${() => this.#delete(pd.pointer)}>${t(lang, 'f_deleteAnyway')}</button>
        <button type="button" @click=${() => (this.querySelector('dialog.delete') as HTMLDialogElement).close()}>
          ${t(lang, 'cancel')}
        </button>
      </div>
    </dialog>`;
  }
}

customElements.define('mc-form-editor', FormEditor);
