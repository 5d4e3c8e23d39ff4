import { html, nothing } from 'lit';
import {
  canonicalJson,
  expectationOf,
  formatInstant,
  formatVnd,
  localDate,
  localTime,
  pick,
  zonedInstant,
  VIETNAM_TIME_ZONE,
  type ScenarioResult,
  type TestScenario,
} from '@motcua/core';
import { EditorElement, freshId } from '../editor-element.ts';
import { scenarioResult } from './scenario-results.ts';
import type { EditorEnvironment } from '../environment.ts';
import { localizedInputs } from '../localized-inputs.ts';
import { agencySelect, defaultAgency, showInstant } from '../agency-choice.ts';
import type { Key } from '../i18n.ts';
import type { ScenarioAnswers } from '../../preview/scenario-form.ts';
import '../../preview/scenario-form.ts';

const CHANNELS = ['online', 'direct', 'postal'] as const;
const TZ = VIETNAM_TIME_ZONE;

/**
 * Test scenarios: sample answers, a submission instant and a channel; core computes what happens
 * (documents, fees, receiving agency, route, due date), which is compared with what the scenario
 * expects. They are the procedure's regression tests, run again on every edit.
 */
export class ScenariosEditor extends EditorElement {
  static override properties = {
    ...EditorElement.properties,
    dataError: { state: true },
    answering: { state: true },
  };
  declare dataError: Record<string, string>;
  /** The scenario whose answers are being entered on the form, and the answers it started from. */
  declare answering: { id: string; data: Record<string, unknown> } | null;

  constructor() {
    super();
    this.dataError = {};
    this.answering = null;
  }

