/** Two sessions saved one draft: both versions shown side by side; the person chooses, nothing is lost. */
import { html } from 'lit';
import { LightElement } from '../app/light-element.ts';
import type { Lang } from '../app/api.ts';
import { t } from '../i18n/strings.ts';
import type { Conflict } from '../store/autosave.ts';
import { downloadJson } from '../app/new-procedure.ts';

export class ConflictPanel extends LightElement {
  static override properties = { lang: {}, conflict: { attribute: false }, code: {} };
  declare lang: Lang;
  declare conflict: Conflict;
  declare code: string;

  #emit(name: string) {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true }));
  }

  override render() {
    const lang = this.lang;
    const c = this.conflict;
    return html`<section class="conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">${t(lang, 'conflictTitle')}</h2>
      <p>${t(lang, 'conflictText')}</p>
      <div class="two">
        <figure>
          <figcaption>${t(lang, 'mine')}</figcaption>
          <pre tabindex="0" class="conflict-mine">${JSON.stringify(c.mine, null, 2)}</pre>
          <button type="button" @click=${() => downloadJson(c.mine, `${this.code}-mine.json`)}>${t(lang, 'downloadMine')}</button>
        </figure>
        <figure>
          <figcaption>${t(lang, 'theirs')}</figcaption>
          <pre tabindex="0" class="conflict-theirs">${JSON.stringify(c.theirs.definition, null, 2)}</pre>
          <button type="button" @click=${() => downloadJson(c.theirs.definition, `${this.code}-server.json`)}>
            ${t(lang, 'downloadTheirs')}
          </button>
        </figure>
      </div>
      <div class="row">
        <button type="button" class="primary" @click=${() => this.#emit('keep-mine')}>${t(lang, 'keepMine')}</button>
        <button type="button" @click=${() => this.#emit('take-theirs')}>${t(lang, 'takeTheirs')}</button>
      </div>
    </section>`;
  }
}

customElements.define('mc-conflict-panel', ConflictPanel);
