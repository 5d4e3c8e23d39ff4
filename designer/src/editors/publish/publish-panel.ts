import { html, nothing } from 'lit';
import {
  localDate,
  runScenarios,
  VIETNAM_TIME_ZONE,
  shownDate,
  type Procedure,
  type ScenarioResult,
} from '@motcua/core';
import type { Client } from '@motcua/api/client';
import { EditorElement } from '../editor-element.ts';
import { editorClient } from '../environment.ts';
import { diffView } from '../diff-view.ts';
import { canDesign } from '../grants.ts';
import { dateInput } from '../../app/date-input.ts';

const TZ = VIETNAM_TIME_ZONE;

/**
 * Review and publish: what changes against the live version (summary and JSON diff), the draft's
 * problems and its test scenarios (all must pass), a required change note and an effective date
 * of today or later; publishing is offered to designers of the owning agency only.
 */
export class PublishPanel extends EditorElement {
  static override properties = {
    ...EditorElement.properties,
    client: { attribute: false },
    flush: { attribute: false },
    live: { state: true },
    loaded: { state: true },
    allowed: { state: true },
    note: { state: true },
    message: { state: true },
    busy: { state: true },
    dateError: { state: true },
  };
  declare client: Client | undefined;
  /** Saves the draft now (the host's autosave), before the server publishes it. */
  declare flush: (() => Promise<void>) | undefined;
  declare live: Procedure | null;
  declare loaded: boolean;
  declare allowed: boolean;
  declare note: string;
  declare message: string;
  declare busy: boolean;
  declare dateError: string;
  #loadedFor = '';

  constructor() {
    super();
    this.live = null;
    this.loaded = false;
    this.allowed = false;
    this.note = '';
    this.message = '';
    this.busy = false;
    this.dateError = '';
  }

  get #client(): Client {
    return this.client ?? editorClient();
  }

  get #code(): string {
    return this.code ?? this.procedure?.code ?? '';
  }

  protected override willUpdate(): void {
    const code = this.#code;
    if (code && code !== this.#loadedFor) {
      this.#loadedFor = code;
      void this.#load(code);
    }
  }

  async #load(code: string) {
    try {
      const detail = await this.#client.get('/api/v1/procedures/{procedureCode}', { params: { procedureCode: code } });
      const version = detail.versionInForce ?? (detail.latestVersion > 0 ? detail.latestVersion : null);
      this.live = version
        ? ((
            await this.#client.get('/api/v1/procedures/{procedureCode}/versions/{version}', {
              params: { procedureCode: code, version },
            })
          ).definition as unknown as Procedure)
        : null;
      this.allowed = await canDesign(this.#client, this.procedure.owner, this.env()?.directory ?? null);
    } catch (err) {
      this.message = err instanceof Error ? err.message : String(err);
    }
    this.loaded = true;
  }

  #today(): string {
    return localDate(Date.now(), TZ);
  }

  #scenarioResults(): ScenarioResult[] | null {
    const env = this.env();
    return env ? runScenarios(this.procedure, env) : null;
  }

  async #publish() {
    this.busy = true;
    this.message = '';
    try {
      await this.flush?.();
      const code = this.#code;
      const detail = await this.#client.get('/api/v1/procedures/{procedureCode}', { params: { procedureCode: code } });
      const v = await this.#client.post('/api/v1/procedures/{procedureCode}/versions', {
        params: { procedureCode: code },
        body: { draftRevision: detail.draftRevision, note: this.note.trim() },
      });
      this.message = this.t('published', v.version, shownDate(v.effectiveFrom));
      this.note = '';
      this.#loadedFor = '';
      this.requestUpdate();
    } catch (err) {
      this.message = err instanceof Error ? err.message : String(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    if (!this.procedure) return nothing;
    const today = this.#today();
    const effective = this.procedure.effectiveFrom ?? '';
    const results = this.#scenarioResults();
    const failing = results?.filter((r) => !r.passed) ?? [];
    const problems = this.problems ?? [];
    const blockers: string[] = [];
    if (problems.length) blockers.push(this.t('blockProblems', problems.length));
    if (results === null) blockers.push(this.t('loading'));
    else if (failing.length) blockers.push(this.t('blockScenarios', failing.length));
    if (!this.note.trim()) blockers.push(this.t('blockNote'));
    if (!(effective >= today)) blockers.push(this.t('blockDate', shownDate(today)));
    if (!this.loaded) blockers.push(this.t('loading'));
    else if (!this.allowed) blockers.push(this.t('blockRole'));
    return html`<section class="mc-editor" aria-labelledby="mc-publish-h">
      <h2 id="mc-publish-h">${this.t('publishTitle')}</h2>
      ${this.loaded ? diffView(this.lang, this.live, this.procedure, this.t('jsonDiffLive')) : html`<p role="status">${this.t('loading')}</p>`}
      <h3>${this.t('checksTitle')}</h3>
      ${this.renderIssues(problems)}
      ${
        results
          ? html`<p class=${failing.length ? 'mc-fail' : 'mc-pass'}>${this.t('scenariosPassed', results.length - failing.length, results.length)}</p>`
          : nothing
      }
      <fieldset>
        <legend>${this.t('publishTitle')}</legend>
        <div class="mc-row">
          <label
            >${this.t('changeNote')}
            <textarea rows="3" cols="60" required aria-required="true" .value=${this.note} @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}></textarea>
          </label>
          <div class="mc-field">
            <label for="mc-publish-effective">${this.t('effectiveFrom')}</label>
            ${dateInput({
              id: 'mc-publish-effective',
              lang: this.lang,
              value: effective,
              min: today,
              required: true,
              error: this.dateError,
              onError: (m) => (this.dateError = m),
              onDate: (date) => this.edit(this.t('editEffective'), (p) => (p.effectiveFrom = date)),
            })}
          </div>
        </div>
        ${
          blockers.length
            ? html`<ul class="mc-issues" aria-label=${this.t('beforePublishing')}>
              ${blockers.map((b) => html`<li>${b}</li>`)}
            </ul>`
            : nothing
        }
        <button type="button" class="primary" ?disabled=${blockers.length > 0 || this.busy} @click=${this.#publish}>${this.t('publish')}</button>
        <p role="status">${this.message}</p>
      </fieldset>
    </section>`;
  }
}

customElements.define('mc-publish-panel', PublishPanel);
