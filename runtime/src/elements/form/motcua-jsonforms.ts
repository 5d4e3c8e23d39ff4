import { LitElement, html, nothing, type PropertyValues } from 'lit';
import {
  composeWithUi,
  NOT_APPLICABLE,
  type Categorization,
  type ControlElement,
  type JsonFormsState,
  type JsonSchema,
  type Layout,
  type OwnPropsOfControl,
  type UISchemaElement,
} from '@jsonforms/core';
import {
  generateJsonSchema,
  generateUiSchema,
  getAt,
  pick,
  resolveDataPointer,
  schemaIssues,
  type JsonSchema as CoreSchema,
  type Issue,
  type Lang,
  type SchemaEvaluator,
} from '@motcua/core';
import type {
  DispatchProps,
  FormContext,
  RenderedControl,
  RenderResult,
  RendererEntry,
} from '../../jsonforms/context.ts';
import { fieldIssues } from '../../jsonforms/field-issues.ts';
import { createValidatorShim } from '../../jsonforms/validator-shim.ts';
import { ControlPropsCache } from '../../jsonforms/control-props.ts';
import { FormMemo } from '../../jsonforms/form-memo.ts';
import { idForPath, isWithin, pathToPointer, setAt } from '../../jsonforms/paths.ts';
import { motcuaRenderers } from '../../renderers/index.ts';
import { wizardKey } from '../../renderers/layouts/wizard-key.ts';
import { ruleFailure, unsupported } from '../../renderers/unsupported.ts';
import { langOf, STRINGS, t, wordsFor, type Params, type StringKey } from '../../i18n/strings.ts';
import { theme } from '../../styles/theme.ts';
import { adoptStyles } from '../../styles/adopt.ts';
import { localTitle, translator } from '../../i18n/localize.ts';
import { lazy } from '../../lazy.ts';
import { afterPaint } from '../../after-paint.ts';

/** The evaluator of rule conditions for a form given none (jsonforms/interpreted.ts), loaded when one needs it. */
const interpreted = lazy(() => import('../../jsonforms/interpreted.ts'));

/** Translations of form texts by JSON Forms i18n key (e.g. "applicant.fullName.label"), per language. */
export type FormTranslations = Partial<Record<Lang, Record<string, string>>>;

export interface FormChangeDetail {
  data: unknown;
  errors: Issue[];
}

export interface StepChangeDetail {
  step: number;
  count: number;
  label: string;
}

/**
 * <motcua-jsonforms>: renders a JSON Schema + JSON Forms UI schema with motcua's Lit renderer set.
 * Standalone use: set `schema`, `uischema` (optional: generated when absent), `data`, and an
 * `evaluator` (core's SchemaEvaluator — precompiled validators in the browser); listen to
 * `change` ({ data, errors }). `validate()` shows every error, focuses the error summary and
 * returns the issues. `issues` adds errors found elsewhere (the server), keyed by data pointer.
 */
export class MotcuaJsonForms extends LitElement {
  static override styles = theme;
  static override properties = {
    schema: { attribute: false },
    uischema: { attribute: false },
    data: { attribute: false },
    evaluator: { attribute: false },
    derive: { attribute: false },
    renderers: { attribute: false },
    translations: { attribute: false },
    issues: { attribute: false },
    lang: { type: String, reflect: true },
    readonly: { type: Boolean, reflect: true },
    timeZone: { type: String, attribute: 'time-zone' },
    _touched: { state: true },
    _revealed: { state: true },
    _showAll: { state: true },
    _steps: { state: true },
    _choices: { state: true },
    _summary: { state: true },
    _local: { state: true },
    _external: { state: true },
  };

  declare schema: JsonSchema | undefined;
  declare uischema: UISchemaElement | undefined;
  declare data: unknown;
  declare evaluator: SchemaEvaluator | undefined;
  declare derive: ((data: unknown) => unknown) | undefined;
  declare renderers: readonly RendererEntry[];
  declare translations: FormTranslations | undefined;
  declare issues: readonly Issue[];
  declare readonly: boolean;
  declare timeZone: string;
  declare private _touched: ReadonlySet<string>;
  declare private _revealed: readonly string[];
  declare private _showAll: boolean;
  declare private _steps: ReadonlyMap<string, number>;
  declare private _choices: ReadonlyMap<string, number>;
  /** null: closed; otherwise the pointers whose errors it lists ([''] = all). */
  declare private _summary: readonly string[] | null;
  declare private _local: ReadonlyMap<string, Issue>;
  declare private _external: readonly Issue[];

