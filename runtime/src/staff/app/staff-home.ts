import { LitElement, html, nothing } from 'lit';
import { LangController, t } from '../i18n/language.ts';
import { staffStyles } from '../ui/styles.ts';
import { onLinkClick, paths } from '../ui/navigate.ts';
import type { Landing } from './landing.ts';

/**
 * <motcua-staff-home>: the first screen of a person without a processing role — what they may do
 * here (administration, procedure design, oversight), never a refused inbox.
 * Properties: `landing`, `name`.
 */
export class StaffHome extends LitElement {
  static override styles = [staffStyles];
  static override properties = { landing: { attribute: false }, name: { type: String } };
  declare landing: Landing;
  declare name: string;

  constructor() {
    super();
    new LangController(this);
    this.name = '';
  }

  override render() {
    const l = this.landing;
    return html`<main id="main" tabindex="-1">
      <h1>${t('homeTitle', { name: this.name })}</h1>
      <p>${t('homeNoQueue')}</p>
      <ul class="panel">
        ${
          l.admin
            ? html`<li>
              <a href=${paths.admin()} @click=${onLinkClick}>${t('navAdmin')}</a> — ${t('homeAdmin')}
            </li>`
            : nothing
        }
        ${l.designer ? html`<li><a href="/designer/">${t('homeDesignerLink')}</a> — ${t('homeDesigner')}</li>` : nothing}
        ${
          l.oversight
            ? html`<li>
              <a href=${paths.oversight()} @click=${onLinkClick}>${t('homeOversightTitle')}</a> — ${t('homeOversight')}
            </li>`
            : nothing
        }
      </ul>
      ${!l.admin && !l.designer && !l.oversight ? html`<p>${t('homeNothing')}</p>` : nothing}
      <p class="hint">${t('homeAskAdmin')}</p>
    </main>`;
  }
}
