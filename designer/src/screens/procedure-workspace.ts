/**
 * One procedure open for editing: the definition store shared by every view, autosave to the
 * server's draft, local recovery, the task list, the section being edited (or the JSON view), the
 * problems from core (the server's dry-run: the same validation publishing applies, with the
 * province's agency checks) and the preview.
 */
import { html, nothing } from 'lit';
import type { Issue, Procedure, ScenarioResult } from '@motcua/core';
import type { ProcedureDetail } from '@motcua/api';
import { LightElement } from '../app/light-element.ts';
import { api, errorText, type Lang } from '../app/api.ts';
import { t, type StringKey } from '../i18n/strings.ts';
import { SECTIONS, sectionOf, sectionStatus, type SectionId } from '../app/sections.ts';
import { DefinitionStore, type Definition } from '../store/definition-store.ts';
import { Autosave, type DraftServer } from '../store/autosave.ts';
import { clearRecovery, readRecovery, recoveryToOffer, writeRecovery, type RecoveryCopy } from '../store/recovery.ts';
import { downloadJson } from '../app/new-procedure.ts';
import { ProblemList } from '../problems/problem-list.ts';
import './general-editor.ts';
import './section-host.ts';
import './conflict-panel.ts';
import '../form/form-editor.ts';
import '../problems/problems-panel.ts';
import '../preview/preview-pane.ts';
import type { JsonView } from '../json/json-view.ts';

type Editors = typeof import('../editors/index.ts');
type ScenarioRunner = { run: Editors['scenarioResults']; env: Awaited<ReturnType<Editors['loadEnvironment']>> };

export class ProcedureWorkspace extends LightElement {
  static override properties = {
    lang: {},
    code: {},
    section: {},
    detail: { state: true },
    definition: { state: true },
    issues: { state: true },
    saveState: { state: true },
    view: { state: true },
    recovery: { state: true },
    loadError: { state: true },
    selected: { state: true },
    jsonSyntax: { state: true },
  };
  declare lang: Lang;
  declare code: string;
  declare section: SectionId;
  declare detail: ProcedureDetail | null;
  declare definition: Definition | null;
  declare issues: Issue[];
  declare saveState: string;
  declare view: 'visual' | 'json';
  declare recovery: RecoveryCopy | null;
  declare loadError: string;
  declare selected: string | null;
  declare jsonSyntax: Issue[];