  #validation: Issue[] = [];
  /** What #validation was computed for (a change made here has already been checked). */
  #checked: readonly unknown[] | null = null;
  #validationFailure: unknown = null;
  #rendered: RenderedControl[] = [];
  #ids = new Map<string, number>();
  #focusId: string | null = null;
  #focusSummary = false;
  #generatedUi: { schema: JsonSchema; ui: UISchemaElement } | null = null;
  /** The schema read off the data, for a form given data without a schema (JSON Forms' Generate.jsonSchema). */
  #generatedSchema: JsonSchema | null = null;
  /** The data as the form itself last changed it (anything else was set from outside). */
  #ownData: unknown = undefined;
  #rulesIn = new WeakMap<object, boolean>();
  #rulesFailed = false;
  /** True while the rules wait for their evaluator's chunk. */
  #rulesPending = false;
  #rulesLoading: Promise<void> | null = null;
  #stepReports = new Map<string, StepChangeDetail>();
  /** Parts of the form still loading (lazy renderers' chunks). */
  #loading = new Set<Promise<unknown>>();
  #stepShown = new Map<string, StepChangeDetail>();
  /** What the form derives from its schemas, kept across renders (new when they change, see willUpdate). */
  #memo = new FormMemo();
  #props = new ControlPropsCache();
  #shim: { evaluator: SchemaEvaluator | undefined; ajv: ReturnType<typeof createValidatorShim> } | null = null;
  #derived: { data: unknown; derive: (data: unknown) => unknown; out: unknown } | null = null;
  #translate: { lang: Lang; dict: Record<string, string> | undefined; fn: ReturnType<typeof translator> } | null = null;
  /** JSON Forms' config: one object for the form's life (the memoised props depend on it). */
  readonly #config = {};

  constructor() {
    super();
    this.data = undefined;
    this.renderers = motcuaRenderers;
    this.issues = [];
    this.readonly = false;
    this.timeZone = 'Asia/Ho_Chi_Minh';
    this._touched = new Set();
    this._revealed = [];
    this._showAll = false;
    this._steps = new Map();
    this._choices = new Map();
    this._summary = null;
    this._local = new Map();
    this._external = [];
  }

  /** Every current issue: schema validation, what inputs could not hold, and `issues` from outside. */
  get errors(): Issue[] {
    return this.#inFormOrder([...this.#issues, ...this._local.values(), ...this._external]);
  }

