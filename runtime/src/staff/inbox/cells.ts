import { html, type TemplateResult } from 'lit';
import type { CaseView } from '@motcua/api';
import { lang, msg, t } from '../i18n/language.ts';
import type { StringKey } from '../i18n/strings.ts';
import { dueBadge } from '../ui/due-badge.ts';
import { formatDateTime, formatMoney } from '../ui/format.ts';
import { onLinkClick, paths } from '../ui/navigate.ts';
import type { Column } from './columns.ts';

const channelLabel = (channel: string) =>
  ['online', 'direct', 'postal'].includes(channel) ? t(`channel_${channel}` as StringKey) : channel;

function flags(c: CaseView): string[] {
  const out: string[] = [];
  if (c.supplement && !c.closed) out.push(t('flagSupplement'));
  if (c.pausedSince) out.push(t('flagPaused'));
  if (c.withdrawalRequested) out.push(t('flagWithdrawal'));
  return out;
}

function fee(c: CaseView): string {
  if (!c.payment) return '—';
  const amount = formatMoney(c.payment.amount, lang());
  return c.payment.paidAt ? t('feePaid', { amount }) : t('feeUnpaid', { amount });
}

/** One cell of the inbox table. */
export function cell(column: Column, c: CaseView, now: number): TemplateResult | string {
  switch (column) {
    case 'code':
      return html`<a href=${paths.dossier(c.code)} @click=${onLinkClick} tabindex="-1">${c.code}</a>
        <div class="hint">${msg(c.statusLabel)}</div>`;
    case 'applicant':
      return html`${c.applicant.name}
        <div class="hint">${[c.applicant.idNumber, c.applicant.phone].filter(Boolean).join(' · ')}</div>`;
    case 'procedure':
      return msg(c.procedure.title);
    case 'step':
      return html`${c.location.stepTitle ? msg(c.location.stepTitle) : msg(c.location.agencyName)}
        <div class="hint">${c.location.assigneeName ?? t('unassigned')}</div>`;
    case 'channel':
      return channelLabel(c.channel);
    case 'received':
      return formatDateTime(c.acceptedAt ?? c.submittedAt, lang());
    case 'stepDue':
      return c.stepDueAt ? dueBadge(c.stepDueAt, now) : '—';
    case 'due':
      return c.pausedSince
        ? html`<span
            ><span aria-hidden="true">⏸</span> ${t('pausedSince', {
              date: formatDateTime(c.pausedSince, lang()),
            })}</span
          >`
        : dueBadge(c.dueAt, now, c.overdue);
    case 'fee':
      return fee(c);
    case 'flags':
      return flags(c).join(', ') || '—';
  }
}
