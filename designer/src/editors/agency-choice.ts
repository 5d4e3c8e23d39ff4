import { html } from 'lit';
import { localDate, localTime, pick, type Agency, type Lang, type Procedure } from '@motcua/core';

/** The agency a preview starts from: the fixed receiving agency, else the owner. */
export function defaultAgency(procedure: Procedure): string {
  const r = procedure.receiving;
  if (r?.mode === 'fixed') return r.agency;
  if (r?.mode === 'condition') return r.otherwise ?? r.cases[0]?.agency ?? procedure.owner;
  return procedure.owner;
}

/** A select of the province's agencies (names in the page's language, codes beside). */
export function agencySelect(
  lang: Lang,
  label: string,
  agencies: readonly Agency[],
  value: string | undefined,
  set: (code: string) => void,
  options: { allowNone?: string } = {},
) {
  return html`<label
    >${label}
    <select @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
      ${options.allowNone !== undefined ? html`<option value="" ?selected=${!value}>${options.allowNone}</option>` : ''}
      ${value && !agencies.some((a) => a.code === value) ? html`<option value=${value} selected>${value}</option>` : ''}
      ${agencies.map(
        (a) => html`<option value=${a.code} ?selected=${a.code === value}>${pick(a.name, lang)} (${a.code})</option>`,
      )}
    </select></label
  >`;
}

/** "02/03/2026 17:00" in the zone. */
export function showInstant(instant: number | string, timeZone: string): string {
  const t = typeof instant === 'string' ? Date.parse(instant) : instant;
  const [y, m, d] = localDate(t, timeZone).split('-');
  return `${d}/${m}/${y} ${localTime(t, timeZone)}`;
}
