import { html, nothing, type TemplateResult } from 'lit';
import { ACTIONS, isActionKind } from '@motcua/core';
import type { DossierEvent } from '../data/staff-data.ts';
import { lang, msg, t } from '../i18n/language.ts';
import { formatDateTime } from '../ui/format.ts';
import { severityIcon } from '../ui/severity-icon.ts';

/** A step handed over, as core's state records it (on time or late against the step's due). */
export interface Handover {
  at: number;
  from: { agency: string; step: string | null };
  to: { agency: string; step: string | null };
  stepDueAt: number | null;
  onTime: boolean | null;
}

/** The dossier's events in order; a step's hand-over says whether the step finished on time. */
export function timelineTemplate(events: DossierEvent[], handovers: Handover[]): TemplateResult {
  const byAt = new Map(handovers.map((h) => [h.at, h]));
  return html`<ol class="timeline">
    ${events.map((e) => {
      const at = Date.parse(e.at);
      const h = byAt.get(at);
      const actor = (e.event.actor as { name?: string } | undefined)?.name;
      const comment = typeof e.event.comment === 'string' ? e.event.comment : '';
      const label = isActionKind(e.kind) ? msg(ACTIONS[e.kind]) : e.kind;
      return html`<li>
        <strong>${label}</strong> — ${formatDateTime(at, lang())}${actor ? html` — ${actor}` : nothing}
        ${
          h && h.onTime !== null
            ? html` —
              ${
                h.onTime
                  ? html`<span class="success"><span aria-hidden="true">✓</span> ${t('onTime')}</span>`
                  : html`<span class="sev-overdue">${severityIcon('overdue')} ${t('late')}</span>`
              }`
            : nothing
        }
        ${comment ? html`<div class="hint">${comment}</div>` : nothing}
      </li>`;
    })}
  </ol>`;
}
