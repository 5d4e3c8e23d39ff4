/** The problems list: each problem a button that shows its place (section and element, or JSON line). */
import { html, nothing } from 'lit';
import type { Issue } from '@motcua/core';
import { LightElement } from '../app/light-element.ts';
import type { Lang } from '../app/api.ts';
import { t } from '../i18n/strings.ts';

export class ProblemsPanel extends LightElement {
  static override properties = { lang: {}, issues: { attribute: false }, stale: { type: Boolean } };
  declare lang: Lang;
  declare issues: Issue[];
  declare stale: boolean;

  constructor() {
    super();
    this.lang = 'vi';
    this.issues = [];
    this.stale = false;
  }

  #select(pointer: string) {
    this.dispatchEvent(new CustomEvent('problem-select', { detail: { pointer }, bubbles: true, composed: true }));
  }

  override render() {
    const lang = this.lang;
    return html`<section class="problems" aria-labelledby="problems-title">
      <h2 id="problems-title">${t(lang, 'problems')} <span class="count">${this.issues.length}</span></h2>
      ${this.stale ? html`<p class="warning" role="alert">${t(lang, 'jsonInvalid')}</p>` : nothing}
      ${
        this.issues.length === 0
          ? html`<p>${t(lang, 'noProblems')}</p>`
          : html`<ul>
            ${this.issues.slice(0, 200).map(
              (i) =>
                html`<li>
                  <button type="button" class="link" @click=${() => this.#select(i.pointer)}>
                    <code>${i.pointer || '/'}</code> ${lang === 'en' ? i.message.en : i.message.vi}
                  </button>
                </li>`,
            )}
          </ul>`
      }
    </section>`;
  }
}

customElements.define('mc-problems-panel', ProblemsPanel);
