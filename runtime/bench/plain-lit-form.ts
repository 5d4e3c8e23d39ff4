import { LitElement, css, html } from 'lit';
import { live } from 'lit/directives/live.js';
import { fields, OPTIONS, type Field } from './form-100.ts';

/**
 * The same 100-field form written by hand in plain Lit (labels, inputs, required marks, two per
 * row, change handling), without JSON Forms, validation or rules: the baseline of the benchmark.
 */
export class PlainLitForm extends LitElement {
  static override properties = { data: { attribute: false } };
  static override styles = css`
    .row { display: flex; gap: 1rem; }
    .row > div { flex: 1; }
    label { display: block; font-weight: 600; }
    input, select { display: block; width: 100%; }
  `;
  declare data: Record<string, unknown>;
  private readonly fields = fields();

  constructor() {
    super();
    this.data = {};
  }

  private set(name: string, value: unknown) {
    this.data = { ...this.data, [name]: value };
    this.dispatchEvent(new CustomEvent('change', { detail: { data: this.data } }));
  }

  private field(f: Field) {
    const id = `p-${f.name}`;
    const v = this.data[f.name];
    const input =
      f.kind === 'boolean'
        ? html`<input id=${id} type="checkbox" .checked=${live(v === true)} @change=${(e: Event) => this.set(f.name, (e.target as HTMLInputElement).checked)} />`
        : f.kind === 'enum'
          ? html`<select id=${id} @change=${(e: Event) => this.set(f.name, (e.target as HTMLSelectElement).value || undefined)}>
              <option value="">— Chọn —</option>${OPTIONS.map((o) => html`<option ?selected=${o === v}>${o}</option>`)}
            </select>`
          : html`<input id=${id} type=${f.kind === 'date' ? 'date' : f.kind === 'text' ? 'text' : 'number'} .value=${live(v === undefined ? '' : String(v))}
              @input=${(e: Event) => {
                const t = (e.target as HTMLInputElement).value;
                this.set(f.name, t === '' ? undefined : f.kind === 'integer' || f.kind === 'number' ? Number(t) : t);
              }} />`;
    return html`<div><label for=${id}>${f.label}</label>${input}</div>`;
  }

  protected override render() {
    const rows = [];
    for (let i = 0; i < this.fields.length; i += 2)
      rows.push(html`<div class="row">${this.fields.slice(i, i + 2).map((f) => this.field(f))}</div>`);
    return html`<form>${rows}</form>`;
  }
}
customElements.define('plain-lit-form', PlainLitForm);
