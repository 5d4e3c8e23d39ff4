import { LitElement, css, html, nothing } from 'lit';
import { LangController, t } from '../i18n/language.ts';
import { staffStyles } from '../ui/styles.ts';

/**
 * <motcua-staff-viewer>: one uploaded document shown in a sandboxed frame (no script of the file
 * runs, it cannot reach the workspace). Chromium does not run its PDF viewer in a sandboxed
 * frame, so a PDF is also offered to open in a tab of its own. A PDF the server found active
 * content in (script, launch or open actions) is not embedded at all: a warning says why.
 */
export class StaffViewer extends LitElement {
  static override styles = [
    staffStyles,
    css`
      iframe {
        width: 100%;
        height: min(70vh, 50rem);
        border: 1px solid var(--_border);
        background: #fff;
      }
      .warning {
        color: var(--_warn);
        border: 1px solid var(--_warn);
        border-radius: var(--_radius);
        padding: 0.5rem 0.75rem;
      }
    `,
  ];
  static override properties = {
    src: { type: String },
    name: { type: String },
    mediaType: { type: String },
    activeContent: { type: Boolean },
  };
  declare src: string;
  declare name: string;
  declare mediaType: string;
  declare activeContent: boolean;

  constructor() {
    super();
    new LangController(this);
    this.src = '';
    this.name = '';
    this.mediaType = '';
    this.activeContent = false;
  }

  override render() {
    if (!this.src) return nothing;
    if (this.activeContent)
      return html`<div class="row">
          <h3 id="viewer-title">${t('viewer', { name: this.name })}</h3>
          <a href=${this.src} download=${this.name}>${t('download')}</a>
        </div>
        <p class="warning" role="alert">${t('activeContent')}</p>`;
    return html`<div class="row">
        <h3 id="viewer-title">${t('viewer', { name: this.name })}</h3>
        <a href=${this.src} target="_blank" rel="noopener" download=${this.name}>${t('download')}</a>
      </div>
      <iframe sandbox="" title=${t('viewer', { name: this.name })} src=${this.src} referrerpolicy="no-referrer"></iframe>`;
  }
}
