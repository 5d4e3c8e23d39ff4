import { LitElement, html, nothing } from 'lit';
import { ApiError } from '@motcua/api/client';
import type { StaffData } from '../data/staff-data.ts';
import { LangController, msg, t } from '../i18n/language.ts';
import { staffStyles } from '../ui/styles.ts';

/** <motcua-staff-password>: the change-password dialog (`open()`). */
export class StaffPassword extends LitElement {
  static override styles = staffStyles;
  static override properties = {
    data: { attribute: false },
    _error: { state: true },
    _done: { state: true },
    _open: { state: true },
  };
  declare data: StaffData;
  declare _error: string;
  declare _done: boolean;
  declare _open: boolean;

  constructor() {
    super();
    new LangController(this);
    this._error = '';
    this._done = false;
    this._open = false;
  }

  open(): void {
    this._error = '';
    this._done = false;
    this._open = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector('dialog')!.showModal());
  }

  private close() {
    this.renderRoot.querySelector('dialog')!.close();
    this._open = false;
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const fields = new FormData(e.target as HTMLFormElement);
    const current = String(fields.get('current') ?? '');
    const next = String(fields.get('next') ?? '');
    const repeat = String(fields.get('repeat') ?? '');
    if (!current || !next) {
      this._error = t('fieldRequired', { field: !current ? t('currentPassword') : t('newPassword') });
      return;
    }
    if (next !== repeat) {
      this._error = t('passwordsDiffer');
      return;
    }
    try {
      await this.data.changePassword(current, next);
      this._error = '';
      this._done = true;
      (e.target as HTMLFormElement).reset();
    } catch (err) {
      this._error = err instanceof ApiError ? msg(err.body.error.message) : String(err);
    }
  }

  override render() {
    if (!this._open) return html`<dialog></dialog>`;
    return html`<dialog aria-labelledby="pw-title" @close=${() => (this._open = false)}>
      <h2 id="pw-title">${t('changePassword')}</h2>
      ${this._done ? html`<p class="success" role="status">${t('passwordChanged')}</p>` : nothing}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <form @submit=${this.submit} novalidate>
        <div class="field">
          <label for="pw-current">${t('currentPassword')}</label>
          <input id="pw-current" name="current" type="password" autocomplete="current-password" />
        </div>
        <div class="field">
          <label for="pw-next">${t('newPassword')}</label>
          <input id="pw-next" name="next" type="password" autocomplete="new-password" />
        </div>
        <div class="field">
          <label for="pw-repeat">${t('repeatPassword')}</label>
          <input id="pw-repeat" name="repeat" type="password" autocomplete="new-password" />
        </div>
        <div class="row">
          <button class="primary" type="submit">${t('save')}</button>
          <button type="button" @click=${this.close}>${t('close')}</button>
        </div>
      </form>
    </dialog>`;
  }
}
