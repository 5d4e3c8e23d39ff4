/**
 * A test scenario's answers, entered in the runtime itself: `<motcua-form>` given the current
 * definition, the scenario's answers and chosen agency to start from, and its submission instant
 * as the form's clock (so the expected appointment is the scenario's). Each change the applicant
 * would make is handed on as `scenario-answers` `{ data, agency }`; nothing is ever submitted.
 */
import { LitElement, html, nothing } from 'lit';
import type { Agency, Calendar, Lang, Procedure, SchemaEvaluator } from '@motcua/core';
import { loadRuntime } from './runtime-loader.ts';

export interface ScenarioFormEnvironment {
  agencies: readonly Agency[];
  evaluator: SchemaEvaluator;
  calendarOf(agency: string): Calendar;
}

export interface ScenarioAnswers {
  data: Record<string, unknown>;
  agency: string | null;
}

export class ScenarioForm extends LitElement {
  static override properties = {
    lang: {},
    definition: { attribute: false },
    environment: { attribute: false },
    initialData: { attribute: false },
    agency: {},
    submittedAt: {},
    ready: { state: true },
    error: { state: true },
  };
  declare lang: Lang;
  declare definition: Procedure;
  declare environment: ScenarioFormEnvironment;
  declare initialData: Record<string, unknown>;
  declare agency: string | undefined;
  declare submittedAt: string;
  declare ready: boolean;
  declare error: string;
  #agencies: unknown[] = [];
  #calendars: Record<string, Calendar> = {};
  #for: ScenarioFormEnvironment | null = null;

  constructor() {
    super();
    this.lang = 'vi';
    this.ready = false;
    this.error = '';
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    loadRuntime().then(
      () => (this.ready = true),
      (err: unknown) => (this.error = err instanceof Error ? err.message : String(err)),
    );
  }

  protected override willUpdate(): void {
    const env = this.environment;
    if (env && env !== this.#for) {
      // The runtime's shapes: the agencies as the public view lists them, calendars by agency.
      this.#for = env;
      this.#agencies = env.agencies.map((a) => ({ code: a.code, name: a.name, kind: a.kind, parent: a.parent }));
      this.#calendars = {};
      for (const a of env.agencies) {
        try {
          this.#calendars[a.code] = env.calendarOf(a.code);
        } catch {
          // An agency without a calendar shows no expected appointment.
        }
      }
    }
  }

  #onInput(e: CustomEvent<{ data: unknown; agency: string | null }>) {
    e.stopPropagation();
    const data = (e.detail.data ?? {}) as Record<string, unknown>;
    this.dispatchEvent(
      new CustomEvent<ScenarioAnswers>('scenario-answers', {
        detail: { data, agency: e.detail.agency },
        bubbles: true,
        composed: true,
      }),
    );
  }

  override render() {
    if (this.error) return html`<p role="alert" class="mc-fail">${this.error}</p>`;
    if (!this.ready || !this.environment) return nothing;
    const at = Date.parse(this.submittedAt);
    return html`<motcua-form
      .definition=${this.definition}
      .evaluator=${this.environment.evaluator}
      .agencies=${this.#agencies}
      .calendars=${this.#calendars}
      .initialData=${this.initialData}
      .now=${() => (Number.isFinite(at) ? at : Date.now())}
      agency=${this.agency ?? ''}
      lang=${this.lang}
      @motcua-input=${this.#onInput}
    ></motcua-form>`;
  }
}

customElements.define('mc-scenario-form', ScenarioForm);
