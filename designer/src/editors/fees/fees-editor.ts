import { html, nothing } from 'lit';
import {
  computeFees,
  createInterpretedEvaluator,
  feeIssues,
  formFields,
  formatVnd,
  type FeeExemption,
  type FeeItem,
  type FeeQuote,
  type Issue,
} from '@motcua/core';
import { EditorElement, freshId, move } from '../editor-element.ts';
import { conditionSelect } from '../conditions/condition-choice.ts';
import { integerInput, localizedInputs } from '../localized-inputs.ts';

const evaluator = createInterpretedEvaluator();

/**
 * Fees and charges: when they are collected, each item's amount (possibly per unit of a form
 * field), when it is owed and who is exempted; below, the total core computes on sample answers
 * (typed here or taken from a saved test scenario).
 */
export class FeesEditor extends EditorElement {
  static override properties = { ...EditorElement.properties, sample: { state: true }, sampleError: { state: true } };
  declare sample: string;
  declare sampleError: string;

  constructor() {
    super();
    this.sample = '{}';
    this.sampleError = '';
  }

  #set(i: number, label: string, change: (f: FeeItem) => void) {
    this.edit(label, (p) => change(p.fees.items[i]!));
  }

  #add() {
    const id = freshId(
      'phi',
      (this.procedure.fees?.items ?? []).map((f) => f.id),
    );
    this.edit(this.t('addFee'), (p) => {
      p.fees ??= { collect: 'before', items: [] };
      p.fees.items.push({ id, title: { vi: this.t('newFeeName') }, kind: 'charge', amount: 0 });
    });
  }

  override render() {
    const fees = this.procedure?.fees ?? { collect: 'before' as const, items: [] };
    return html`<section class="mc-editor" aria-labelledby="mc-fees-h">
      <h2 id="mc-fees-h">${this.t('feesTitle')}</h2>
      <div class="mc-row">
        <label
          >${this.t('collect')}
          <select
            @change=${(e: Event) =>
              this.edit(this.t('editCollect'), (p) => {
                p.fees ??= { collect: 'before', items: [] };
                p.fees.collect = (e.target as HTMLSelectElement).value as 'before' | 'after';
              })}
          >
            <option value="before" ?selected=${fees.collect === 'before'}>${this.t('collectBefore')}</option>
            <option value="after" ?selected=${fees.collect === 'after'}>${this.t('collectAfter')}</option>
          </select></label
        >
      </div>
      ${fees.items.map((f, i) => this.#renderItem(f, i, fees.items.length))}
      <div class="mc-actions"><button type="button" @click=${this.#add}>${this.t('addFee')}</button></div>
      ${this.#renderSample()}
    </section>`;
  }

  #renderItem(f: FeeItem, i: number, count: number) {
    const name = this.text(f.title) || f.id;
    const label = this.t('editFee', name);
    const quantities = formFields(this.procedure.form?.schema ?? {}).filter((x) => x.type === 'integer');
    return html`<fieldset data-fee=${f.id}>
      <legend>${i + 1}. ${name}</legend>
      <div class="mc-row">
        ${localizedInputs({ vi: this.t('nameVi'), en: this.t('nameEn') }, f.title, (title) =>
          this.#set(i, label, (x) => (x.title = title)),
        )}
        <label
          >${this.t('feeKind')}
          <select @change=${(e: Event) => this.#set(i, label, (x) => (x.kind = (e.target as HTMLSelectElement).value as FeeItem['kind']))}>
            <option value="charge" ?selected=${f.kind === 'charge'}>${this.t('kindCharge')}</option>
            <option value="fee" ?selected=${f.kind === 'fee'}>${this.t('kindFee')}</option>
          </select></label
        >
        ${integerInput(this.t('amountVnd'), f.amount, 0, (n) => this.#set(i, label, (x) => (x.amount = n)))}
      </div>
      <div class="mc-row">
        <label
          >${this.t('perUnit')}
          <select
            @change=${(e: Event) => {
              const field = (e.target as HTMLSelectElement).value;
              this.#set(i, label, (x) => {
                if (field) x.per = { ...x.per, field };
                else delete x.per;
              });
            }}
          >
            <option value="" ?selected=${!f.per}>${this.t('fixedAmount')}</option>
            ${
              f.per && !quantities.some((q) => q.pointer === f.per!.field)
                ? html`<option value=${f.per.field} selected>${f.per.field}</option>`
                : nothing
            }
            ${quantities.map(
              (q) =>
                html`<option value=${q.pointer} ?selected=${f.per?.field === q.pointer}>${q.label[this.lang]}</option>`,
            )}
          </select></label
        >
        ${
          f.per
            ? localizedInputs({ vi: this.t('unitVi'), en: this.t('unitEn') }, f.per.unit, (unit) =>
                this.#set(i, label, (x) => (x.per = { ...x.per!, unit })),
              )
            : nothing
        }
        ${conditionSelect(this.lang, this.t('owedWhen'), this.procedure, f.when, (when) =>
          this.#set(i, label, (x) => {
            if (when === undefined) delete x.when;
            else x.when = when;
          }),
        )}
      </div>
      <fieldset>
        <legend>${this.t('exemptions')}</legend>
        ${(f.exemptions ?? []).map((x, k) => this.#renderExemption(i, x, k, label))}
        <button
          type="button"
          @click=${() =>
            this.#set(i, this.t('addExemption'), (x) => {
              const id = freshId(
                'mien',
                (x.exemptions ?? []).map((e) => e.id),
              );
              const first = this.procedure.conditions?.[0];
              x.exemptions = [
                ...(x.exemptions ?? []),
                { id, title: { vi: this.t('newExemptionName') }, when: first ? structuredClone(first.when) : false },
              ];
            })}
        >
          ${this.t('addExemption')}
        </button>
      </fieldset>
      ${this.renderIssues(this.problemsAt(`/fees/items/${i}`))}
      <div class="mc-actions">
        <button type="button" ?disabled=${i === 0} aria-label=${this.t('moveUpNamed', name)} @click=${() => this.edit(this.t('moveFee', name), (p) => move(p.fees.items, i, -1))}>
          ${this.t('moveUp')}
        </button>
        <button type="button" ?disabled=${i === count - 1} aria-label=${this.t('moveDownNamed', name)} @click=${() => this.edit(this.t('moveFee', name), (p) => move(p.fees.items, i, 1))}>
          ${this.t('moveDown')}
        </button>
        <button type="button" aria-label=${this.t('deleteNamed', name)} @click=${() => this.edit(this.t('deleteFee', name), (p) => p.fees.items.splice(i, 1))}>
          ${this.t('delete')}
        </button>
      </div>
    </fieldset>`;
  }

  #renderExemption(i: number, x: FeeExemption, k: number, label: string) {
    const setX = (change: (e: FeeExemption) => void) => this.#set(i, label, (f) => change(f.exemptions![k]!));
    return html`<div class="mc-row" data-exemption=${x.id}>
      ${localizedInputs({ vi: this.t('exemptedVi'), en: this.t('exemptedEn') }, x.title, (title) => setX((e) => (e.title = title)))}
      ${conditionSelect(this.lang, this.t('exemptWhen'), this.procedure, x.when, (when) =>
        setX((e) => (e.when = when ?? true)),
      )}
      <button
        type="button"
        aria-label=${this.t('deleteNamed', this.text(x.title))}
        @click=${() => this.#set(i, label, (f) => f.exemptions!.splice(k, 1))}
      >
        ${this.t('delete')}
      </button>
    </div>`;
  }

  #quote(): { quote: FeeQuote | null; issues: Issue[] } {
    let data: unknown;
    try {
      data = JSON.parse(this.sample);
    } catch {
      return { quote: null, issues: [] };
    }
    const ev = this.environment?.evaluator ?? evaluator;
    try {
      const issues = feeIssues(this.procedure, data, ev);
      return issues.length ? { quote: null, issues } : { quote: computeFees(this.procedure, data, ev), issues: [] };
    } catch (err) {
      return {
        quote: null,
        issues: [{ pointer: '/fees', code: 'evaluator', message: { vi: String(err), en: String(err) } }],
      };
    }
  }

  #renderSample() {
    const { quote, issues } = this.#quote();
    const scenarios = this.procedure.scenarios ?? [];
    return html`<fieldset>
      <legend>${this.t('sampleTotal')}</legend>
      ${
        scenarios.length
          ? html`<label
            >${this.t('sampleFromScenario')}
            <select
              @change=${(e: Event) => {
                const s = scenarios[Number((e.target as HTMLSelectElement).value)];
                if (s) this.sample = JSON.stringify(s.data, null, 2);
              }}
            >
              <option value="">—</option>
              ${scenarios.map((s, n) => html`<option value=${n}>${this.text(s.title)}</option>`)}
            </select></label
          >`
          : nothing
      }
      <label
        >${this.t('sampleAnswers')}
        <textarea
          rows="4"
          cols="60"
          .value=${this.sample}
          @change=${(e: Event) => {
            const text = (e.target as HTMLTextAreaElement).value;
            try {
              JSON.parse(text);
              this.sampleError = '';
            } catch (err) {
              this.sampleError = `${this.t('invalidJson')}: ${err instanceof Error ? err.message : String(err)}`;
            }
            this.sample = text;
          }}
        ></textarea>
      </label>
      ${this.sampleError ? html`<p role="alert" class="mc-fail">${this.sampleError}</p>` : nothing}
      ${this.renderIssues(issues)}
      <div aria-live="polite">
        ${
          quote
            ? html`<table>
                <thead>
                  <tr><th scope="col">${this.t('feeItem')}</th><th scope="col">${this.t('amountVnd')}</th><th scope="col">${this.t('why')}</th></tr>
                </thead>
                <tbody>
                  ${quote.items.map(
                    (l) =>
                      html`<tr><td>${this.text(l.title)}</td><td>${formatVnd(l.amount)[this.lang]}</td><td>${l.reason[this.lang]}</td></tr>`,
                  )}
                </tbody>
              </table>
              <p data-total=${quote.total}><strong>${this.t('total')}: ${formatVnd(quote.total)[this.lang]}</strong></p>`
            : nothing
        }
      </div>
    </fieldset>`;
  }
}

customElements.define('mc-fees-editor', FeesEditor);
