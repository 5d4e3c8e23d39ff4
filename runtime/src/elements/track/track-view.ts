import { css, html, nothing } from 'lit';
import { formatVnd, pick, statusMeaning, type Lang } from '@motcua/core';
import type { TrackingView } from '@motcua/api';
import { addStrings, t } from '../../i18n/strings.ts';
import { TRACK_STRINGS } from '../../i18n/strings-track.ts';
import { humanIso } from '../form/format.ts';
import { formatBytes, typeName } from '../form/media-type.ts';
import type { TrackFailure, TrackModel } from './track-model.ts';
import { ratingSlot } from '../rating/rating-slot.ts';

// The views of <motcua-track>: a chunk of their own, loaded by the first <motcua-track> a page
// shows (a page with a form only never loads them). Their words come with them.
addStrings(TRACK_STRINGS);

/**
 * The status, coloured by what it asks of the applicant (core's statusMeaning) and saying it in
 * words too: colour alone tells nothing to a screen reader or to someone who cannot tell colours.
 */
function statusBadge(v: TrackingView, lang: Lang) {
  const meaning = statusMeaning(v.status);
  return html`<span class="status-badge ${meaning}" part="status-badge"><span class="meaning">${pick(MEANING_WORDS[meaning], lang)}</span> · ${pick(v.statusLabel, lang)}</span>`;
}

const MEANING_WORDS = {
  'in-progress': TRACK_STRINGS.trackMeaningInProgress,
  'needs-you': TRACK_STRINGS.trackMeaningNeedsYou,
  done: TRACK_STRINGS.trackMeaningDone,
  closed: TRACK_STRINGS.trackMeaningClosed,
};

/** Everything <motcua-track> shows, from its state (`m`). */
export function trackView(m: TrackModel) {
  const lang = m.lang;
  return html`<div class="container" part="container">
    ${renderLookup(m, lang)} ${m.notice ? html`<p class="notice" id="mc-track-notice" role="status" tabindex="-1">${m.notice}</p>` : nothing}
    ${m.view ? renderView(m, m.view, lang) : nothing}
  </div>`;
}

function renderLookup(m: TrackModel, lang: Lang) {
  const f = m.failure?.where === 'lookup' ? m.failure : null;
  return html`<form class="lookup" part="lookup" novalidate @submit=${(e: Event) => (e.preventDefault(), void m.on.lookup())}>
    <h2 part="title">${t('trackTitle', lang)}</h2>
    <div class="row-fields">
      <div class="field">
        <label class="label" for="mc-track-code">${t('trackCode', lang)}</label>
        <input id="mc-track-code" part="input" autocomplete="off" spellcheck="false" .value=${m.code}
          aria-describedby=${f ? 'mc-lookup-error' : nothing} aria-invalid=${f ? 'true' : 'false'}
          @input=${(e: Event) => m.on.code((e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label class="label" for="mc-track-secret">${t('trackSecret', lang)}</label>
        <input id="mc-track-secret" part="input" autocomplete="off" spellcheck="false" .value=${m.secret}
          aria-describedby=${f ? 'mc-lookup-error' : nothing} aria-invalid=${f ? 'true' : 'false'}
          @input=${(e: Event) => m.on.secret((e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <button type="submit" class="primary" part="button button-primary lookup-button" ?disabled=${m.busy}>${t('trackSubmit', lang)}</button>
      </div>
    </div>
    ${f ? failure(f, 'lookup', () => void m.on.lookup(), lang) : nothing}
  </form>`;
}

function failure(f: TrackFailure, where: string, retry: () => void, lang: Lang) {
  return html`<div class="alert" id=${`mc-${where}-error`} role="alert" tabindex="-1" part="error">
    <p>${pick(f.message, lang)}</p>
    ${f.network ? html`<button type="button" part="button" @click=${retry}>${t('retry', lang)}</button>` : nothing}
  </div>`;
}

/**
 * Money owed is never a dead end: how much, for what, and how and where to pay (the server's
 * `payment`, drawn by the instructions' own chunk, `m.payInfo`). Until that chunk arrives, or if it
 * cannot, the amount at least. Nothing once paid or when nothing is owed.
 */
