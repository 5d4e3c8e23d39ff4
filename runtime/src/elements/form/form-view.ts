import { html, nothing, type TemplateResult } from 'lit';
import { pick, type DocumentCheck, type Issue, type Lang, type NotifyChannel } from '@motcua/core';
import type { UISchemaElement } from '@jsonforms/core';
import { t } from '../../i18n/strings.ts';
import { adoptStyles } from '../../styles/adopt.ts';
import type { MotcuaJsonForms } from './motcua-jsonforms.ts';
import type { ReceivingResult } from './agencies.ts';
import { documentsTemplate, fileInputId } from './documents.ts';
import { summaryTemplate } from './fees.ts';
import { humanDateTime } from './format.ts';
import { receiptViews, type FormController } from './form-controller.ts';
import { applicableFiles } from './picked-files.ts';

/** What <motcua-form> shows in each phase of its controller's state. */
export function formView(c: FormController, lang: Lang, kiosk: boolean, idleSeconds: number): TemplateResult {
  const s = c.s;
  const box = (inner: unknown) => html`<div class="container" part="container">${inner}</div>`;
  switch (s.phase) {
    case 'loading':
      return box(html`<p class="status" role="status">${t('loading', lang)}</p>`);
    case 'load-error':
      return box(html`<div class="alert" role="alert" part="alert">
        <p><strong>${t('loadFailed', lang)}</strong> ${s.loadError}</p>
        <button type="button" @click=${() => c.host.load()}>${t('retry', lang)}</button>
      </div>`);
    case 'receipt':
      return box(html`${receipt(c, lang, kiosk)}
        ${kiosk ? html`<p class="hint">${t('kioskReset', lang, { seconds: idleSeconds })}</p>` : nothing}`);
    default:
      return form(c, lang, kiosk);
  }
}

/**
 * The receipt; if its chunk could not be fetched (the network failed right after the dossier was
 * filed), the dossier code and tracking secret at least: what the applicant must keep.
 */
function receipt(c: FormController, lang: Lang, kiosk: boolean) {
  const r = c.s.receipt!;
  const views = receiptViews.value;
  if (!views) {
    return html`<section class="receipt" part="receipt" aria-labelledby="mc-receipt-title">
      <h2 id="mc-receipt-title" tabindex="-1">✓ ${t('receiptCode', lang)}: <strong class="code">${r.code}</strong></h2>
      <p>${t('receiptSecret', lang)}: <strong class="secret">${r.secret}</strong></p>
      <p class="note">${t('receiptPartial', lang)}</p>
    </section>`;
  }
  adoptStyles(c.host.renderRoot, views.styles);
  if (r.payment && views.payInfoPart.value) adoptStyles(c.host.renderRoot, views.payInfoPart.value.styles);
  return html`${views.receiptTemplate(r, c.s.form!, lang, {
    print: () => c.print(),
    copy: () => c.copySecret(),
    again: () => c.again(),
    copied: c.s.copied,
    kiosk,
  })}${c.pay?.render() ?? nothing}`;
}

function form(c: FormController, lang: Lang, kiosk: boolean) {
  const s = c.s;
  const f = s.form!;
  const p = f.procedure;
  const checks = c.checks();
  const docIssues = [...c.documentIssues(checks), ...s.serverIssues.filter((i) => i.pointer.startsWith('/documents'))];
  const agency = c.receiving();
  return html`<div class="container" part="container">
    <header class="head" part="header">
      <h2 part="title">${pick(p.title, lang)}</h2>
      <p class="meta">${t('procedureCode', lang)} ${f.code} · ${t('procedureField', lang)}: ${pick(p.field.title, lang)}</p>
    </header>
    ${draftNotice(c, lang, kiosk)} ${summary(c, lang)}
    ${agencyView(c, lang, agency)}
    <motcua-jsonforms
      part="form"
      lang=${lang}
      .schema=${p.form.schema}
      .uischema=${p.form.uischema as UISchemaElement}
      .data=${s.data}
      .evaluator=${f.evaluator}
      .derive=${c.derive}
      .readonly=${s.submitting}
      @change=${(e: CustomEvent<{ data: unknown }>) => c.onFormChange(e)}
      @motcua-step=${(e: CustomEvent) => c.onStep(e)}
    ></motcua-jsonforms>
    ${
      s.atEnd
        ? html`${documentsTemplate({
            lang,
            checks,
            files: s.files,
            issues: docIssues,
            upload: uploadStates(c, checks),
            disabled: s.submitting,
            pick: (id, files) => void c.pickFiles(id, files),
            remove: (id, key) => c.removeFile(id, key),
          })}
        ${summaryTemplate(p, c.conditionData(), f.evaluator, lang, agency.ok ? c.expectedDue(agency.agency) : null)} ${notifyChoice(c, lang)}
        ${draftConsent(c, lang, kiosk)} ${submitArea(c, lang)}`
        : nothing
    }
  </div>`;
}

