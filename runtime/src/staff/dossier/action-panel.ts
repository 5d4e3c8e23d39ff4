import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ACTION_PARAMS, deadlineEffect, isActionKind, pick, type Procedure } from '@motcua/core';
import type { ActionOutcome, ActionRequest, ArtefactView, CaseView } from '@motcua/api';
import type { AllowedAction, Handler, StaffData } from '../data/staff-data.ts';
import { LangController, lang, msg, t, tKey } from '../i18n/language.ts';
import { staffStyles } from '../ui/styles.ts';
import { epochToLocalInput, formatDateTime, localInputToEpoch } from '../ui/format.ts';
import { conflictCurrent, refusalText } from '../ui/refusal.ts';
import { choices, collectParams, descriptionOf, fieldKind, titleOf, type ParamSchema } from './param-schema.ts';

const EFFECT_TEXT = {
  starts: 'effectStarts',
  pauses: 'effectPauses',
  resumes: 'effectResumes',
  ends: 'effectEnds',
  none: 'effectNone',
} as const;

/** Actions whose result documents are uploaded with them. */
const WITH_RESULT_FILES = new Set(['approve', 'deny', 'receive_external']);
/** Of those, the ones the server refuses without a result document (the contract's description). */
const RESULT_REQUIRED = new Set(['approve', 'deny']);

/**
 * <motcua-staff-actions>: the actions core allows the person now (from the server), each with a
 * form generated from its parameter schema, the effect on the deadline shown before confirming,
 * and the slips the action issued offered for printing. Events: `motcua-acted` { outcome } after
 * an action, `motcua-stale` { current } when a 409 says the dossier changed meanwhile.
 */
export class StaffActions extends LitElement {
  static override styles = [
    staffStyles,
    css`
      .kinds {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-bottom: 0.75rem;
      }
      .kinds button[aria-pressed='true'] {
        background: var(--_primary);
        color: var(--_on-primary);
      }
      fieldset {
        border: 1px solid #c6ccd5;
        border-radius: var(--_radius);
        margin: 0 0 0.75rem;
      }
      .effect {
        border-inline-start: 4px solid var(--_primary);
        padding: 0.25rem 0.75rem;
        background: var(--_surface);
      }
    `,
  ];
  static override properties = {
    data: { attribute: false },
    dossier: { attribute: false },
    actions: { attribute: false },
    procedure: { attribute: false },
    _kind: { state: true },
    _rows: { state: true },
    _handlers: { state: true },
    _error: { state: true },
    _busy: { state: true },
    _done: { state: true },
    _effectParams: { state: true },
  };
  declare data: StaffData;
  declare dossier: CaseView;
  declare actions: AllowedAction[];
  /** The dossier's procedure version: its documents and steps are offered by title, never typed as ids. */
  declare procedure: Procedure | null;
  declare _kind: string;
  declare _rows: Record<string, number>;
  declare _handlers: Handler[];
  declare _error: string;
  declare _busy: boolean;
  declare _done: { label: string; slips: ArtefactView[] } | null;
  declare _effectParams: Record<string, unknown>;

  constructor() {
    super();
    new LangController(this);
    this.actions = [];
    this.procedure = null;
    this._kind = '';
    this._rows = {};
    this._handlers = [];
    this._error = '';
    this._busy = false;
    this._done = null;
    this._effectParams = {};
  }

  private choose(kind: string) {
    this._kind = kind;
    this._rows = {};
    this._error = '';
    this._done = null;
    this._effectParams = {};
    if (kind === 'assign') {
      const agency = this.actions.find((a) => a.kind === kind)?.agency ?? this.dossier.location.agency;
      void this.data
        .handlers(agency, 'specialist')
        .then((h) => (this._handlers = h))
        .catch(() => (this._handlers = []));
    }
    void this.updateComplete.then(() =>
      this.renderRoot
        .querySelector<HTMLElement>('#action-form input, #action-form select, #action-form textarea, #confirm')
        ?.focus(),
    );
  }

  private schema(): ParamSchema {
    return (isActionKind(this._kind) ? ACTION_PARAMS[this._kind] : { properties: {} }) as unknown as ParamSchema;
  }

  private read(form: HTMLFormElement) {
    const f = new FormData(form);
    return collectParams(
      this.schema(),
      (name) => (f.has(`p.${name}`) ? String(f.get(`p.${name}`)) : null),
      (name) => this._rows[name] ?? 1,
      localInputToEpoch,
    );
  }

