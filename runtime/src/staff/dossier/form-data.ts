import { LitElement, html, nothing } from 'lit';
import { createPrecompiledEvaluator, type CompiledValidator } from '@motcua/core';
import type { StaffData } from '../data/staff-data.ts';
import { LangController, lang, t } from '../i18n/language.ts';
import { staffStyles } from '../ui/styles.ts';

/**
 * <motcua-staff-form-data>: a dossier's form data, read-only, drawn by the citizen form's own
 * renderers from the procedure version the dossier is pinned to. The renderers load on first use.
 */
export class StaffFormData extends LitElement {
  static override styles = staffStyles;
  static override properties = {
    data: { attribute: false },
    procedure: { type: String },
    version: { type: Number },
    value: { attribute: false },
    _view: { state: true },
    _error: { state: true },
  };
  declare data: StaffData;
  declare procedure: string;
  declare version: number;
  declare value: Record<string, unknown>;
  declare _view: { schema: unknown; uischema: unknown; evaluator: unknown } | null;
  declare _error: string;

  constructor() {
    super();
    new LangController(this);
    this._view = null;
    this._error = '';
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('procedure') || changed.has('version')) && this.procedure && this.version) void this.load();
  }

  private async load() {
    try {
      const [view] = await Promise.all([
        this.data.procedureVersion(this.procedure, this.version),
        import('../../elements/form/motcua-jsonforms.ts').then((m) => {
          if (!customElements.get('motcua-jsonforms')) customElements.define('motcua-jsonforms', m.MotcuaJsonForms);
        }),
      ]);
      const validators = (await this.data.validators(view.validators)) as Record<string, CompiledValidator>;
      const form = view.procedure.form;
      this._view = { schema: form.schema, uischema: form.uischema, evaluator: createPrecompiledEvaluator(validators) };
    } catch (e) {
      this._error = e instanceof Error ? e.message : String(e);
    }
  }

  override render() {
    if (this._error) return html`<p class="error">${this._error}</p>`;
    if (!this._view) return html`<p role="status">${t('loading')}</p>`;
    return html`<motcua-jsonforms
      readonly
      lang=${lang()}
      .schema=${this._view.schema}
      .uischema=${this._view.uischema}
      .evaluator=${this._view.evaluator}
      .data=${this.value}
    ></motcua-jsonforms>${nothing}`;
  }
}