  /** The form changed the answers: they become the scenario's (one undo step while typing). */
  #onAnswers(i: number, label: string, e: CustomEvent<ScenarioAnswers>) {
    e.stopPropagation();
    const s = this.procedure.scenarios?.[i];
    if (!s) return;
    const { data, agency } = e.detail;
    // The form also reports answers it was given back; an unchanged scenario is no edit.
    if (canonicalJson(data) === canonicalJson(s.data ?? {}) && (agency ?? undefined) === s.agency) return;
    this.#set(i, label, (x) => {
      x.data = structuredClone(data);
      if (agency) x.agency = agency;
      else delete x.agency;
    });
  }

  #set(i: number, label: string, change: (s: TestScenario) => void) {
    this.edit(label, (p) => change(p.scenarios![i]!));
  }

  #zoneOf(env: EditorEnvironment, s: TestScenario): string {
    const code = s.agency ?? defaultAgency(this.procedure);
    return env.agencies.find((a) => a.code === code)?.timeZone ?? TZ;
  }

  #add() {
    const id = freshId(
      'tinh-huong',
      (this.procedure.scenarios ?? []).map((s) => s.id),
    );
    // 09:00 on the next weekday: a plain office hour, whatever today is.
    const now = new Date();
    now.setUTCDate(now.getUTCDate() + ([1, 1, 1, 1, 3, 2, 1][now.getUTCDay()] ?? 1));
    const date = localDate(now.getTime(), TZ);
    this.edit(this.t('addScenario'), (p) => {
      p.scenarios = [
        ...(p.scenarios ?? []),
        {
          id,
          title: { vi: this.t('newScenarioName') },
          data: {},
          submittedAt: formatInstant(zonedInstant(date, '09:00', TZ), TZ),
          channel: 'online',
          expect: {},
        },
      ];
    });
  }

  override render() {
    const env = this.env();
    const list = this.procedure?.scenarios ?? [];
    const results = env ? list.map((s, i) => scenarioResult(this.procedure, s, env, i)) : [];
    const passed = results.filter((r) => r.passed).length;
    return html`<section class="mc-editor" aria-labelledby="mc-scenarios-h">
      <h2 id="mc-scenarios-h">${this.t('scenariosTitle')}</h2>
      <p>${this.t('scenariosHelp')}</p>
      ${
        env
          ? html`<p role="status" class=${passed === list.length ? 'mc-pass' : 'mc-fail'}>${this.t('scenariosPassed', passed, list.length)}</p>`
          : html`<p role="status">${this.environmentError ? `${this.t('envError')}: ${this.environmentError}` : this.t('loading')}</p>`
      }
      ${list.map((s, i) => this.#renderScenario(s, i, env, results[i]))}
      <div class="mc-actions"><button type="button" @click=${this.#add}>${this.t('addScenario')}</button></div>
    </section>`;
  }

  #renderScenario(s: TestScenario, i: number, env: EditorEnvironment | null, result: ScenarioResult | undefined) {
    const name = this.text(s.title) || s.id;
    const label = this.t('editScenario', name);
    const tz = env ? this.#zoneOf(env, s) : TZ;
    const at = Date.parse(s.submittedAt);
    const wall = Number.isFinite(at) ? `${localDate(at, tz)}T${localTime(at, tz)}` : '';
    return html`<fieldset data-scenario=${s.id}>
      <legend>${name} ${result ? html`<span class=${result.passed ? 'mc-pass' : 'mc-fail'}>${this.t(result.passed ? 'pass' : 'fail')}</span>` : nothing}</legend>
      <div class="mc-row">
        ${localizedInputs({ vi: this.t('nameVi'), en: this.t('nameEn') }, s.title, (title) => this.#set(i, label, (x) => (x.title = title)))}
        <label
          >${this.t('channel')}
          <select @change=${(e: Event) => this.#set(i, label, (x) => (x.channel = (e.target as HTMLSelectElement).value as TestScenario['channel']))}>
            ${CHANNELS.map((c) => html`<option value=${c} ?selected=${c === s.channel}>${this.t(`channel-${c}` as Key)}</option>`)}
          </select></label
        >
        <label
          >${this.t('submittedAt')}
          <input
            type="datetime-local"
            .value=${wall}
            @change=${(e: Event) => {
              const [date, time] = (e.target as HTMLInputElement).value.split('T');
              if (date && time)
                this.#set(
                  i,
                  label,
                  (x) => (x.submittedAt = formatInstant(zonedInstant(date, time.slice(0, 5), tz), tz)),
                );
            }}
        /></label>
        ${
          env
            ? agencySelect(
                this.lang,
                this.t('chosenAgency'),
                env.agencies,
                s.agency,
                (code) =>
                  this.#set(i, label, (x) => {
                    if (code) x.agency = code;
                    else delete x.agency;
                  }),
                { allowNone: this.t('notChosen') },
              )
            : nothing
        }
      </div>
      ${this.#renderAnswers(s, i, label, name, env, result, tz)}
      ${this.renderIssues(this.problemsAt(`/scenarios/${i}`))}
      <div class="mc-actions">
        ${
          result
            ? html`<button type="button" @click=${() => this.#set(i, this.t('saveExpected', name), (x) => (x.expect = expectationOf(result.outcome)))}>
              ${this.t('saveExpected', name)}
            </button>`
            : nothing
        }
        <button type="button" aria-label=${this.t('deleteNamed', name)} @click=${() => this.edit(this.t('deleteScenario', name), (p) => p.scenarios!.splice(i, 1))}>
          ${this.t('delete')}
        </button>
      </div>
    </fieldset>`;
  }

  /**
   * The answers: entered on the runtime's form (the preview is the runtime) beside what happens,
   * or, for the few who want it, as JSON.
   */
  #renderAnswers(
    s: TestScenario,
    i: number,
    label: string,
    name: string,
    env: EditorEnvironment | null,
    result: ScenarioResult | undefined,
    tz: string,
  ) {
    const open = this.answering?.id === s.id;
    const formId = `mc-scenario-form-${s.id}`;
    const outcome = result && env ? this.#renderOutcome(result, env, tz) : nothing;
    return html`<div class="mc-actions">
        <button
          type="button"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${open ? formId : nothing}
          @click=${() => (this.answering = open ? null : { id: s.id, data: structuredClone(s.data ?? {}) })}
        >
          ${this.t(open ? 'closeForm' : 'answerOnForm', name)}
        </button>
      </div>
      ${
        open && env
          ? html`<p>${this.t('answerOnFormHelp')}</p>
              <div class="mc-scenario-answer">
                <mc-scenario-form
                  id=${formId}
                  .lang=${this.lang}
                  .definition=${this.procedure}
                  .environment=${env}
                  .initialData=${this.answering!.data}
                  .agency=${s.agency}
                  .submittedAt=${s.submittedAt}
                  @scenario-answers=${(e: CustomEvent<ScenarioAnswers>) => this.#onAnswers(i, label, e)}
                ></mc-scenario-form>
                <div>${outcome}</div>
              </div>`
          : outcome
      }
      <details>
        <summary>${this.t('answersAsJson')}</summary>
          <label
            >${this.t('sampleAnswers')}
            <textarea
              rows="5"
              cols="60"
              .value=${JSON.stringify(s.data ?? {}, null, 2)}
              @change=${(e: Event) => {
                let data: unknown;
                try {
                  data = JSON.parse((e.target as HTMLTextAreaElement).value);
                } catch (err) {
                  this.dataError = {
                    ...this.dataError,
                    [s.id]: `${this.t('invalidJson')}: ${err instanceof Error ? err.message : String(err)}`,
                  };
                  return;
                }
                if (typeof data !== 'object' || data === null || Array.isArray(data)) {
                  this.dataError = { ...this.dataError, [s.id]: this.t('dataMustBeObject') };
                  return;
                }
                this.dataError = { ...this.dataError, [s.id]: '' };
                this.#set(i, label, (x) => (x.data = data as Record<string, unknown>));
              }}
            ></textarea>
          </label>
        ${this.dataError[s.id] ? html`<p role="alert" class="mc-fail">${this.dataError[s.id]}</p>` : nothing}
      </details>`;
  }

  #renderOutcome(r: ScenarioResult, env: EditorEnvironment, tz: string) {
    const o = r.outcome;
    const agencyName = (code: string | null) => {
      const a = code ? env.agencies.find((x) => x.code === code) : undefined;
      return a ? pick(a.name, this.lang) : (code ?? '—');
    };
    const docTitle = (id: string) => {
      const d = this.procedure.documents?.find((x) => x.id === id);
      return d ? this.text(d.title) : id;
    };
    return html`<h3>${this.t('whatHappens')}</h3>
      <dl>
        <dt>${this.t('requiredDocuments')}</dt>
        <dd>${o.documents.length ? html`<ul>${o.documents.map((id) => html`<li>${docTitle(id)}</li>`)}</ul>` : '—'}</dd>
        <dt>${this.t('fees')}</dt>
        <dd data-total=${o.fees?.total ?? ''}>
          ${o.fees ? html`${formatVnd(o.fees.total)[this.lang]}${o.paymentBeforeAcceptance && this.procedure.fees.collect === 'before' ? ` (${this.t('payFirst')})` : ''}` : '—'}
        </dd>
        <dt>${this.t('receivingAgency')}</dt>
        <dd>${agencyName(o.receiving)}</dd>
        <dt>${this.t('route')}</dt>
        <dd>
          <ol>
            ${o.route.map(
              (st) => html`<li>
                ${this.text(st.title)} — ${agencyName(st.agency)}${st.external ? ` (${this.t('externalStep')})` : ''}${
                  st.plannedDueAt ? html`, ${this.t('plannedBy')} ${showInstant(st.plannedDueAt, tz)}` : nothing
                }
              </li>`,
            )}
          </ol>
        </dd>
        <dt>${this.t('dueAt')}</dt>
        <dd data-due=${o.dueAt ?? ''}>${o.dueAt ? showInstant(o.dueAt, tz) : '—'}</dd>
      </dl>
      ${this.renderIssues(o.issues)}
      ${
        r.mismatches.length
          ? html`<ul class="mc-issues" aria-label=${this.t('mismatches')}>
            ${r.mismatches.map((m) => html`<li>${m.message[this.lang]}</li>`)}
          </ul>`
          : Object.keys(this.procedure.scenarios?.find((s) => s.id === r.id)?.expect ?? {}).length === 0
            ? html`<p>${this.t('noExpectation')}</p>`
            : nothing
      }`;
  }
}

customElements.define('mc-scenarios-editor', ScenariosEditor);