  /** Issues in the order their fields come in the form (those not on screen last; the sort is stable). */
  #inFormOrder(issues: Issue[]): Issue[] {
    const at = (i: Issue) => this.#rendered.indexOf(this.#controlFor(i.pointer)!) >>> 0;
    return issues.sort((a, b) => at(a) - at(b));
  }

  get #language(): Lang {
    return langOf(this.getAttribute('lang'));
  }

  /**
   * Shows every error, opens the error summary (focused) and, in a wizard, goes to the first step
   * with an error. Returns all issues (empty when the data is valid).
   */
  validate(options: { summary?: boolean } = {}): Issue[] {
    this._showAll = true;
    const errors = this.errors;
    const summary = options.summary ?? true;
    if (errors.length) {
      this._summary = summary ? [''] : null;
      this.#focusSummary = summary;
      this.#goToStepOf(errors);
    } else {
      this._summary = null;
    }
    return errors;
  }

  /**
   * How people find the data at `pointer`: its control's label after the sections around it
   * ("Người được khai sinh › Họ, chữ đệm và tên"), or the schema's titles down to it.
   */
  labelFor(pointer: string): string {
    const c = this.#controlFor(pointer);
    return c?.label ? [...c.sections, c.label].join(' › ') : this.#schemaTitle(pointer);
  }

  /** The wizard's current step at the root, or null when the form is not a wizard. */
  get currentStep(): StepChangeDetail | null {
    return this.#stepShown.get(wizardKey('')) ?? null;
  }

  /** Forgets what was touched and hides errors again (e.g. after a successful submission). */
  resetInteraction(): void {
    this._touched = new Set();
    this._revealed = [];
    this._showAll = false;
    this._summary = null;
    this._steps = new Map();
    this._local = new Map();
    this.#stepShown.clear();
  }

  /** Moves focus to the control showing the issue at `pointer` (or its closest rendered ancestor). */
  async focusIssue(pointer: string): Promise<void> {
    this.#goToStepOf([{ pointer } as Issue]);
    await this.updateComplete;
    const target = this.#controlFor(pointer);
    if (target) this.#focusById(target.id);
  }

  /** Renders once the words of its language are there (English comes in a chunk of its own). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const words = wordsFor(this.#language);
    return words ? words.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const before = this.#generatedSchema;
    if (this.schema) this.#generatedSchema = null;
    else if (!this.#generatedSchema || (changed.has('data') && this.data !== this.#ownData))
      this.#generatedSchema = generateJsonSchema(this.data ?? {}) as JsonSchema;
    if (
      before !== this.#generatedSchema ||
      ['schema', 'uischema', 'renderers', 'translations', 'lang'].some((k) =>
        (changed as Map<PropertyKey, unknown>).has(k),
      )
    ) {
      this.#memo = new FormMemo();
      this.#props = new ControlPropsCache();
    }
    if (changed.has('issues')) this._external = [...(this.issues ?? [])];
    if (this.#validationStale) {
      // An untouched form shows no errors: its first check (the validator module's first run,
      // tens of milliseconds on a cold page) waits until its fields are painted.
      if (!this.#quiet) this.#runValidation();
      else
        void afterPaint().then(() => {
          const before = this.#validationFailure;
          if (!this.#validationStale) return;
          this.#runValidation();
          // Only the notice of a validator module that does not match shows anything of it.
          if (before || this.#validationFailure) this.requestUpdate();
        });
    }
  }

  /** The data, schema or evaluator changed since #validation was computed. */
  get #validationStale(): boolean {
    const c = this.#checked;
    return !c || c[0] !== this.data || c[1] !== this.schema || c[2] !== this.evaluator;
  }

  /** Nothing touched, revealed or asked for yet: no error of the form's own can be shown. */
  get #quiet(): boolean {
    return !this._showAll && !this._touched.size && !this._revealed.length;
  }

  /** The schema's issues with the data as it is, checked when first asked for. */
  get #issues(): Issue[] {
    if (this.#validationStale) this.#runValidation();
    return this.#validation;
  }

  #runValidation(): void {
    this.#checked = [this.data, this.schema, this.evaluator];
    this.#validationFailure = null;
    if (!this.evaluator || !this.schema) {
      this.#validation = [];
      return;
    }
    try {
      const raw = schemaIssues(this.evaluator.validate(this.schema as CoreSchema, this.data ?? {}));
      this.#validation = fieldIssues(raw, this.schema as CoreSchema);
    } catch (err) {
      // A validator module that does not match the schema: say so, never pretend the data is valid.
      this.#validation = [];
      this.#validationFailure = err;
    }
  }

  /** The form's schema: the one given, else the one read off the data. */
  get #rootSchema(): JsonSchema {
    return this.schema ?? this.#generatedSchema ?? {};
  }

  /**
   * The evaluator of the rules: the one given, else core's interpreted one once loaded (the form
   * waits for it when its UI schema has rules; if it cannot be loaded it says so).
   */
  #ruleEvaluator(): SchemaEvaluator | undefined {
    this.#rulesPending = false;
    if (this.evaluator) return this.evaluator;
    const ui = this.#effectiveUi;
    let has = this.#rulesIn.get(ui);
    if (has === undefined) this.#rulesIn.set(ui, (has = JSON.stringify(ui).includes('"rule":')));
    if (!has || interpreted.value || this.#rulesFailed) return interpreted.value?.evaluator;
    this.#rulesPending = true;
    if (![...this.#loading].some((p) => p === this.#rulesLoading)) {
      const loading = (this.#rulesLoading = interpreted.load().then(
        () => undefined,
        () => {
          this.#rulesFailed = true;
        },
      ));
      this.#loading.add(loading);
      void loading.then(() => {
        this.#loading.delete(loading);
        this.requestUpdate();
      });
    }
    return undefined;
  }

  get #effectiveUi(): UISchemaElement {
    if (this.uischema) return this.uischema;
    const schema = this.#rootSchema;
    if (this.#generatedUi?.schema !== schema)
      this.#generatedUi = {
        schema,
        ui: (generateUiSchema(schema, schema) ?? { type: 'VerticalLayout', elements: [] }) as UISchemaElement,
      };
    return this.#generatedUi.ui;
  }

  /**
   * The data as rule conditions see it: with what `derive` adds (core's `withDerived` for a
   * procedure, so that `/$derived/<name>` reads as conditions read it elsewhere), the same object
   * while the data stays the same.
   */
  #ruleData(): unknown {
    const data = this.data ?? {};
    const derive = this.derive;
    if (!derive) return data;
    const last = this.#derived;
    if (last?.data === data && last.derive === derive) return last.out;
    return (this.#derived = { data, derive, out: derive(data) }).out;
  }

  #jsonFormsState(): JsonFormsState {
    const lang = this.#language;
    const dict = this.translations?.[lang];
    // The same objects from render to render while nothing changes: JSON Forms' memoised props depend on them.
    const evaluator = this.#ruleEvaluator();
    const shim =
      this.#shim && this.#shim.evaluator === evaluator
        ? this.#shim
        : (this.#shim = { evaluator, ajv: createValidatorShim(evaluator) });
    const tr =
      this.#translate && this.#translate.lang === lang && this.#translate.dict === dict
        ? this.#translate
        : (this.#translate = { lang, dict, fn: translator(lang, dict) });
    return {
      jsonforms: {
        core: {
          data: this.#ruleData(),
          schema: this.#rootSchema,
          uischema: this.#effectiveUi,
          errors: [],
          additionalErrors: [],
          validationMode: 'NoValidation',
          ajv: shim.ajv,
        },
        config: this.#config,
        renderers: [],
        uischemas: [],
        readonly: this.readonly,
        i18n: {
          locale: lang,
          translate: tr.fn as never,
          translateError: (() => undefined) as never,
        },
      },
    };
  }

  #isShown(issue: Issue, external: boolean): boolean {
    if (external || this._showAll) return true;
    if (this._touched.has(issue.pointer)) return true;
    return this._revealed.some((p) => isWithin(issue.pointer, p));
  }

  #shownIssues(): Issue[] {
    // A quiet form shows only issues from elsewhere: its own would all be filtered out.
    if (this.#quiet) return [...this._external];
    return [...[...this.#issues, ...this._local.values()].filter((i) => this.#isShown(i, false)), ...this._external];
  }

  #context(state: JsonFormsState, shown: Issue[]): FormContext {
    const lang = this.#language;
    const rootSchema = this.#rootSchema;
    const byPointer = new Map<string, Issue[]>();
    for (const issue of shown) byPointer.set(issue.pointer, [...(byPointer.get(issue.pointer) ?? []), issue]);
    const memo = this.#memo;
    const props = this.#props;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    const sections: string[] = [];
    const ctx: FormContext = {
      state,
      lang,
      readonly: this.readonly,
      timeZone: this.timeZone,
      rendered: this.#rendered,
      text: (key: StringKey, params?: Params) => t(key, lang, params),
      props: (own, mapper) => props.props(state, own as OwnPropsOfControl, mapper),
      memo: (owner, key, deps, compute) => memo.get(owner, key, deps, compute),
      render: (props: DispatchProps): RenderResult => self.#dispatch(props, ctx, rootSchema),
      change: (path, value) => self.#change(path, value),
      valueAt: (path) => getAt(self.data, pathToPointer(path)),
      touch: (path) => {
        const pointer = pathToPointer(path);
        if (!self._touched.has(pointer)) self._touched = new Set([...self._touched, pointer]);
      },
      issuesAt: (path) => byPointer.get(pathToPointer(path)) ?? [],
      setLocalIssue: (path, issue) => {
        const pointer = pathToPointer(path);
        const next = new Map(self._local);
        if (issue) next.set(pointer, { ...issue, pointer });
        else next.delete(pointer);
        self._local = next;
      },
      section: (label, body) => {
        sections.push(label);
        try {
          return body();
        } finally {
          sections.pop();
        }
      },
      control: (path, label) => {
        const base = idForPath('mc', path);
        const n = self.#ids.get(base) ?? 0;
        self.#ids.set(base, n + 1);
        const id = n ? `${base}-${n}` : base;
        self.#rendered.push({ pointer: pathToPointer(path), id, label, sections: [...sections] });
        return id;
      },
      choice: (key) => self._choices.get(key),
      choose: (key, index) => {
        self._choices = new Map(self._choices).set(key, index);
      },
      step: (key) => self._steps.get(key) ?? 0,
      goToStep: (key, index) => {
        self._steps = new Map(self._steps).set(key, index);
        self._summary = null;
        self.#focusId = '__step__';
      },
      reportStep: (key, detail) => {
        self.#stepReports.set(key, detail);
      },
      issuesWithin: (pointers) =>
        [...self.#issues, ...self._local.values(), ...self._external].filter((i) =>
          pointers.some((p) => isWithin(i.pointer, p)),
        ),
      revealWithin: (pointers) => {
        self._revealed = [...self._revealed, ...pointers];
        const blocking = ctx.issuesWithin(pointers);
        if (blocking.length) {
          self._summary = pointers;
          self.#focusSummary = true;
          return false;
        }
        return true;
      },
      adoptStyles: (styles) => adoptStyles(self.renderRoot, styles),
      waitFor: (loading) => {
        if (self.#loading.has(loading)) return;
        self.#loading.add(loading);
        const settle = () => {
          self.#loading.delete(loading);
          self.requestUpdate();
        };
        loading.then(settle, settle);
      },
      focusAfterRender: (id) => {
        self.#focusId = id;
      },
    };
    return ctx;
  }

  #dispatch(props: DispatchProps, ctx: FormContext, rootSchema: JsonSchema): RenderResult {
    // Testers are pure functions of the element and the schemas: each pair is ranked once per form.
    const choice = this.#memo.get(props.uischema, 'renderer', [props.schema], () => this.#choose(props, rootSchema));
    if (!choice.entry) return unsupported(props.uischema, ctx, choice.error);
    try {
      return choice.entry.renderer(props, ctx);
    } catch (err) {
      return ruleFailure(ctx, err);
    }
  }

  /** The highest-ranked renderer for the element (none when no tester applies or one fails). */
  #choose(props: DispatchProps, rootSchema: JsonSchema): { entry?: RendererEntry; error?: string } {
    let best: RendererEntry | undefined;
    let rank = NOT_APPLICABLE;
    const testerContext = { rootSchema, config: this.#config };
    try {
      for (const entry of this.renderers) {
        const r = entry.tester(props.uischema, props.schema, testerContext);
        if (r > rank) {
          rank = r;
          best = entry;
        }
      }
    } catch (err) {
      return { error: err instanceof Error ? err.message : undefined };
    }
    return best && rank > 0 ? { entry: best } : {};
  }

  #change(path: string, value: unknown): void {
    this.data = this.#ownData = setAt(this.data ?? {}, path, value);
    const pointer = pathToPointer(path);
    // What the server said about this field no longer applies once the person changes it.
    if (this._external.some((i) => isWithin(i.pointer, pointer)))
      this._external = this._external.filter((i) => !isWithin(i.pointer, pointer));
    this.dispatchEvent(
      new CustomEvent<FormChangeDetail>('change', { detail: { data: this.data, errors: this.errors }, bubbles: true }),
    );
  }

  /** In a wizard, goes to the step holding the first of `issues` (in the UI schema's order of steps). */
  #goToStepOf(issues: readonly Pick<Issue, 'pointer'>[]): void {
    const ui = this.#effectiveUi;
    if (ui.type !== 'Categorization') return;
    const elements = (ui as Categorization).elements ?? [];
    for (let i = 0; i < elements.length; i++) {
      const pointers = controlPointers(elements[i]!, '');
      if (issues.some((issue) => pointers.some((p) => isWithin(issue.pointer, p)))) {
        if ((this._steps.get(wizardKey('')) ?? 0) !== i) this._steps = new Map(this._steps).set(wizardKey(''), i);
        return;
      }
    }
  }

  #controlFor(pointer: string): RenderedControl | undefined {
    const exact = this.#rendered.find((r) => r.pointer === pointer);
    if (exact) return exact;
    let best: RenderedControl | undefined;
    for (const r of this.#rendered)
      if (isWithin(pointer, r.pointer) && (!best || r.pointer.length > best.pointer.length)) best = r;
    return best;
  }

  #focusById(id: string): void {
    const el = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    if (!el) return;
    const focusable = el.matches('input, select, textarea, button')
      ? el
      : (el.querySelector<HTMLElement>(
          'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])',
        ) ?? el);
    focusable.focus();
    focusable.scrollIntoView?.({ block: 'center' });
  }

  protected override render() {
    this.#rendered = [];
    this.#ids = new Map();
    const lang = this.#language;
    const shown = this.#shownIssues();
    const state = this.#jsonFormsState();
    const ctx = this.#context(state, shown);
    // Waiting for the rules' evaluator: nothing rather than parts shown that a rule then hides.
    const body = this.#rulesPending
      ? nothing
      : ctx.render({ uischema: this.#effectiveUi, schema: this.#rootSchema, path: '' });
    return html`<div class="form" part="form">
      ${this.#rulesFailed ? html`<div class="alert" role="alert" part="alert">${t('rulesUnavailable', lang)}</div>` : nothing}
      ${
        this.#validationFailure
          ? html`<div class="alert" role="alert" part="alert">
            ${t('validationUnavailable', lang)} <span class="detail">${String((this.#validationFailure as Error).message ?? this.#validationFailure)}</span>
          </div>`
          : nothing
      }
      ${this.#renderSummary(shown, lang)} ${body}
    </div>`;
  }

  #renderSummary(shown: Issue[], lang: Lang) {
    const scope = this._summary;
    if (!scope) return nothing;
    const listed = this.#inFormOrder(shown.filter((i) => scope.some((p) => isWithin(i.pointer, p))));
    if (!listed.length) return nothing;
    const title =
      listed.length === 1 ? t('errorSummaryTitleOne', lang) : t('errorSummaryTitle', lang, { count: listed.length });
    return html`<div class="summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="mc-summary-title">
      <h2 id="mc-summary-title">${title}</h2>
      <ul>
        ${listed.map((issue) => {
          const target = this.#controlFor(issue.pointer);
          const label = this.labelFor(issue.pointer);
          const text = `${label ? `${label}: ` : ''}${pick(issue.message, lang)}`;
          return html`<li>
            ${
              target
                ? html`<a href=${`#${target.id}`} @click=${(e: Event) => {
                    e.preventDefault();
                    this.#focusById(target.id);
                  }}>${text}</a>`
                : label
                  ? text
                  : html`${t('errorAtForm', lang)}: ${text}`
            }
          </li>`;
        })}
      </ul>
    </div>`;
  }

  /**
   * The schema titles down to `pointer` ("Người yêu cầu › Họ, chữ đệm và tên"), for errors whose
   * control is not on screen; empty when the field itself has no title.
   */
  #schemaTitle(pointer: string): string {
    if (!this.schema || pointer === '') return '';
    const titleAt = (p: string): string => {
      try {
        const title = resolveDataPointer(this.schema as CoreSchema, p).find((s) => typeof s.title === 'string')?.title;
        return typeof title === 'string' ? localTitle(title, this.#language) : '';
      } catch {
        return '';
      }
    };
    const own = titleAt(pointer);
    if (!own) return '';
    const parts = pointer.split('/');
    const outer = parts.slice(1, -1).map((_, i) => titleAt(parts.slice(0, i + 2).join('/')));
    return [...outer.filter(Boolean), own].join(' › ');
  }

  /** Resolves when the form is rendered in full: lazily loaded renderers included. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.#loading.size) {
      await Promise.allSettled([...this.#loading]);
      done = await super.getUpdateComplete();
    }
    return done;
  }

  protected override updated(): void {
    for (const [key, detail] of this.#stepReports) {
      const before = this.#stepShown.get(key);
      this.#stepShown.set(key, detail);
      if (before && (before.step !== detail.step || before.count !== detail.count)) {
        this.dispatchEvent(new CustomEvent<StepChangeDetail>('motcua-step', { detail, bubbles: true, composed: true }));
      }
    }
    this.#stepReports.clear();
    if (this.#focusSummary) {
      this.#focusSummary = false;
      const summary = this.renderRoot.querySelector<HTMLElement>('.summary');
      if (summary) {
        summary.focus();
        summary.scrollIntoView?.({ block: 'start' });
        this.#focusId = null;
        return;
      }
    }
    if (this.#focusId) {
      const id = this.#focusId;
      this.#focusId = null;
      if (id === '__step__') {
        const heading = this.renderRoot.querySelector<HTMLElement>('.step-title');
        heading?.focus();
        heading?.scrollIntoView?.({ block: 'start' });
      } else this.#focusById(id);
    }
  }
}

/** The data pointers of the controls directly inside `element` (through layouts, not into controls). */
function controlPointers(element: UISchemaElement, path: string): string[] {
  if (element.type === 'Control') return [pathToPointer(composeWithUi(element as ControlElement, path))];
  const kids = (element as Layout).elements;
  return Array.isArray(kids) ? kids.flatMap((k) => controlPointers(k, path)) : [];
}

export { STRINGS };
