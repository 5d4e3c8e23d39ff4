import { html, type TemplateResult } from 'lit';
import { t } from '../i18n/language.ts';
import { dueState } from './format.ts';
import { severityIcon } from './severity-icon.ts';

/**
 * A deadline as "days left": the severity told by an icon and by words, never by colour alone.
 */
export function dueBadge(dueAt: string | null, now: number, overdue = false): TemplateResult {
  const s = dueState(dueAt, now, overdue);
  if (!s) return html`<span class="hint">${t('noDeadline')}</span>`;
  const words =
    s.severity === 'overdue'
      ? t('daysOverdue', { n: Math.max(0, -s.days) })
      : s.days === 0
        ? t('dueToday')
        : t('daysLeft', { n: s.days });
  if (s.severity === 'ok') return html`<span>${words}</span>`;
  const label = s.severity === 'overdue' ? t('severityOverdue') : t('severitySoon');
  return html`<span class="sev-${s.severity}"
    >${severityIcon(s.severity)} <span class="visually-hidden">${label}: </span>${words}</span
  >`;
}
