import { LitElement, css, html } from 'lit';
import { live } from 'lit/directives/live.js';
import { fields, OPTIONS, type Field } from './form-100.ts';

/**
 * The same 100-field form written by hand in plain Lit (labels, inputs, required marks, two per
 * row, change handling), without JSON Forms, validation or rules: the baseline of the benchmark.
 */
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

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

  /**
   * The same rules written by hand (required, length, minimum, options, dates) with a message per
   * field: the baseline of validate() beside the form's own.
   */
  validate(): { name: string; message: string }[] {
    const out: { name: string; message: string }[] = [];
    for (const [i, f] of this.fields.entries()) {
      const v = this.data[f.name];
      if (v === undefined || v === '') {
        if (i % 5 === 0) out.push({ name: f.name, message: `${f.label}: bắt buộc nhập` });
        continue;
      }
      if (f.kind === 'text' && (typeof v !== 'string' || v.length > 100))
        out.push({ name: f.name, message: `${f.label}: không quá 100 ký tự` });
      else if (f.kind === 'integer' && !(Number.isInteger(v) && (v as number) >= 0))
        out.push({ name: f.name, message: `${f.label}: phải là số nguyên không âm` });
      else if (f.kind === 'number' && typeof v !== 'number')
        out.push({ name: f.name, message: `${f.label}: phải là số` });
      else if (f.kind === 'enum' && !OPTIONS.includes(v as string))
        out.push({ name: f.name, message: `${f.label}: chọn một giá trị trong danh sách` });
      else if (f.kind === 'date' && !(typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(v))))
        out.push({ name: f.name, message: `${f.label}: ngày không hợp lệ` });
    }
    return out;
  }

  protected override render() {
    const rows = [];
    for (let i = 0; i < this.fields.length; i += 2)
      rows.push(html`<div class="row">${this.fields.slice(i, i + 2).map((f) => this.field(f))}</div>`);
    return html`<form>${rows}</form>`;
  }
}
customElements.define('plain-lit-form', PlainLitForm);