function renderFees(m: TrackModel, v: TrackingView, lang: Lang) {
  if (!v.payment) return nothing;
  if (m.payInfo !== nothing) return m.payInfo;
  return html`<section class="fees" part="fees">
    <p><strong>${t('trackFeesTotal', lang)}: ${pick(formatVnd(v.payment.total), lang)}</strong></p>
  </section>`;
}

/** The result documents issued to the applicant, each to download (with the secret, never a bare link). */
function renderResults(m: TrackModel, v: TrackingView, lang: Lang) {
  const results = v.files.filter((f) => f.purpose === 'result');
  if (!results.length) return nothing;
  return html`<section class="results" part="results" aria-labelledby="mc-results-title">
    <h3 id="mc-results-title">${t('trackResults', lang)}</h3>
    <ul class="doc-list">
      ${results.map(
        (f) => html`<li class="doc">
          <span class="doc-title">${f.name ?? t('trackResultFile', lang)}</span>
          <span class="hint">${typeName(f.mediaType)}, ${formatBytes(f.size, lang)}</span>
          <button type="button" part="button download" ?disabled=${m.busy}
            @click=${() => m.on.download(f.id, f.name ?? `${v.code}-${f.id}`)}>${t('trackDownload', lang)}</button>
        </li>`,
      )}
    </ul>
    ${m.failure?.where === 'download' ? failure(m.failure, 'download', () => undefined, lang) : nothing}
  </section>`;
}

/** The slips issued to the applicant (receipt, supplement request, refusal, apology…), as issued. */
function renderSlips(m: TrackModel, v: TrackingView, lang: Lang) {
  if (!v.slips.length) return nothing;
  return html`<section class="slips" part="slips" aria-labelledby="mc-slips-title">
    <h3 id="mc-slips-title">${t('trackSlips', lang)}</h3>
    <ul class="doc-list">
      ${v.slips.map((s) => {
        const title = t(`trackSlip_${s.kind}` as 'trackSlip_receipt', lang);
        return html`<li class="doc">
          <span class="doc-title">${title}</span>
          <span class="hint">${t('trackSlipIssued', lang, { at: humanIso(s.issuedAt, lang) })}, ${formatBytes(s.size, lang)}</span>
          <button type="button" part="button download" ?disabled=${m.busy} aria-label=${`${t('trackSlipDownload', lang)}: ${title}`}
            @click=${() => m.on.download(s.id, `${v.code}-${s.kind}.pdf`, true)}>${t('trackSlipDownload', lang)}</button>
        </li>`;
      })}
    </ul>
  </section>`;
}

function renderView(m: TrackModel, v: TrackingView, lang: Lang) {
  const last = v.timeline[v.timeline.length - 1];
  return html`<section class="result" part="result" aria-labelledby="mc-track-title">
    <h2 id="mc-track-title" tabindex="-1">${t('receiptCode', lang)} ${v.code}</h2>
    <p>${pick(v.procedure.title, lang)}</p>
    <p part="status"><span class="sr-only">${t('trackStatus', lang)}: </span>${statusBadge(v, lang)}
      ${last ? html` <span class="hint">${t('trackSince', lang, { at: humanIso(last.at, lang) })}</span>` : nothing}</p>
    <dl class="facts">
      ${v.submittedAt ? html`<dt>${t('trackSubmittedAt', lang)}</dt><dd>${humanIso(v.submittedAt, lang)}</dd>` : nothing}
      ${v.acceptedAt ? html`<dt>${t('trackAcceptedAt', lang)}</dt><dd>${humanIso(v.acceptedAt, lang)}</dd>` : nothing}
      ${v.dueAt ? html`<dt>${t('trackDueAt', lang)}</dt><dd>${humanIso(v.dueAt, lang)}</dd>` : nothing}
    </dl>
    ${renderFees(m, v, lang)} ${m.pay} ${renderResults(m, v, lang)} ${renderSlips(m, v, lang)}
    ${ratingSlot(m.server, m.secret, v, lang)}
    ${v.withdrawalRequested ? html`<p class="notice">${t('trackWithdrawRequested', lang)}</p>` : nothing}
    ${v.supplement && !v.supplement.provided && v.canSupplement ? renderSupplement(m, v, lang) : nothing}
    <h3>${t('trackTimeline', lang)}</h3>
    <ol class="timeline" part="timeline">
      ${v.timeline.map(
        (e) =>
          html`<li><strong>${pick(e.label, lang)}</strong><time datetime=${e.at}>${humanIso(e.at, lang)}</time>${e.comment ? html`<span>${e.comment}</span>` : nothing}</li>`,
      )}
    </ol>
    ${v.canWithdraw && !v.withdrawalRequested ? renderWithdraw(m, lang) : nothing}
  </section>`;
}