  private onInput(e: Event) {
    this._effectParams = this.read(e.currentTarget as HTMLFormElement).params;
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const { params, problems } = this.read(form);
    const missingResult =
      RESULT_REQUIRED.has(this._kind) &&
      !new FormData(form).getAll('result').some((x) => x instanceof File && x.size > 0);
    if (problems.length || missingResult) {
      this._error = [
        ...problems.map((p) =>
          t(p.kind === 'required' ? 'fieldRequired' : 'invalidField', { field: titleOf(p.schema, lang()) || p.path }),
        ),
        ...(missingResult ? [t('fieldRequired', { field: t('attachFiles') })] : []),
      ].join(' ');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#action-error')?.focus();
      return;
    }
    const f = new FormData(form);
    const comment = String(f.get('comment') ?? '').trim();
    const files = (f.getAll('result') as File[]).filter((x) => x instanceof File && x.size > 0);
    const handler = this._handlers.find((h) => h.id === params.assignee);
    if (handler) params.assigneeName = handler.fullName;
    const action = {
      kind: this._kind,
      ...(Object.keys(params).length ? { params } : {}),
      ...(comment ? { comment } : {}),
      lockVersion: this.dossier.lockVersion,
    } as ActionRequest;
    this._busy = true;
    this._error = '';
    try {
      const outcome: ActionOutcome = await this.data.act(
        this.dossier.code,
        action,
        files.length ? { result: files } : undefined,
      );
      // The dossier as the action left it (its new lockVersion), before the page reloads the rest:
      // a next action chosen at once must not be refused as stale.
      this.dossier = outcome.dossier;
      const label = msg(this.actions.find((a) => a.kind === this._kind)?.label);
      this._done = { label, slips: outcome.slips.filter((s) => s.format === 'pdf') };
      this._kind = '';
      this.dispatchEvent(new CustomEvent('motcua-acted', { detail: { outcome }, bubbles: true, composed: true }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#action-done')?.focus();
    } catch (err) {
      this._error = refusalText(err);
      const current = conflictCurrent(err);
      if (current)
        this.dispatchEvent(new CustomEvent('motcua-stale', { detail: { current }, bubbles: true, composed: true }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#action-error')?.focus();
    } finally {
      this._busy = false;
    }
  }

  /**
   * Values a field takes from the procedure, by title: a supplement item's document, the step a
   * forward goes to (the current step's branches; left empty, core takes the one whose condition holds).
   */
  private known(name: string): { value: string; label: string }[] | null {
    const p = this.procedure;
    if (!p) return null;
    if (/(^|\.)documentId$/.test(name)) return p.documents.map((d) => ({ value: d.id, label: pick(d.title, lang()) }));
    if (this._kind === 'forward' && name === 'step') {
      const here = p.workflow.steps.find((st) => st.id === this.dossier.location.step);
      return (here?.next ?? []).map((n) => {
        const to = p.workflow.steps.find((st) => st.id === n.step);
        return { value: n.step, label: to ? pick(to.title, lang()) : n.step };
      });
    }
    return null;
  }

  private field(s: ParamSchema, name: string, required: boolean): TemplateResult {
    const id = `p-${name.replaceAll('.', '-')}`;
    const label = titleOf(s, lang()) || name;
    const hint = descriptionOf(s, lang());
    const describe = hint ? `${id}-hint` : nothing;
    const hintEl = hint ? html`<span id="${id}-hint" class="hint">${hint}</span>` : nothing;
    const req = required ? html` <span aria-hidden="true">*</span>` : nothing;
    const kind = fieldKind(s);
    const known = this.known(name);
    if (known)
      return html`<div class="field">
        <label for=${id}>${label}${req}</label>
        <select id=${id} name="p.${name}" ?required=${required} aria-describedby=${describe}>
          <option value=""></option>
          ${known.map((c) => html`<option value=${c.value}>${c.label}</option>`)}
        </select>
        ${hintEl}
      </div>`;
    if (name === 'assignee')
      return html`<div class="field">
        <label for=${id}>${label}${req}</label>
        <select id=${id} name="p.${name}" ?required=${required} aria-describedby=${describe}>
          <option value="">${t('pickHandler')}</option>
          ${this._handlers.map((h) => html`<option value=${h.id}>${h.fullName}</option>`)}
        </select>
        ${hintEl}
      </div>`;
    switch (kind) {
      case 'choice':
        return html`<div class="field">
          <label for=${id}>${label}${req}</label>
          <select id=${id} name="p.${name}" ?required=${required} aria-describedby=${describe}>
            <option value=""></option>
            ${choices(s).map((c) => html`<option value=${c}>${c}</option>`)}
          </select>
          ${hintEl}
        </div>`;
      case 'longtext':
      case 'lines':
        return html`<div class="field">
          <label for=${id}>${label}${req}</label>
          <textarea id=${id} name="p.${name}" ?required=${required} aria-describedby=${describe}></textarea>
          ${hintEl} ${kind === 'lines' ? html`<span class="hint">${t('oneLinePerItem')}</span>` : nothing}
        </div>`;
      case 'instant':
        return html`<div class="field">
          <label for=${id}>${label}${req}</label>
          <input
            id=${id}
            name="p.${name}"
            type="datetime-local"
            ?required=${required}
            aria-describedby=${describe}
            min=${epochToLocalInput(Date.now())}
          />
          ${hintEl}
        </div>`;
      case 'integer':
        return html`<div class="field">
          <label for=${id}>${label}${req}</label>
          <input id=${id} name="p.${name}" inputmode="numeric" ?required=${required} aria-describedby=${describe} />
          ${hintEl}
        </div>`;
      case 'rows': {
        const n = this._rows[name] ?? 1;
        const item = s.items!;
        return html`<fieldset>
          <legend>${label}${req}</legend>
          ${hintEl}
          ${Array.from({ length: n }, (_, i) =>
            Object.entries(item.properties ?? {}).map(([k, p]) =>
              this.field(p, `${name}.${i}.${k}`, item.required?.includes(k) ?? false),
            ),
          )}
          <button type="button" @click=${() => (this._rows = { ...this._rows, [name]: n + 1 })}>${t('addItem')}</button>
        </fieldset>`;
      }
      case 'text':
        return html`<div class="field">
          <label for=${id}>${label}${req}</label>
          <input id=${id} name="p.${name}" ?required=${required} aria-describedby=${describe} />
          ${hintEl}
        </div>`;
      default:
        return html``;
    }
  }

  private renderEffect() {
    // Core states the rule evolve applies; the page only says it in words.
    const d = this.dossier;
    const e = deadlineEffect(
      this._kind,
      { status: d.status, dueAt: d.dueAt ? Date.parse(d.dueAt) : null, paused: d.pausedSince !== null },
      this._effectParams,
    );
    const text =
      e.kind === 'moves'
        ? t('effectMoves', {
            from: formatDateTime(e.from, lang()),
            to: e.to === null ? '…' : formatDateTime(e.to, lang()),
          })
        : t(EFFECT_TEXT[e.kind]);
    return html`<p class="effect" id="effect" aria-live="polite"><strong>${t('deadlineEffect')}:</strong> ${text}</p>`;
  }

  private renderForm() {
    const s = this.schema();
    const label = msg(this.actions.find((a) => a.kind === this._kind)?.label);
    return html`<form id="action-form" @submit=${this.submit} @input=${this.onInput} @change=${this.onInput} novalidate>
      <h3>${label}</h3>
      ${Object.entries(s.properties ?? {}).map(([k, p]) => this.field(p, k, s.required?.includes(k) ?? false))}
      ${
        WITH_RESULT_FILES.has(this._kind)
          ? html`<div class="field">
            <label for="result-files"
              >${t('attachFiles')}${RESULT_REQUIRED.has(this._kind) ? html` <span aria-hidden="true">*</span>` : nothing}</label
            >
            <input
              id="result-files"
              name="result"
              type="file"
              multiple
              accept="application/pdf,image/png,image/jpeg"
              ?required=${RESULT_REQUIRED.has(this._kind)}
            />
          </div>`
          : nothing
      }
      <div class="field">
        <label for="comment">${t('comment')}</label>
        <textarea id="comment" name="comment" maxlength="4000"></textarea>
      </div>
      ${this.renderEffect()}
      <div class="row">
        <button id="confirm" class="primary" type="submit" ?disabled=${this._busy} aria-describedby="effect">${t('confirm')}: ${label}</button>
        <button type="button" @click=${() => (this._kind = '')}>${t('cancel')}</button>
      </div>
    </form>`;
  }

  override render() {
    return html`<section class="panel" aria-labelledby="actions-title">
      <h2 id="actions-title">${t('actions')}</h2>
      ${
        this._done
          ? html`<div id="action-done" tabindex="-1" role="status">
            <p class="success">${t('actionDone', { action: this._done.label })}</p>
            ${this._done.slips.map(
              (s) =>
                html`<p>
                  <a class="button primary" href=${this.data.slipUrl(this.dossier.code, s.id)} target="_blank" rel="noopener"
                    >${t('printSlip', { slip: tKey(`slip_${s.kind}`, s.kind) })}</a
                  >
                </p>`,
            )}
          </div>`
          : nothing
      }
      ${this._error ? html`<p id="action-error" class="error" role="alert" tabindex="-1">${this._error}</p>` : nothing}
      ${
        this.actions.length === 0
          ? html`<p>${t('noActions')}</p>`
          : html`<div class="kinds" role="group" aria-label=${t('actions')}>
            ${repeat(
              this.actions,
              // Keyed: when the list reloads, a button keeps its action, so a click landing during
              // the update can never pick the action that took its place.
              (a) => a.kind,
              (a) =>
                html`<button type="button" data-kind=${a.kind} aria-pressed=${a.kind === this._kind ? 'true' : 'false'} @click=${() => this.choose(a.kind)}>
                  ${msg(a.label)}
                </button>`,
            )}
          </div>`
      }
      ${this._kind ? this.renderForm() : nothing}
    </section>`;
  }
}
