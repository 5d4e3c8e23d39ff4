import { html, nothing } from 'lit';
import {
  formFields,
  pick,
  routeLints,
  workingDayMinutes,
  STEP_ROLES,
  type Agency,
  type ReceivingRule,
  type WorkflowStep,
  type WorkingDuration,
} from '@motcua/core';
import { EditorElement, freshId, move } from '../editor-element.ts';
import { conditionSelect } from '../conditions/condition-choice.ts';
import { localizedInputs } from '../localized-inputs.ts';
import { agencySelect, defaultAgency } from '../agency-choice.ts';
import { agencyRefFields, agencyRefLabel } from './agency-ref-fields.ts';
import { routeDiagram } from './route-diagram.ts';
import type { Key } from '../i18n.ts';

const BUDGET_UNITS = ['working-days', 'working-hours', 'calendar-days'] as const;

/**
 * Where a dossier is received and the steps it goes through: roles, the agency of each step
 * (competent-agency rules, forwards between agencies), external systems, per-step time budgets,
 * branches and outcomes — as a list and as a diagram of the same data, with core's lints.
 */
export class RoutingEditor extends EditorElement {
  #steps(): WorkflowStep[] {
    return this.procedure?.workflow?.steps ?? [];
  }

  #set(i: number, label: string, change: (s: WorkflowStep) => void) {
    this.edit(label, (p) => change(p.workflow.steps[i]!));
  }

  #add() {
    const steps = this.#steps();
    const id = freshId(
      'buoc',
      steps.map((s) => s.id),
    );
    this.edit(this.t('addStep'), (p) => {
      p.workflow ??= { start: id, steps: [] };
      const last = p.workflow.steps[p.workflow.steps.length - 1];
      // The new step follows the last one, which hands over instead of deciding.
      if (last && !last.next?.length) {
        last.next = [{ step: id }];
      }
      p.workflow.steps.push({
        id,
        title: { vi: this.t('newStepName') },
        agency: { relative: 'receiving' },
        role: 'specialist',
        outcomes: ['approved', 'denied'],
      });
      if (last) delete last.outcomes;
      // A new procedure's start names a step that does not exist yet: the first step added is it.
      if (!p.workflow.steps.some((s) => s.id === p.workflow.start && s.id !== id)) p.workflow.start = id;
    });
  }

  #delete(i: number) {
    const step = this.#steps()[i]!;
    this.edit(this.t('deleteStep', this.text(step.title) || step.id), (p) => {
      p.workflow.steps.splice(i, 1);
      for (const s of p.workflow.steps) {
        if (s.next) s.next = s.next.filter((b) => b.step !== step.id);
        if (s.next?.length === 0) delete s.next;
      }
      if (p.workflow.start === step.id) p.workflow.start = p.workflow.steps[0]?.id ?? '';
    });
  }

  override render() {
    const env = this.env();
    const agencies = env?.agencies ?? [];
    const steps = this.#steps();
    let dayMinutes: number | undefined;
    try {
      dayMinutes = env ? workingDayMinutes(env.calendarOf(defaultAgency(this.procedure))) : undefined;
    } catch {
      dayMinutes = undefined;
    }
    const lints = routeLints(this.procedure ?? {}, dayMinutes ? { dayMinutes } : {});
    const agencyName = (i: number) => {
      const ref = steps[i]?.agency;
      if (ref && 'code' in ref && !('kind' in ref)) {
        const a = agencies.find((x) => x.code === ref.code);
        if (a) return pick(a.name, this.lang);
      }
      return agencyRefLabel(ref, this.lang);
    };
    return html`<section class="mc-editor" aria-labelledby="mc-routing-h">
      <h2 id="mc-routing-h">${this.t('routingTitle')}</h2>
      ${this.#renderReceiving(agencies)}
      <div class="mc-row">
        <label
          >${this.t('startStep')}
          <select @change=${(e: Event) => this.edit(this.t('editStart'), (p) => (p.workflow.start = (e.target as HTMLSelectElement).value))}>
            ${steps.map((s) => html`<option value=${s.id} ?selected=${s.id === this.procedure.workflow?.start}>${this.text(s.title) || s.id}</option>`)}
          </select></label
        >
      </div>
      <h3>${this.t('lintsTitle')}</h3>
      ${lints.length ? this.renderIssues(lints, 'lint') : html`<p>${this.t('noLints')}</p>`}
      ${this.renderIssues(this.problemsAt('/workflow').filter((i) => !lints.some((l) => l.pointer === i.pointer && l.code === i.code)))}
      ${routeDiagram(this.procedure, this.lang, agencyName)}
      <h3>${this.t('stepsTitle')}</h3>
      ${steps.map((s, i) => this.#renderStep(s, i, steps, agencies))}
      <div class="mc-actions"><button type="button" @click=${this.#add}>${this.t('addStep')}</button></div>
    </section>`;
  }

  #renderReceiving(agencies: readonly Agency[]) {
    const r = this.procedure?.receiving;
    const label = this.t('editReceiving');
    const set = (next: ReceivingRule) => this.edit(label, (p) => (p.receiving = next));
    const kinds = [...new Set(agencies.map((a) => a.kind))];
    const fields = formFields(this.procedure?.form?.schema ?? {}).filter((f) => f.type === 'string');
    const modes = ['fixed', 'choice', 'field', 'condition'] as const;
    const fallback = agencies[0]?.code ?? this.procedure.owner;
    return html`<fieldset>
      <legend>${this.t('receivingTitle')}</legend>
      <div class="mc-row">
        <label
          >${this.t('receivingMode')}
          <select
            @change=${(e: Event) => {
              const m = (e.target as HTMLSelectElement).value as (typeof modes)[number];
              if (m === 'fixed') set({ mode: 'fixed', agency: fallback });
              if (m === 'choice') set({ mode: 'choice', kind: kinds[0] ?? 'commune' });
              if (m === 'field') set({ mode: 'field', field: fields[0]?.pointer ?? '/agency' });
              if (m === 'condition') {
                const first = this.procedure.conditions?.[0];
                set({
                  mode: 'condition',
                  cases: [{ when: first ? structuredClone(first.when) : false, agency: fallback }],
                  otherwise: fallback,
                });
              }
            }}
          >
            ${modes.map((m) => html`<option value=${m} ?selected=${r?.mode === m}>${this.t(`recv-${m}` as Key)}</option>`)}
          </select></label
        >
        ${r?.mode === 'fixed' ? agencySelect(this.lang, this.t('agency'), agencies, r.agency, (agency) => set({ ...r, agency })) : nothing}
        ${
          r?.mode === 'choice'
            ? html`<label
                >${this.t('agencyKind')}
                <select @change=${(e: Event) => set({ ...r, kind: (e.target as HTMLSelectElement).value })}>
                  ${kinds.includes(r.kind) ? nothing : html`<option selected>${r.kind}</option>`}
                  ${kinds.map((k) => html`<option ?selected=${k === r.kind}>${k}</option>`)}
                </select></label
              >
              ${agencySelect(
                this.lang,
                this.t('within'),
                agencies,
                r.within,
                (within) => {
                  const { within: _w, ...rest } = r;
                  set(within ? { ...rest, within } : rest);
                },
                { allowNone: this.t('wholeProvince') },
              )}`
            : nothing
        }
        ${
          r?.mode === 'field'
            ? html`<label
              >${this.t('field')}
              <select @change=${(e: Event) => set({ ...r, field: (e.target as HTMLSelectElement).value })}>
                ${fields.some((f) => f.pointer === r.field) ? nothing : html`<option selected>${r.field}</option>`}
                ${fields.map((f) => html`<option value=${f.pointer} ?selected=${f.pointer === r.field}>${f.label[this.lang]}</option>`)}
              </select></label
            >`
            : nothing
        }
      </div>
      ${
        r?.mode === 'condition'
          ? html`<ol aria-label=${this.t('competentRules')}>
              ${r.cases.map(
                (c, k) => html`<li class="mc-row">
                  ${conditionSelect(this.lang, this.t('whenCondition'), this.procedure, c.when, (when) =>
                    set({ ...r, cases: r.cases.map((x, j) => (j === k ? { ...x, when: when ?? true } : x)) }),
                  )}
                  ${agencySelect(this.lang, this.t('agency'), agencies, c.agency, (agency) =>
                    set({ ...r, cases: r.cases.map((x, j) => (j === k ? { ...x, agency } : x)) }),
                  )}
                </li>`,
              )}
            </ol>
            ${agencySelect(
              this.lang,
              this.t('otherwise'),
              agencies,
              r.otherwise,
              (otherwise) => {
                const { otherwise: _o, ...rest } = r;
                set(otherwise ? { ...rest, otherwise } : rest);
              },
              { allowNone: '—' },
            )}
            <button type="button" @click=${() => set({ ...r, cases: [...r.cases, structuredClone(r.cases[r.cases.length - 1]!)] })}>${this.t('addRule')}</button>`
          : nothing
      }
      ${this.renderIssues(this.problemsAt('/receiving'))}
    </fieldset>`;
  }

  #renderStep(s: WorkflowStep, i: number, steps: WorkflowStep[], agencies: readonly Agency[]) {
    const name = this.text(s.title) || s.id;
    const label = this.t('editStep', name);
    const budget = s.budget;
    return html`<fieldset data-step=${s.id}>
      <legend>${i + 1}. ${name}</legend>
      <div class="mc-row">
        <label
          >${this.t('stepId')}
          <input
            .value=${s.id}
            pattern="[A-Za-z][A-Za-z0-9_-]*"
            @change=${(e: Event) => {
              const id = (e.target as HTMLInputElement).value.trim();
              if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(id) || steps.some((x) => x.id === id)) return;
              this.edit(label, (p) => {
                p.workflow.steps[i]!.id = id;
                if (p.workflow.start === s.id) p.workflow.start = id;
                for (const x of p.workflow.steps) x.next?.forEach((b) => b.step === s.id && (b.step = id));
              });
            }}
        /></label>
        ${localizedInputs({ vi: this.t('nameVi'), en: this.t('nameEn') }, s.title, (title) => this.#set(i, label, (x) => (x.title = title)))}
        <label
          >${this.t('role')}
          <select @change=${(e: Event) => this.#set(i, label, (x) => (x.role = (e.target as HTMLSelectElement).value as WorkflowStep['role']))}>
            ${STEP_ROLES.includes(s.role) ? nothing : html`<option value="" selected>${this.t('noRole')}</option>`}
            ${STEP_ROLES.map((r) => html`<option value=${r} ?selected=${r === s.role}>${this.t(`role-${r}` as Key)}</option>`)}
          </select></label
        >
      </div>
      ${agencyRefFields(this.lang, this.procedure, agencies, s.agency, (agency) => this.#set(i, label, (x) => (x.agency = agency)))}
      <div class="mc-row">
        <label
          >${this.t('budget')}
          <select
            @change=${(e: Event) => {
              const unit = (e.target as HTMLSelectElement).value;
              this.#set(i, label, (x) => {
                if (!unit) delete x.budget;
                else x.budget = { unit: unit as WorkingDuration['unit'], value: x.budget?.value ?? 1 };
              });
            }}
          >
            <option value="" ?selected=${!budget}>${this.t('noBudget')}</option>
            ${BUDGET_UNITS.map((u) => html`<option value=${u} ?selected=${budget?.unit === u}>${this.t(`unit-${u}` as Key)}</option>`)}
          </select></label
        >
        ${
          budget
            ? html`<label
              >${this.t('budgetValue')}
              <input
                type="number"
                min="0.5"
                step="0.5"
                .value=${String(budget.value)}
                @change=${(e: Event) => {
                  const value = Number((e.target as HTMLInputElement).value);
                  if (value > 0) this.#set(i, label, (x) => (x.budget = { unit: budget.unit, value }));
                }}
            /></label>`
            : nothing
        }
        <label class="mc-inline"
          ><input
            type="checkbox"
            .checked=${s.external !== undefined}
            @change=${(e: Event) =>
              this.#set(i, label, (x) => {
                if ((e.target as HTMLInputElement).checked) x.external = { system: 'he-thong' };
                else delete x.external;
              })}
          />${this.t('externalStep')}</label
        >
        ${
          s.external
            ? html`<label
              >${this.t('externalSystem')}
              <input .value=${s.external.system} @change=${(e: Event) => {
                const system = (e.target as HTMLInputElement).value.trim();
                if (system) this.#set(i, label, (x) => (x.external = { ...x.external!, system }));
              }} /></label>`
            : nothing
        }
      </div>
      <fieldset>
        <legend>${this.t('outcomes')}</legend>
        ${(['approved', 'denied'] as const).map(
          (o) => html`<label class="mc-inline"
            ><input
              type="checkbox"
              .checked=${s.outcomes?.includes(o) ?? false}
              @change=${(e: Event) =>
                this.#set(i, label, (x) => {
                  const set = new Set(x.outcomes ?? []);
                  if ((e.target as HTMLInputElement).checked) set.add(o);
                  else set.delete(o);
                  if (set.size) x.outcomes = (['approved', 'denied'] as const).filter((v) => set.has(v));
                  else delete x.outcomes;
                })}
            />${this.t(`outcome-${o}` as Key)}</label
          >`,
        )}
      </fieldset>
      <fieldset>
        <legend>${this.t('branches')}</legend>
        <ol>
          ${(s.next ?? []).map(
            (b, k) => html`<li class="mc-row">
              <label
                >${this.t('nextStep')}
                <select @change=${(e: Event) => this.#set(i, label, (x) => (x.next![k]!.step = (e.target as HTMLSelectElement).value))}>
                  ${steps.some((x) => x.id === b.step) ? nothing : html`<option selected>${b.step}</option>`}
                  ${steps.map((x) => html`<option value=${x.id} ?selected=${x.id === b.step}>${this.text(x.title) || x.id}</option>`)}
                </select></label
              >
              ${conditionSelect(this.lang, this.t('whenCondition'), this.procedure, b.when, (when) =>
                this.#set(i, label, (x) => {
                  if (when === undefined) delete x.next![k]!.when;
                  else x.next![k]!.when = when;
                }),
              )}
              <button type="button" aria-label=${this.t('removeBranch', k + 1)} @click=${() =>
                this.#set(i, label, (x) => {
                  x.next!.splice(k, 1);
                  if (!x.next!.length) delete x.next;
                })}>${this.t('remove')}</button>
            </li>`,
          )}
        </ol>
        <button
          type="button"
          ?disabled=${steps.length < 2}
          @click=${() => this.#set(i, label, (x) => (x.next = [...(x.next ?? []), { step: steps.find((o) => o.id !== s.id)!.id }]))}
        >
          ${this.t('addBranch')}
        </button>
      </fieldset>
      ${this.renderIssues(this.problemsAt(`/workflow/steps/${i}`))}
      <div class="mc-actions">
        <button type="button" ?disabled=${i === 0} aria-label=${this.t('moveUpNamed', name)} @click=${() => this.edit(this.t('moveStep', name), (p) => move(p.workflow.steps, i, -1))}>${this.t('moveUp')}</button>
        <button type="button" ?disabled=${i === steps.length - 1} aria-label=${this.t('moveDownNamed', name)} @click=${() => this.edit(this.t('moveStep', name), (p) => move(p.workflow.steps, i, 1))}>${this.t('moveDown')}</button>
        <button type="button" aria-label=${this.t('deleteNamed', name)} @click=${() => this.#delete(i)}>${this.t('delete')}</button>
      </div>
    </fieldset>`;
  }
}

customElements.define('mc-routing-editor', RoutingEditor);