function renderSupplement(m: TrackModel, v: TrackingView, lang: Lang) {
  const s = v.supplement!;
  const f = m.failure?.where === 'supplement' ? m.failure : null;
  return html`<section class="supplement" part="supplement" aria-labelledby="mc-sup-title">
    <h3 id="mc-sup-title" tabindex="-1">${t('trackSupplementTitle', lang)}</h3>
    ${s.dueBy ? html`<p>${t('trackSupplementDue', lang, { at: humanIso(s.dueBy, lang) })}</p>` : nothing}
    <ul class="doc-list">
      ${s.items.map((item) => {
        // A reason about no document in particular asks for nothing to upload.
        const documentId = item.documentId;
        if (documentId === undefined) return html`<li class="doc"><p>${item.reason}</p></li>`;
        const req = m.requirement(documentId);
        const title = req ? pick(req.title, lang) : documentId;
        const id = `mc-sup-${documentId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
        const at = `/documents/${documentId}`;
        const files = m.supFiles.get(documentId) ?? [];
        const docIssues = m.supIssues.filter((i) => i.pointer === at);
        return html`<li class="doc ${m.supIssues.some((i) => i.pointer.startsWith(at)) ? 'invalid' : ''}" data-pointer=${at}>
          <div class="doc-head"><span class="doc-title">${title}</span></div>
          ${item.reason ? html`<p>${item.reason}</p>` : nothing}
          ${req ? html`<p class="hint" id=${`${id}-limits`}>${t('documentLimits', lang, { types: req.mediaTypes.map(typeName).join(', '), size: formatBytes(req.maxSizeBytes, lang), max: req.maxFiles })}</p>` : nothing}
          ${
            files.length
              ? html`<ul class="files">${files.map((file, n) => {
                  const problems = m.supIssues.filter((i) => i.pointer === `${at}/${n}`);
                  return html`<li class="file ${problems.length ? 'invalid' : ''}"><span class="file-name">${file.file.name}</span>
                  <span class="hint">${formatBytes(file.file.size, lang)}</span>
                  <button type="button" class="link" aria-label=${t('removeFile', lang, { name: file.file.name })} @click=${() => m.on.removeFile(documentId, file.key)}>${t('arrayRemove', lang)}</button>
                  ${problems.length ? html`<p class="error">${problems.map((p) => pick(p.message, lang)).join(' ')}</p>` : nothing}</li>`;
                })}</ul>`
              : nothing
          }
          <div class="file-pick">
            <label class="file-button" for=${id}>${t('chooseFilesButton', lang)}</label>
            <input type="file" class="file-input" id=${id} accept=${req ? req.mediaTypes.join(',') : nothing} ?multiple=${!req || req.maxFiles > 1}
              aria-label=${t('chooseFiles', lang, { title })} aria-describedby=${docIssues.length ? `${id}-err` : req ? `${id}-limits` : nothing}
              @change=${(e: Event) => {
                const input = e.target as HTMLInputElement;
                if (input.files?.length) m.on.pick(documentId, input.files);
                input.value = '';
              }} />
          </div>
          ${docIssues.length ? html`<p class="error" id=${`${id}-err`}>${docIssues.map((p) => pick(p.message, lang)).join(' ')}</p>` : nothing}
        </li>`;
      })}
    </ul>
    <div class="field">
      <label class="label" for="mc-sup-comment">${t('trackSupplementComment', lang)}</label>
      <textarea id="mc-sup-comment" rows="3" .value=${m.supComment} @input=${(e: Event) => m.on.supComment((e.target as HTMLTextAreaElement).value)}></textarea>
    </div>
    ${m.supProgress !== null ? html`<progress max="100" value=${Math.round(m.supProgress * 100)} aria-label=${t('uploadProgress', lang, { percent: Math.round(m.supProgress * 100) })}></progress>` : nothing}
    ${f ? failure(f, 'supplement', () => void m.on.sendSupplement(), lang) : nothing}
    <div class="actions">
      <button type="button" class="primary" part="button button-primary supplement-send" ?disabled=${m.busy} @click=${() => m.on.sendSupplement()}>${t('trackSupplementSend', lang)}</button>
    </div>
  </section>`;
}

function renderWithdraw(m: TrackModel, lang: Lang) {
  const f = m.failure?.where === 'withdraw' ? m.failure : null;
  if (!m.withdrawOpen) {
    return html`<div class="withdraw" part="withdraw">
      <button type="button" part="button withdraw-open" @click=${() => m.on.openWithdraw()}>${t('trackWithdraw', lang)}</button>
    </div>`;
  }
  return html`<section class="withdraw" part="withdraw" aria-labelledby="mc-withdraw-title">
    <h3 id="mc-withdraw-title">${t('trackWithdraw', lang)}</h3>
    <p class="hint" id="mc-withdraw-hint">${t('trackWithdrawWarning', lang)}</p>
    <div class="field ${m.withdrawInvalid ? 'invalid' : ''}">
      <label class="label" for="mc-withdraw-reason">${t('trackWithdrawReason', lang)}<span class="req" aria-hidden="true">*</span></label>
      <textarea id="mc-withdraw-reason" rows="3" aria-required="true" aria-invalid=${m.withdrawInvalid ? 'true' : 'false'}
        aria-describedby=${m.withdrawInvalid ? 'mc-withdraw-hint mc-withdraw-err' : 'mc-withdraw-hint'}
        .value=${m.withdrawReason}
        @input=${(e: Event) => m.on.withdrawReason((e.target as HTMLTextAreaElement).value)}></textarea>
      ${m.withdrawInvalid ? html`<p class="error" id="mc-withdraw-err">${t('trackWithdrawReasonMissing', lang)}</p>` : nothing}
    </div>
    ${f ? failure(f, 'withdraw', () => void m.on.withdraw(), lang) : nothing}
    <div class="actions">
      <button type="button" part="button withdraw-cancel" @click=${() => m.on.cancelWithdraw()}>${t('trackWithdrawCancel', lang)}</button>
      <button type="button" class="primary" part="button button-primary withdraw-confirm" ?disabled=${m.busy} @click=${() => m.on.withdraw()}>${t('trackWithdrawConfirm', lang)}</button>
    </div>
  </section>`;
}

/** The tracking views' look (adopted by <motcua-track> when this chunk loads). */
export const styles = css`
  .lookup,
  .result,
  .supplement,
  .withdraw {
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .timeline {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .timeline li {
    border-inline-start: 3px solid color-mix(in srgb, var(--_primary) 50%, transparent);
    padding: 0.1rem 0 0.6rem 0.9rem;
  }
  .timeline time {
    color: var(--_muted);
    font-size: 0.925em;
    display: block;
  }
  .status-badge {
    display: inline-block;
    font-weight: 600;
    border: 2px solid currentColor;
    border-radius: var(--_radius);
    padding: 0.15rem 0.6rem;
    color: var(--_primary);
  }
  .status-badge.needs-you {
    color: var(--motcua-color-attention, #7a4a00);
    background: #fff4d6;
  }
  .status-badge.done {
    color: var(--_success);
  }
  .status-badge.closed {
    color: var(--_muted);
  }
  .lookup .row-fields {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
    align-items: flex-end;
  }
  .lookup .row-fields .field {
    flex: 1 1 14rem;
  }
  .facts {
    display: grid;
    grid-template-columns: minmax(9rem, max-content) 1fr;
    gap: 0.35rem 1rem;
    margin: 0 0 var(--_space);
  }
  .facts dt {
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
    word-break: break-word;
  }
`;
