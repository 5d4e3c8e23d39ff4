import { LitElement, css, html, nothing } from 'lit';
import {
  SATISFACTION_COMMENT_MAX,
  SATISFACTION_CRITERIA,
  SATISFACTION_CRITERION_TITLES,
  SATISFACTION_LEVELS,
  SATISFACTION_LEVEL_TITLES,
  pick,
  type CriterionScore,
  type Lang,
  type SatisfactionCriterion,
  type SatisfactionLevel,
} from '@motcua/core';
import type { SatisfactionRatingBody } from '@motcua/api';
import { apiUrl, ApiError, send } from '../../api/http.ts';
import { addStrings, langOf, STRINGS, t } from '../../i18n/strings.ts';
import { RATING_STRINGS } from '../../i18n/strings-rating.ts';
import { theme } from '../../styles/theme.ts';
import { formStyles } from '../../styles/form-styles.ts';
import { humanIso } from '../form/format.ts';
import { define } from '../define.ts';

// A chunk of its own: <motcua-track> loads it only for a dossier whose result was returned.
addStrings(RATING_STRINGS);

type Question = SatisfactionCriterion | 'convenience' | 'overall';
const SCORES: readonly CriterionScore[] = [2, 1, 0];

/**
 * <motcua-rating server="URL" code="…" .secret=…>: the applicant's satisfaction rating of a
 * returned dossier — core's nine criteria (2 / 1 / 0), convenience and overall, a comment — sent
 * once with the tracking secret. `rated-at` set: says it was rated, asks nothing.
 * Event: motcua-rated ({ code, ratedAt }).
 */
export class MotcuaRating extends LitElement {
  static override styles = [
    theme,
    formStyles,
    css`
      fieldset {
        border: 1px solid var(--_border, #c8ccd2);
        border-radius: var(--_radius);
        margin: 0 0 0.75rem;
        padding: 0.4rem 0.75rem 0.6rem;
      }
      fieldset.invalid {
        border-color: var(--_error, #b00020);
      }
      legend {
        font-weight: 600;
        padding: 0 0.25rem;
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1.25rem;
      }
      .choices label {
        display: inline-flex;
        align-items: center;
        gap: 0.35rem;
        min-height: 2.75rem;
      }
    `,
  ];
  static override properties = {
    server: { type: String },
    code: { type: String },
    ratedAt: { type: String, attribute: 'rated-at' },
    lang: { type: String, reflect: true },
    secret: { attribute: false },
    _answers: { state: true },
    _comment: { state: true },
    _busy: { state: true },
    _tried: { state: true },
    _failure: { state: true },
  };

  declare server: string;
  declare code: string;
  declare ratedAt: string;
  declare secret: string;
  declare _answers: Partial<Record<Question, string>>;
  declare _comment: string;
  declare _busy: boolean;
  declare _tried: boolean;
  declare _failure: string;
  private _thanked = false;

  constructor() {
    super();
    this.server = '';
    this.code = '';
    this.ratedAt = '';
    this.secret = '';
    this._answers = {};
    this._comment = '';
    this._busy = false;
    this._tried = false;
    this._failure = '';
  }

  private get language(): Lang {
    return langOf(this.getAttribute('lang'));
  }

  private missing(): Question[] {
    return [...SATISFACTION_CRITERIA, 'convenience' as const, 'overall' as const].filter(
      (q) => this._answers[q] === undefined,
    );
  }

