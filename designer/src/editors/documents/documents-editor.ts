import { html, nothing } from 'lit';
import { CHANNEL_NAMES, CHANNELS, pick, type Channel, type DocumentRequirement } from '@motcua/core';
import { EditorElement, freshId, move } from '../editor-element.ts';
import { conditionSelect } from '../conditions/condition-choice.ts';
import { integerInput, localizedInputs } from '../localized-inputs.ts';

/** The file types offered as ticks; others already in a definition are kept and listed. */
const MEDIA_TYPES = [
  ['application/pdf', 'PDF'],
  ['image/jpeg', 'JPEG'],
  ['image/png', 'PNG'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'DOCX'],
] as const;

const MB = 1024 * 1024;

const LIMITS = ['mediaTypes', 'maxSizeBytes', 'minFiles', 'maxFiles'] as const;

/** The file limits a new uploaded document starts with (and one that stops being shown gets back). */
const UPLOAD_DEFAULTS: Readonly<Required<Pick<DocumentRequirement, (typeof LIMITS)[number]>>> = {
  mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'],
  maxSizeBytes: 10 * MB,
  minFiles: 1,
  maxFiles: 3,
};

/**
 * Marks `d` as shown for checking (xuất trình) or uploaded. A shown document is never a file, so
 * its file limits go (core reports any left); an uploaded one gets the defaults for those missing.
 */
function setShown(d: DocumentRequirement, shown: boolean): void {
  if (shown) {
    d.show = true;
    for (const key of LIMITS) delete d[key];
    return;
  }
  delete d.show;
  d.mediaTypes ??= [...UPLOAD_DEFAULTS.mediaTypes];
  d.maxSizeBytes ??= UPLOAD_DEFAULTS.maxSizeBytes;
  d.minFiles ??= UPLOAD_DEFAULTS.minFiles;
  d.maxFiles ??= UPLOAD_DEFAULTS.maxFiles;
}

/** `d`'s channels with `channel` ticked or not; none ticked is absent: asked on every channel. */
function setChannel(d: DocumentRequirement, channel: Channel, on: boolean): void {
  const now = d.channels ?? [];
  const next = CHANNEL_NAMES.filter((c) => (c === channel ? on : now.includes(c)));
  if (next.length) d.channels = next;
  else delete d.channels;
}

/**
 * The dossier's documents: names vi/en, guidance, when each is required (a named condition),
 * optional or not, the channels that ask it, shown for checking or uploaded, originals and copies
 * at the counter, accepted file types, size and number of files (uploaded ones only), and a
 * template to download.
 */
