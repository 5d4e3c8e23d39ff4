import { LitElement, html, nothing } from 'lit';
import type { Lang } from '@motcua/core';
import { tr } from '../i18n/language.ts';

/**
 * The confirmation asked before a destructive action: a modal <dialog> (focus kept inside,
 * Escape cancels), rendered in the light DOM so that it takes the styles of the screen that
 * opens it. `ask` resolves true on Confirm; focus returns to where it was.
 */
export class AdminConfirm extends LitElement {
  static override properties = { message: { state: true }, lang: { type: String } };

  declare message: string;
  declare lang: Lang;
  private _resolve: ((ok: boolean) => void) | null = null;
  private _returnTo: HTMLElement | null = null;

  constructor() {
    super();
    this.message = '';
    this.lang = 'vi';
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  async ask(message: string, returnTo: HTMLElement | null): Promise<boolean> {
    this.message = message;
    this._returnTo = returnTo;
    await this.updateComplete;
    const dialog = this.querySelector('dialog')!;
    dialog.showModal();
    this.querySelector<HTMLButtonElement>('[data-answer="no"]')?.focus();
    return new Promise((resolve) => (this._resolve = resolve));
  }

  private answer(ok: boolean): void {
    const dialog = this.querySelector('dialog');
    if (dialog?.open) dialog.close();
    this._resolve?.(ok);
    this._resolve = null;
    this._returnTo?.focus();
  }

  protected override render() {
    if (!this.message) return nothing;
    return html`<dialog
      class="confirm"
      aria-labelledby="mc-confirm-title"
      aria-describedby="mc-confirm-text"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.answer(false);
      }}
    >
      <h2 id="mc-confirm-title">${tr(this.lang, 'confirmTitle')}</h2>
      <p id="mc-confirm-text">${this.message}</p>
      <div class="buttons">
        <button type="button" data-answer="no" @click=${() => this.answer(false)}>${tr(this.lang, 'cancel')}</button>
        <button type="button" class="danger" data-answer="yes" @click=${() => this.answer(true)}>
          ${tr(this.lang, 'confirm')}
        </button>
      </div>
    </dialog>`;
  }
}