  /** The rating to send, as the contract has it. */
  private body(): SatisfactionRatingBody {
    const scores = Object.fromEntries(SATISFACTION_CRITERIA.map((c) => [c, Number(this._answers[c])])) as Record<
      SatisfactionCriterion,
      CriterionScore
    >;
    const comment = this._comment.trim();
    return {
      scores,
      convenience: this._answers.convenience as SatisfactionLevel,
      overall: this._answers.overall as SatisfactionLevel,
      ...(comment ? { comment } : {}),
    };
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    this._tried = true;
    this._failure = '';
    const missing = this.missing();
    if (missing.length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>(`input[name="${missing[0]}"]`)?.focus();
      return;
    }
    this._busy = true;
    try {
      const res = await send<{ ratedAt: string }>(
        apiUrl(this.server, `api/v1/public/dossiers/${encodeURIComponent(this.code)}/rating`),
        {
          method: 'POST',
          headers: { 'X-Tracking-Secret': this.secret.trim(), 'Content-Type': 'application/json' },
          body: JSON.stringify(this.body()),
        },
      );
      this._thanked = true;
      this.ratedAt = res.body.ratedAt;
      this.dispatchEvent(
        new CustomEvent('motcua-rated', {
          detail: { code: this.code, ratedAt: res.body.ratedAt },
          bubbles: true,
          composed: true,
        }),
      );
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.notice')?.focus();
    } catch (err) {
      const e2 = err instanceof ApiError ? err : new ApiError('network', 0, 'network', STRINGS.networkError);
      this._failure = pick(e2.text, this.language);
    } finally {
      this._busy = false;
    }
  }

  private choice(q: Question, value: string, label: string) {
    return html`<label><input type="radio" name=${q} .value=${value} .checked=${this._answers[q] === value}
      @change=${() => (this._answers = { ...this._answers, [q]: value })} />${label}</label>`;
  }

  private question(q: Question, legend: string, choices: readonly [string, string][]) {
    const invalid = this._tried && this._answers[q] === undefined;
    const err = `mc-rating-${q}-err`;
    return html`<fieldset class=${invalid ? 'invalid' : ''} aria-describedby=${invalid ? err : nothing}>
      <legend>${legend}</legend>
      <div class="choices">${choices.map(([v, l]) => this.choice(q, v, l))}</div>
      ${invalid ? html`<p class="error" id=${err}>${t('ratingMissing', this.language)}</p>` : nothing}
    </fieldset>`;
  }

  protected override render() {
    const lang = this.language;
    if (this.ratedAt) {
      return html`<section class="rating" part="rating">
        <p class="notice" role="status" tabindex="-1">${this._thanked ? t('ratingThanks', lang) : t('ratingGiven', lang, { at: humanIso(this.ratedAt, lang) })}</p>
      </section>`;
    }
    const scoreChoices = SCORES.map((s) => [String(s), t(`ratingScore${s}`, lang)] as [string, string]);
    const levelChoices = SATISFACTION_LEVELS.map(
      (l) => [l, pick(SATISFACTION_LEVEL_TITLES[l], lang)] as [string, string],
    );
    const missing = this._tried ? this.missing().length : 0;
    return html`<form class="rating" part="rating" novalidate aria-labelledby="mc-rating-title" @submit=${(e: Event) => void this.submit(e)}>
      <h3 id="mc-rating-title">${t('ratingTitle', lang)}</h3>
      <p class="hint">${t('ratingIntro', lang)}</p>
      ${SATISFACTION_CRITERIA.map((c) => this.question(c, pick(SATISFACTION_CRITERION_TITLES[c], lang), scoreChoices))}
      ${this.question('convenience', t('ratingConvenience', lang), levelChoices)}
      ${this.question('overall', t('ratingOverall', lang), levelChoices)}
      <div class="field">
        <label class="label" for="mc-rating-comment">${t('ratingComment', lang)}</label>
        <textarea id="mc-rating-comment" rows="3" maxlength=${SATISFACTION_COMMENT_MAX} .value=${this._comment}
          @input=${(e: Event) => (this._comment = (e.target as HTMLTextAreaElement).value)}></textarea>
      </div>
      ${missing ? html`<p class="error" role="alert">${t('ratingIncomplete', lang, { count: missing })}</p>` : nothing}
      ${this._failure ? html`<div class="alert" role="alert" part="error"><p>${this._failure}</p></div>` : nothing}
      <div class="actions">
        <button type="submit" class="primary" part="button button-primary rating-send" ?disabled=${this._busy}>${t('ratingSend', lang)}</button>
      </div>
    </form>`;
  }
}

define('motcua-rating', MotcuaRating);
