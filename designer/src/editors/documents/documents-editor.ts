import { html, nothing } from 'lit';
import type { DocumentRequirement } from '@motcua/core';
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

/**
 * The dossier's documents: names vi/en, guidance, when each is required (a named condition),
 * optional or not, originals and copies at the counter, accepted file types, size and number of
 * files, and a template to download.
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
          mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'],
          maxSizeBytes: 10 * MB,
          minFiles: 1,
          maxFiles: 3,
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
    const types = d.mediaTypes ?? [];
    const extra = types.filter((m) => !MEDIA_TYPES.some(([t]) => t === m));
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
      <div class="mc-row">
        ${integerInput(this.t('originals'), d.originals, 0, (n) => this.#set(i, label, (x) => (x.originals = n)))}
        ${integerInput(this.t('copies'), d.copies, 0, (n) => this.#set(i, label, (x) => (x.copies = n)))}
        ${integerInput(this.t('minFiles'), d.minFiles, 0, (n) => this.#set(i, label, (x) => (x.minFiles = n)))}
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
        /></label>
      </div>
      <fieldset>
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
      </fieldset>
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
}

customElements.define('mc-documents-editor', DocumentsEditor);
