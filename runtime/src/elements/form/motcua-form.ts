import { LitElement, type PropertyValues } from 'lit';
import type { Calendar, Channel, Lang, Procedure, SchemaEvaluator } from '@motcua/core';
import type { PublicAgency } from '../../api/types.ts';
import { langOf, wordsFor } from '../../i18n/strings.ts';
import { lazy } from '../../lazy.ts';
import { theme } from '../../styles/theme.ts';
import { formStyles } from '../../styles/form-styles.ts';
import { FormController } from './form-controller.ts';
import { formView } from './form-view.ts';
import { loadPublished } from './http-source.ts';
import type { SubmitHandler } from './form-model.ts';

export type { SubmittedDetail, LoadedDetail, ErrorDetail, FormSubmission, SubmitHandler } from './form-model.ts';

/** A procedure given as data: a chunk of its own, which a page that loads from a server never fetches. */
const givenSource = lazy(() => import('./given-source.ts'));

/** The properties that give the form its procedure as data (a change reloads it; the submit handler is read when sending). */
const GIVEN = ['definition', 'version', 'evaluator', 'agencies', 'calendars'];

/**
 * <motcua-form procedure="CODE" server="URL" [agency="CODE"] [lang="en"] [kiosk]>: loads a
 * published procedure, renders its form, the receiving agency choice, the required-documents
 * checklist with file pickers, the running fees and the expected appointment; submits with an
 * Idempotency-Key and shows the receipt. Or, given `.definition` (and `.evaluator`, `.agencies`,
 * `.calendars`, `.submitHandler`, and optionally `.initialData`) instead of a procedure code: the same form for a procedure
 * given as data — the designer's preview, the staff counter. Events (bubbling, composed):
 * motcua-loaded, motcua-step, motcua-input, motcua-submitted, motcua-error. The controller (form-controller.ts)
 * does the work, the views (form-view.ts) show it.
 */
export class MotcuaForm extends LitElement {
  static override styles = [theme, formStyles];
  static override properties = {
    procedure: { type: String },
    server: { type: String },
    agency: { type: String },
    lang: { type: String, reflect: true },
    kiosk: { type: Boolean, reflect: true },
    idleSeconds: { type: Number, attribute: 'idle-seconds' },
    now: { attribute: false },
    definition: { attribute: false },
    version: { attribute: false },
    evaluator: { attribute: false },
    agencies: { attribute: false },
    calendars: { attribute: false },
    submitHandler: { attribute: false },
    initialData: { attribute: false },
    channel: { attribute: false },
  };

  declare procedure: string;
  declare server: string;
  declare agency: string | undefined;
  declare kiosk: boolean;
  declare idleSeconds: number;
  /** The clock (tests and previews may fix it). */
  declare now: () => number;
  /** A procedure definition given as data (published or a draft); it takes precedence over `procedure`. */
  declare definition: Procedure | undefined;
  /** The version `definition` is (sent with the submission; 0 when absent). */
  declare version: number | undefined;
  /** Evaluates its conditions and validations; default: core's ajv evaluator (not under a strict CSP). */
  declare evaluator: SchemaEvaluator | undefined;
  /** The agencies the applicant may choose from, as the public procedure view lists them. */
  declare agencies: readonly PublicAgency[] | undefined;
  /** The calendars of those agencies, by agency code (the expected appointment). */
  declare calendars: Readonly<Record<string, Calendar>> | undefined;
  /** Sends a submission; without it the form says it is a preview. */
  declare submitHandler: SubmitHandler | undefined;
  /**
   * Answers a new dossier starts with, e.g. a returning applicant's details at the counter (core's
   * applicantPrefill); given while the form is shown, they are laid over the answers typed so far.
   */
  declare initialData: Readonly<Record<string, unknown>> | undefined;
  /**
   * The channel the dossier is filed through: it decides which documents are asked (online, the
   * e-form is the declaration; the counter sets direct or postal). Default: online.
   */
  declare channel: Channel;

  #ctl = new FormController(this);

  constructor() {
    super();
    this.procedure = '';
    this.server = '';
    this.kiosk = false;
    this.channel = 'online';
    this.idleSeconds = 300;
    this.now = () => Date.now();
    const idle = () => this.#ctl.armIdle();
    this.addEventListener('keydown', idle);
    this.addEventListener('pointerdown', idle);
    this.addEventListener('input', idle);
  }

  get language(): Lang {
    return langOf(this.getAttribute('lang'));
  }

  /** Renders once the words of its language are there (English comes in a chunk of its own). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const words = wordsFor(this.language);
    return words ? words.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const keys = changed as Map<string, unknown>;
    if (keys.has('initialData') && this.initialData) this.#ctl.prefill(this.initialData);
    if (
      this.definition ? GIVEN.some((k) => keys.has(k)) : this.procedure && (keys.has('procedure') || keys.has('server'))
    )
      void this.load();
  }

  /**
   * Loads (or reloads) the procedure: the given definition, or the server's published version and
   * its validator module. A definition given anew keeps the answers (a preview being edited).
   */
  load(): Promise<void> {
    const given = this.definition;
    return this.#ctl.load(
      given
        ? async () => (await givenSource.load()).fromProperties(this as typeof this & { definition: Procedure })
        : () => loadPublished(this.server, this.procedure),
      !!given,
    );
  }

  /** Checks everything in the browser, then sends the dossier (or retries the failed attempt). */
  submit(): Promise<void> {
    return this.#ctl.submit();
  }

  protected override render() {
    return formView(this.#ctl, this.language, this.kiosk, this.idleSeconds);
  }

  /** Resolves when the form is rendered in full, its inner form included. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    if (this.#ctl.dueLater) {
      await this.#ctl.dueLater;
      done = await super.getUpdateComplete();
    }
    await this.#ctl.inner?.updateComplete;
    return done;
  }
}