function draftNotice(c: FormController, lang: Lang, kiosk: boolean) {
  const d = c.s.restored;
  if (!d || kiosk) return nothing;
  return html`<div class="notice" part="draft-notice" role="status">
    <p>${t('draftRestored', lang, { at: humanDateTime(d.savedAt, lang) })}
      ${d.version !== c.s.form!.version ? html` ${t('draftOtherVersion', lang)}` : nothing}</p>
    <button type="button" class="link" @click=${() => c.discardDraft()}>${t('draftDiscard', lang)}</button>
  </div>`;
}

function notifyChoice(c: FormController, lang: Lang) {
  const box = (channel: NotifyChannel, label: Parameters<typeof t>[0]) =>
    html`<div class="check">
      <input id="mc-notify-${channel}" type="checkbox" .checked=${c.s.notify.includes(channel)} ?disabled=${c.s.submitting}
        @change=${(e: Event) => c.setNotify(channel, (e.target as HTMLInputElement).checked)} />
      <label for="mc-notify-${channel}">${t(label, lang)}</label>
    </div>`;
  return html`<fieldset class="notify" part="notify">
    <legend>${t('notifyTitle', lang)}</legend>
    ${box('email', 'notifyEmail')} ${box('sms', 'notifySms')}
  </fieldset>`;
}

function draftConsent(c: FormController, lang: Lang, kiosk: boolean) {
  const drafts = c.drafts;
  if (kiosk || !drafts) return nothing;
  if (!drafts.available) return html`<p class="hint">${t('draftUnavailable', lang)}</p>`;
  return html`<div class="draft" part="draft">
    <div class="check">
      <input id="mc-draft" type="checkbox" .checked=${c.s.consent} aria-describedby="mc-draft-hint"
        @change=${(e: Event) => c.setConsent((e.target as HTMLInputElement).checked)} />
      <label for="mc-draft">${t('draftConsent', lang)}</label>
    </div>
    <p class="hint" id="mc-draft-hint">${t('draftHint', lang)}</p>
  </div>`;
}

function agencyView(c: FormController, lang: Lang, resolved: ReceivingResult) {
  const s = c.s;
  const r = s.form!.procedure.receiving;
  const directory = c.directory!;
  const issue =
    s.serverIssues.find((i) => i.pointer === '/agency') ??
    (s.showMissing && !resolved.ok && resolved.issue.pointer === '/agency' ? resolved.issue : undefined);
  if (r.mode === 'choice') {
    const options = directory.ofKind(r.kind);
    const list = options.length ? options : directory.list();
    return html`<section class="agency field ${issue ? 'invalid' : ''}" part="agency" aria-labelledby="mc-agency-title">
      <h3 id="mc-agency-title">${t('agencyTitle', lang)}</h3>
      <label class="label" for="mc-agency">${t('agencyLabel', lang)}<span class="req" aria-hidden="true">*</span><span class="sr-only"> (${t('required', lang)})</span></label>
      <p class="hint" id="mc-agency-hint">${t('agencyHint', lang)}</p>
      <select id="mc-agency" part="input select" aria-required="true" aria-invalid=${issue ? 'true' : 'false'}
        aria-describedby=${issue ? 'mc-agency-hint mc-agency-err' : 'mc-agency-hint'} ?disabled=${s.submitting}
        @change=${(e: Event) => c.chooseAgency((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!s.chosen}>${t('selectPlaceholder', lang)}</option>
        ${list.map((a) => html`<option value=${a.code} ?selected=${a.code === s.chosen}>${pick(a.name, lang)}</option>`)}
      </select>
      ${issue ? html`<p class="error" id="mc-agency-err">${pick(issue.message, lang)}</p>` : nothing}
    </section>`;
  }
  if (resolved.ok) {
    const a = directory.get(resolved.agency);
    return html`<p class="agency-fixed" part="agency">${t('agencyFixed', lang, { name: a ? pick(a.name, lang) : resolved.agency })}</p>`;
  }
  return issue ? html`<p class="error" id="mc-agency-err">${pick(issue.message, lang)}</p>` : nothing;
}