  store: DefinitionStore | null = null;
  autosave: Autosave | null = null;
  readonly problems = new ProblemList();
  /** Core's scenario run, with the agencies and calendars, once the editors' chunk has them. */
  #runner: ScenarioRunner | null = null;
  #results: { for: Definition; results: ScenarioResult[] } | null = null;
  #recoveryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.lang = 'vi';
    this.code = '';
    this.section = 'general';
    this.detail = null;
    this.definition = null;
    this.issues = [];
    this.saveState = 'saved';
    this.view = 'visual';
    this.recovery = null;
    this.loadError = '';
    this.selected = null;
    this.jsonSyntax = [];
  }

  readonly #onKey = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || !this.store) return;
    const k = e.key.toLowerCase();
    if (k !== 'z' && k !== 'y') return;
    // The store's undo everywhere, Monaco and text boxes included: one history for all views.
    e.preventDefault();
    e.stopPropagation();
    (this.querySelector('mc-json-view') as JsonView | null)?.flush();
    if (k === 'z' && !e.shiftKey) this.store.undo();
    else this.store.redo();
  };

  readonly #onUnload = () => {
    if (this.store && this.autosave?.dirty) this.#writeRecovery();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.#onKey, true);
    window.addEventListener('pagehide', this.#onUnload);
    this.problems.addEventListener('issues', () => (this.issues = this.problems.issues));
    void this.#load();
    void this.#loadRunner();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.#onKey, true);
    window.removeEventListener('pagehide', this.#onUnload);
    void this.autosave?.flush();
    this.autosave?.dispose();
    super.disconnectedCallback();
  }

  async #load() {
    try {
      const detail = await api.get('/api/v1/procedures/{procedureCode}', { params: { procedureCode: this.code } });
      this.detail = detail;
      const draft = (detail.draft ?? {}) as Definition;
      const store = new DefinitionStore(draft);
      const code = this.code;
      const server: DraftServer = {
        save: async (definition, revision) => {
          const d = await api.put('/api/v1/procedures/{procedureCode}/draft', {
            params: { procedureCode: code },
            headers: { 'If-Match': String(revision) },
            body: definition,
          });
          this.detail = d;
          return { definition: d.draft as Definition, revision: d.draftRevision, updatedAt: d.draftUpdatedAt };
        },
        load: async () => {
          const d = await api.get('/api/v1/procedures/{procedureCode}', { params: { procedureCode: code } });
          return { definition: d.draft as Definition, revision: d.draftRevision, updatedAt: d.draftUpdatedAt };
        },
      };
      const autosave = new Autosave(store, server, detail.draftRevision);
      autosave.addEventListener('state', () => (this.saveState = autosave.state));
      autosave.addEventListener('saved', () => {
        if (!autosave.dirty) clearRecovery(localStorage, code);
      });
      store.addEventListener('change', () => {
        this.definition = store.definition;
        this.problems.check(code, store.definition);
        clearTimeout(this.#recoveryTimer);
        this.#recoveryTimer = setTimeout(() => this.#writeRecovery(), 250);
      });
      this.store = store;
      this.autosave = autosave;
      this.definition = draft;
      this.issues = detail.validation.issues;
      this.problems.check(code, draft);
      this.recovery = recoveryToOffer(readRecovery(localStorage, code), draft);
    } catch (err) {
      this.loadError = errorText(err, this.lang);
    }
  }

  async #loadRunner() {
    try {
      const editors = await import('../editors/index.ts');
      this.#runner = { run: editors.scenarioResults, env: await editors.loadEnvironment() };
      this.requestUpdate();
    } catch {
      // Without agencies and calendars the scenarios cannot run: their task stays unticked.
    }
  }

  /** The saved scenarios run by core on this definition (once per definition), or null. */
  #scenarioResults(d: Definition): ScenarioResult[] | null {
    if (!this.#runner) return null;
    if (this.#results?.for !== d)
      this.#results = { for: d, results: this.#runner.run(d as unknown as Procedure, this.#runner.env) };
    return this.#results.results;
  }

  #writeRecovery() {
    if (!this.store || !this.autosave) return;
    if (!this.autosave.dirty && this.autosave.state !== 'conflict') return;
    writeRecovery(localStorage, this.code, {
      definition: this.store.definition,
      revision: this.autosave.revision,
      savedAt: Date.now(),
    });
  }

  #restore(yes: boolean) {
    const copy = this.recovery;
    this.recovery = null;
    if (yes && copy && this.store) this.store.commit({ definition: copy.definition, label: t(this.lang, 'restored') });
    else clearRecovery(localStorage, this.code);
  }

  /** A section editor or the JSON view changed the definition. */
  #onProcedureChange(e: CustomEvent<{ procedure: Definition; label: string; source?: string }>) {
    e.stopPropagation();
    this.store?.commit({ definition: e.detail.procedure, label: e.detail.label, source: e.detail.source });
  }

  #goTo(section: SectionId) {
    location.hash = `#/p/${encodeURIComponent(this.code)}/${section}`;
  }

  /** A problem was chosen: its line in the JSON view, or its section and element in the visual one. */
  #onProblem(e: CustomEvent<{ pointer: string }>) {
    const pointer = e.detail.pointer;
    if (this.view === 'json') {
      void (this.querySelector('mc-json-view') as JsonView | null)?.reveal(pointer);
      return;
    }
    this.selected = pointer;
    this.#goTo(sectionOf(pointer));
  }

  async #setView(view: 'visual' | 'json') {
    if (view === 'visual') this.jsonSyntax = [];
    this.view = view;
    if (view === 'json') await import('../json/json-view.ts');
  }

  override render() {
    const lang = this.lang;
    if (this.loadError) return html`<p class="error" role="alert">${this.loadError}</p>`;
    const d = this.definition;
    const store = this.store;
    if (!d || !store) return html`<p role="status">${t(lang, 'loading')}</p>`;
    const title = d.title as { vi?: string; en?: string } | undefined;
    const status = sectionStatus(d, this.issues, this.#scenarioResults(d));
    const undoLabel = store.undoLabel;
    const redoLabel = store.redoLabel;
    return html`
      <div class="workspace" @procedure-change=${this.#onProcedureChange} @problem-select=${this.#onProblem}>
        <div class="ws-head">
          <a href="#/">← ${t(lang, 'back')}</a>
          <h1>${this.code} · ${(lang === 'en' ? title?.en : undefined) || title?.vi || ''}</h1>
          <span class="spacer"></span>
          <span class="save-state" role="status" data-state=${this.saveState}>${this.#saveText()}</span>
          <button
            type="button"
            ?disabled=${!store.canUndo}
            aria-label=${undoLabel ? t(lang, 'undoWhat', undoLabel) : t(lang, 'undo')}
            title=${undoLabel ? t(lang, 'undoWhat', undoLabel) : t(lang, 'undo')}
            @click=${() => store.undo()}
          >
            ↶ ${t(lang, 'undo')}
          </button>
          <button
            type="button"
            ?disabled=${!store.canRedo}
            aria-label=${redoLabel ? t(lang, 'redoWhat', redoLabel) : t(lang, 'redo')}
            @click=${() => store.redo()}
          >
            ↷ ${t(lang, 'redo')}
          </button>
          <div class="segmented" role="group" aria-label=${t(lang, 'view')}>
            <button type="button" aria-pressed=${this.view === 'visual'} @click=${() => this.#setView('visual')}>
              ${t(lang, 'visual')}
            </button>
            <button type="button" aria-pressed=${this.view === 'json'} @click=${() => this.#setView('json')}>
              ${t(lang, 'jsonView')}
            </button>
          </div>
          <button type="button" @click=${() => downloadJson(d, `${this.code}.json`)}>${t(lang, 'export')}</button>
        </div>
        ${
          this.recovery
            ? html`<div class="banner" role="alert">
              ${t(lang, 'recoveryFound', new Date(this.recovery.savedAt).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'))}
              <button type="button" class="primary" @click=${() => this.#restore(true)}>${t(lang, 'restore')}</button>
              <button type="button" @click=${() => this.#restore(false)}>${t(lang, 'discard')}</button>
            </div>`
            : nothing
        }
        ${
          this.autosave?.conflict
            ? html`<mc-conflict-panel
              .lang=${lang}
              .conflict=${this.autosave.conflict}
              .code=${this.code}
              @keep-mine=${() => this.autosave?.keepMine()}
              @take-theirs=${() => this.autosave?.takeTheirs(t(lang, 'takenTheirs'))}
            ></mc-conflict-panel>`
            : nothing
        }
        <nav class="tasks" aria-label=${t(lang, 'tasks')}>
          <ol>
            ${SECTIONS.map((s) => {
              const st = status[s.id];
              const current = s.id === this.section && this.view === 'visual';
              return html`<li>
                <a
                  href="#/p/${encodeURIComponent(this.code)}/${s.id}"
                  aria-current=${current ? 'page' : 'false'}
                  @click=${() => (this.view = 'visual')}
                >
                  <span class="tick" aria-hidden="true">${st.done ? '✓' : st.problems ? '!' : '○'}</span>
                  ${t(lang, `s_${s.id}` as StringKey)}
                  <span class="visually-hidden">(${st.done ? t(lang, 'done') : t(lang, 'notDone')})</span>
                  ${st.problems ? html`<span class="count">${t(lang, 'problemsIn', st.problems)}</span>` : nothing}
                </a>
              </li>`;
            })}
          </ol>
        </nav>
        <section class="editor" aria-label=${this.view === 'json' ? t(lang, 'jsonEditor') : t(lang, `s_${this.section}` as StringKey)}>
          ${
            this.view === 'json'
              ? html`<mc-json-view
                .lang=${lang}
                .definition=${d}
                .store=${store}
                .issues=${this.issues}
                @json-syntax=${(e: CustomEvent<Issue[]>) => (this.jsonSyntax = e.detail)}
              ></mc-json-view>`
              : this.#sectionEditor(d)
          }
          <mc-problems-panel
            .lang=${lang}
            .issues=${[...this.jsonSyntax, ...this.issues]}
            .stale=${this.jsonSyntax.length > 0}
          ></mc-problems-panel>
        </section>
        <aside class="preview" aria-label=${t(lang, 'preview')}>
          <mc-preview-pane .lang=${lang} .definition=${d}></mc-preview-pane>
        </aside>
      </div>
    `;
  }

  #saveText() {
    const lang = this.lang;
    switch (this.saveState) {
      case 'pending':
        return t(lang, 'pending');
      case 'saving':
        return t(lang, 'saving');
      case 'conflict':
        return t(lang, 'conflictTitle');
      case 'error':
        return t(lang, 'saveError', errorText(this.autosave?.error, lang));
      default:
        return t(lang, 'saved');
    }
  }

  #sectionEditor(d: Definition) {
    const lang = this.lang;
    switch (this.section) {
      case 'general':
        return html`<mc-general-editor .lang=${lang} .procedure=${d} .issues=${this.issues}></mc-general-editor>`;
      case 'form':
        return html`<mc-form-editor .lang=${lang} .procedure=${d} .focusPointer=${this.selected}></mc-form-editor>`;
      default: {
        const section = SECTIONS.find((s) => s.id === this.section) ?? SECTIONS[0]!;
        return html`<mc-section-host
          .lang=${lang}
          .procedure=${d}
          .section=${section}
          .code=${this.code}
          .detail=${this.detail}
          .issues=${this.issues}
          .flush=${() => this.autosave?.flush()}
          @open-json=${() => this.#setView('json')}
        ></mc-section-host>`;
      }
    }
  }
}

customElements.define('mc-procedure-workspace', ProcedureWorkspace);
