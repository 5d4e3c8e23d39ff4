import { html, nothing } from 'lit';
import type { AgencyRef, Lang, Procedure, SimpleAgencyRef, Agency } from '@motcua/core';
import { tr, type Key } from '../i18n.ts';
import { agencySelect } from '../agency-choice.ts';
import { conditionSelect } from '../conditions/condition-choice.ts';

type Mode = 'receiving' | 'owner' | 'parent-of-receiving' | 'kind' | 'code' | 'cases';
const MODES: Mode[] = ['receiving', 'owner', 'parent-of-receiving', 'kind', 'code', 'cases'];

function modeOf(ref: AgencyRef | undefined): Mode {
  if (!ref) return 'receiving';
  if ('cases' in ref) return 'cases';
  if ('relative' in ref) return ref.relative;
  if ('kind' in ref) return 'kind';
  return 'code';
}

function simpleLabel(ref: SimpleAgencyRef, lang: Lang): string {
  if ('relative' in ref) return tr(lang, `ref-${ref.relative}` as Key);
  if ('kind' in ref) return `${tr(lang, 'ref-kind')}: ${ref.kind}${ref.code ? ` (${ref.code})` : ''}`;
  return ref.code;
}

/** A short description of who acts, for the step list and the diagram. */
export function agencyRefLabel(ref: AgencyRef | undefined, lang: Lang): string {
  if (!ref) return '?';
  if ('cases' in ref) return tr(lang, 'ref-cases');
  return simpleLabel(ref, lang);
}

/**
 * Who handles a step: relative to the receiving agency, the nearest agency of a kind, one fixed
 * agency, or competent-agency rules (a named condition → an agency, the first that holds).
 */
export function agencyRefFields(
  lang: Lang,
  procedure: Procedure,
  agencies: readonly Agency[],
  ref: AgencyRef,
  set: (next: AgencyRef) => void,
) {
  const mode = modeOf(ref);
  const kinds = [...new Set(agencies.map((a) => a.kind))];
  const toMode = (m: Mode): AgencyRef => {
    if (m === 'kind') return { kind: kinds[0] ?? 'commune' };
    if (m === 'code') return { code: agencies[0]?.code ?? procedure.owner };
    if (m === 'cases') {
      const first = procedure.conditions?.[0];
      return {
        cases: [
          { when: first ? structuredClone(first.when) : false, agency: { code: agencies[0]?.code ?? procedure.owner } },
        ],
        otherwise: { relative: 'receiving' },
      };
    }
    return { relative: m };
  };
  return html`<div class="mc-row">
    <label
      >${tr(lang, 'stepAgency')}
      <select @change=${(e: Event) => set(toMode((e.target as HTMLSelectElement).value as Mode))}>
        ${MODES.map((m) => html`<option value=${m} ?selected=${m === mode}>${tr(lang, `ref-${m}` as Key)}</option>`)}
      </select></label
    >
    ${
      'kind' in ref && !('cases' in ref)
        ? html`<label
          >${tr(lang, 'agencyKind')}
          <select @change=${(e: Event) => set({ kind: (e.target as HTMLSelectElement).value })}>
            ${kinds.includes(ref.kind) ? nothing : html`<option selected>${ref.kind}</option>`}
            ${kinds.map((k) => html`<option ?selected=${k === ref.kind}>${k}</option>`)}
          </select></label
        >`
        : nothing
    }
    ${mode === 'code' && 'code' in ref ? agencySelect(lang, tr(lang, 'agency'), agencies, ref.code, (code) => set({ code })) : nothing}
  </div>
  ${
    'cases' in ref
      ? html`<ol aria-label=${tr(lang, 'competentRules')}>
          ${ref.cases.map(
            (c, k) => html`<li class="mc-row">
              ${conditionSelect(lang, tr(lang, 'whenCondition'), procedure, c.when, (when) =>
                set({ ...ref, cases: ref.cases.map((x, j) => (j === k ? { ...x, when: when ?? true } : x)) }),
              )}
              ${agencySelect(
                lang,
                tr(lang, 'agency'),
                agencies,
                'code' in c.agency ? c.agency.code : undefined,
                (code) => set({ ...ref, cases: ref.cases.map((x, j) => (j === k ? { ...x, agency: { code } } : x)) }),
              )}
              <button type="button" aria-label=${tr(lang, 'removeRule', k + 1)} ?disabled=${ref.cases.length === 1}
                @click=${() => set({ ...ref, cases: ref.cases.filter((_, j) => j !== k) })}>${tr(lang, 'remove')}</button>
            </li>`,
          )}
        </ol>
        <p>${tr(lang, 'otherwise')}: ${ref.otherwise ? simpleLabel(ref.otherwise, lang) : '—'}</p>
        <button type="button" @click=${() => set({ ...ref, cases: [...ref.cases, { ...structuredClone(ref.cases[ref.cases.length - 1]!) }] })}>
          ${tr(lang, 'addRule')}
        </button>`
      : nothing
  }`;
}