function summary(c: FormController, lang: Lang) {
  const issues = c.s.summary;
  if (!issues?.length) return nothing;
  const inner = c.inner;
  return html`<div class="summary" id="mc-form-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="mc-form-summary-title">
    <h3 id="mc-form-summary-title">${t('submitSummary', lang, { count: issues.length })}</h3>
    <ul>
      ${issues.map((issue) => {
        const { label, go } = locate(c, issue, inner, lang);
        const text = `${label ? `${label}: ` : ''}${pick(issue.message, lang)}`;
        return html`<li>${
          go
            ? html`<a href="#" @click=${(e: Event) => {
                e.preventDefault();
                go();
              }}>${text}</a>`
            : text
        }</li>`;
      })}
    </ul>
  </div>`;
}

/** Where an issue of the submission lives on screen, and how to go there. */
function locate(
  c: FormController,
  issue: Issue,
  inner: MotcuaJsonForms | null,
  lang: Lang,
): { label: string; go?: () => void } {
  const p = issue.pointer;
  if (p === '/data' || p.startsWith('/data/')) {
    const pointer = p.slice('/data'.length);
    return { label: inner?.labelFor(pointer) ?? '', go: () => void inner?.focusIssue(pointer) };
  }
  if (p === '/agency') return { label: t('agencyLabel', lang), go: () => c.focusId('mc-agency') };
  if (p === '/documents') return { label: t('documentsTitle', lang), go: () => c.focusId('mc-docs-title') };
  const m = /^\/documents\/([^/]+)/.exec(p);
  if (m) {
    const id = m[1]!.replace(/~1/g, '/').replace(/~0/g, '~');
    const doc = c.s.form?.procedure.documents.find((d) => d.id === id);
    return {
      label: doc ? pick(doc.title, lang) : t('documentsTitle', lang),
      go: () => c.focusId(doc ? fileInputId(id) : 'mc-docs-title'),
    };
  }
  return { label: '' };
}

function submitArea(c: FormController, lang: Lang) {
  const { failure: f, progress, submitting } = c.s;
  const percent = progress ? Math.min(100, Math.round((progress.loaded / Math.max(progress.total, 1)) * 100)) : 0;
  return html`<div class="submit-area" part="submit-area">
    ${
      f
        ? html`<div class="alert" id="mc-submit-error" role="alert" tabindex="-1" part="submit-error">
          <p><strong>${t('submitFailed', lang)}</strong> ${pick(f.message, lang)}</p>
          ${f.kind === 'network' || (f.kind === 'http' && f.status >= 500) ? html`<p>${t('retryKeeps', lang)}</p>` : nothing}
          ${
            f.kind === 'conflict'
              ? html`<button type="button" part="button" @click=${() => c.submitAsNew()}>${t('submitAsNew', lang)}</button>`
              : nothing
          }
        </div>`
        : nothing
    }
    ${
      submitting
        ? html`<div class="progress-line" role="status">
          <span>${t('submitting', lang)}</span>
          <progress part="upload-progress" max="100" value=${percent} aria-label=${t('uploadProgress', lang, { percent })}></progress>
          <span>${t('uploadProgress', lang, { percent })}</span>
        </div>`
        : nothing
    }
    <div class="actions">
      <button type="button" class="primary" part="button button-primary submit" ?disabled=${submitting} @click=${() => c.submit()}>
        ${f && f.kind !== 'conflict' ? t('retry', lang) : t('submit', lang)}
      </button>
    </div>
  </div>`;
}

/** Per file: waiting / sending / sent, from the bytes sent so far (files go in order after the submission part). */
function uploadStates(c: FormController, checks: DocumentCheck[]): Map<number, 'waiting' | 'sending' | 'sent'> | null {
  const progress = c.s.progress;
  if (!progress) return null;
  const files = applicableFiles(checks, c.s.files).flatMap(([, list]) => list);
  const totalFiles = files.reduce((sum, f) => sum + f.file.size, 0);
  let offset = Math.max(0, progress.total - totalFiles);
  const out = new Map<number, 'waiting' | 'sending' | 'sent'>();
  for (const f of files) {
    const end = offset + f.file.size;
    out.set(f.key, progress.loaded >= end ? 'sent' : progress.loaded > offset ? 'sending' : 'waiting');
    offset = end;
  }
  return out;
}