export class DocumentsEditor extends EditorElement {
  #set(i: number, label: string, change: (d: DocumentRequirement) => void) {
    this.edit(label, (p) => change(p.documents[i]!));
  }

  #add() {
    const id = freshId(
      'giay-to',
      (this.procedure.documents ?? []).map((d) => d.id),
    );
    this.edit(this.t('addDocument'), (p) => {
      p.documents = [
        ...(p.documents ?? []),
        {
          id,
          title: { vi: this.t('newDocumentName') },
          ...UPLOAD_DEFAULTS,
          mediaTypes: [...UPLOAD_DEFAULTS.mediaTypes],
          originals: 1,
          copies: 0,
        },
      ];
    });
  }

  override render() {
    const docs = this.procedure?.documents ?? [];
    return html`<section class="mc-editor" aria-labelledby="mc-documents-h">
      <h2 id="mc-documents-h">${this.t('documentsTitle')}</h2>
      ${this.renderIssues(this.problemsAt('/documents').filter((i) => i.pointer === '/documents'))}
      ${docs.map((d, i) => this.#renderDocument(d, i, docs.length))}
      <div class="mc-actions"><button type="button" @click=${this.#add}>${this.t('addDocument')}</button></div>
    </section>`;
  }

  #renderDocument(d: DocumentRequirement, i: number, count: number) {
    const name = this.text(d.title) || d.id;
    const label = this.t('editDocument', name);
    const shown = d.show === true;
    return html`<fieldset data-document=${d.id}>
      <legend>${i + 1}. ${name}</legend>
      <div class="mc-row">
        ${localizedInputs({ vi: this.t('nameVi'), en: this.t('nameEn') }, d.title, (title) =>
          this.#set(i, label, (x) => (x.title = title)),
        )}
      </div>
      <div class="mc-row">
        ${localizedInputs(
          { vi: this.t('guidanceVi'), en: this.t('guidanceEn') },
          d.description,
          (description) =>
            this.#set(i, label, (x) => {
              if (description.vi || description.en) x.description = description;
              else delete x.description;
            }),
          true,
        )}
      </div>
      <div class="mc-row">
        ${conditionSelect(this.lang, this.t('requiredWhen'), this.procedure, d.when, (when) =>
          this.#set(i, label, (x) => {
            if (when === undefined) delete x.when;
            else x.when = when;
          }),
        )}
        <label class="mc-inline"
          ><input
            type="checkbox"
            .checked=${d.optional === true}
            @change=${(e: Event) =>
              this.#set(i, label, (x) => {
                if ((e.target as HTMLInputElement).checked) x.optional = true;
                else delete x.optional;
              })}
          />${this.t('optionalDocument')}</label
        >
      </div>
      ${this.#renderChannels(d, i, label)}
      <div class="mc-row">
        <label class="mc-inline"
          ><input
            type="checkbox"
            .checked=${shown}
            @change=${(e: Event) => this.#set(i, label, (x) => setShown(x, (e.target as HTMLInputElement).checked))}
          />${this.t('showDocument')}</label
        >
      </div>
      <div class="mc-row">
        ${integerInput(this.t('originals'), d.originals, 0, (n) => this.#set(i, label, (x) => (x.originals = n)))}
        ${integerInput(this.t('copies'), d.copies, 0, (n) => this.#set(i, label, (x) => (x.copies = n)))}
        ${shown ? nothing : this.#renderFileCounts(d, i, label)}
      </div>
      ${shown ? nothing : this.#renderFileTypes(d, i, label)}
      <div class="mc-row">
        <label
          >${this.t('templateUrl')}
          <input
            type="url"
            .value=${d.template ?? ''}
            @change=${(e: Event) => {
              const url = (e.target as HTMLInputElement).value.trim();
              this.#set(i, label, (x) => {
                if (url) x.template = url;
                else delete x.template;
              });
            }}
        /></label>
        ${d.template ? html`<a href=${d.template} download>${this.t('downloadTemplate')}</a>` : nothing}
      </div>
      ${this.renderIssues(this.problemsAt(`/documents/${i}`))}
      <div class="mc-actions">
        <button
          type="button"
          ?disabled=${i === 0}
          aria-label=${this.t('moveUpNamed', name)}
          @click=${() => this.edit(this.t('moveDocument', name), (p) => move(p.documents, i, -1))}
        >
          ${this.t('moveUp')}
        </button>
        <button
          type="button"
          ?disabled=${i === count - 1}
          aria-label=${this.t('moveDownNamed', name)}
          @click=${() => this.edit(this.t('moveDocument', name), (p) => move(p.documents, i, 1))}
        >
          ${this.t('moveDown')}
        </button>
        <button
          type="button"
          aria-label=${this.t('deleteNamed', name)}
          @click=${() => this.edit(this.t('deleteDocument', name), (p) => p.documents.splice(i, 1))}
        >
          ${this.t('delete')}
        </button>
      </div>
    </fieldset>`;
  }
  /** The channels asking for it: none ticked means every channel (`channels` absent). */
  #renderChannels(d: DocumentRequirement, i: number, label: string) {
    const hint = `mc-doc-${i}-channels-hint`;
    return html`<fieldset aria-describedby=${hint}>
      <legend>${this.t('channelsAsked')}</legend>
      <p id=${hint}>${this.t('channelsHint')}</p>
      <div class="mc-row">
        ${CHANNEL_NAMES.map(
          (c) =>
            html`<label class="mc-inline"
              ><input
                type="checkbox"
                .checked=${d.channels?.includes(c) ?? false}
                @change=${(e: Event) =>
                  this.#set(i, label, (x) => setChannel(x, c, (e.target as HTMLInputElement).checked))}
              />${pick(CHANNELS[c], this.lang)}</label
            >`,
        )}
      </div>
    </fieldset>`;
  }

  #renderFileCounts(d: DocumentRequirement, i: number, label: string) {
    return html`${integerInput(this.t('minFiles'), d.minFiles, 0, (n) => this.#set(i, label, (x) => (x.minFiles = n)))}
      ${integerInput(this.t('maxFiles'), d.maxFiles, 1, (n) => this.#set(i, label, (x) => (x.maxFiles = n)))}
      <label
        >${this.t('maxSizeMb')}
        <input
          type="number"
          min="0.1"
          step="0.1"
          .value=${String(Math.round(((d.maxSizeBytes ?? 0) / MB) * 10) / 10)}
          @change=${(e: Event) => {
            const mb = Number((e.target as HTMLInputElement).value);
            if (mb > 0) this.#set(i, label, (x) => (x.maxSizeBytes = Math.round(mb * MB)));
          }}
      /></label>`;
  }

  #renderFileTypes(d: DocumentRequirement, i: number, label: string) {
    const types = d.mediaTypes ?? [];
    const extra = types.filter((m) => !MEDIA_TYPES.some(([t]) => t === m));
    return html`<fieldset>
      <legend>${this.t('fileTypes')}</legend>
      ${MEDIA_TYPES.map(
        ([type, short]) =>
          html`<label class="mc-inline"
            ><input
              type="checkbox"
              .checked=${types.includes(type)}
              @change=${(e: Event) => {
                const on = (e.target as HTMLInputElement).checked;
                const next = on ? [...types, type] : types.filter((m) => m !== type);
                if (next.length) this.#set(i, label, (x) => (x.mediaTypes = next));
                else this.requestUpdate(); // at least one type: the tick comes back
              }}
            />${short}</label
          >`,
      )}
      ${extra.length ? html`<p>${this.t('otherTypes')}: ${extra.join(', ')}</p>` : nothing}
    </fieldset>`;
  }
}

customElements.define('mc-documents-editor', DocumentsEditor);
