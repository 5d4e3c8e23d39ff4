import { css } from 'lit';

/**
 * The staff workspace's look: the citizen theme's custom properties (a host portal sets them once
 * for both), AA contrast, a visible focus ring, targets of at least 24 × 24 px.
 */
export const staffStyles = css`
  :host {
    --_font: var(--motcua-font, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif);
    --_text: var(--motcua-color-text, #1b1f24);
    --_muted: var(--motcua-color-muted, #4a5361);
    --_primary: var(--motcua-color-primary, #0b4f8a);
    --_on-primary: var(--motcua-color-primary-text, #ffffff);
    --_error: var(--motcua-color-error, #b3261e);
    --_warn: #7a4b00;
    --_success: var(--motcua-color-success, #1e6b34);
    --_border: var(--motcua-color-border, #6b7280);
    --_surface: var(--motcua-color-surface, #f4f6f9);
    --_bg: var(--motcua-color-background, #ffffff);
    --_focus: var(--motcua-color-focus, #ffbf47);
    --_radius: var(--motcua-radius, 6px);
    display: block;
    font-family: var(--_font);
    font-size: var(--motcua-font-size, 1rem);
    line-height: 1.5;
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 5px var(--_text);
  }
  h1,
  h2,
  h3 {
    line-height: 1.25;
    margin: 0 0 0.5rem;
  }
  h1 {
    font-size: 1.5rem;
  }
  h2 {
    font-size: 1.2rem;
  }
  h3 {
    font-size: 1.05rem;
  }
  a {
    color: var(--_primary);
  }
  button,
  .button {
    font: inherit;
    min-height: 2.25rem;
    min-width: 2.25rem;
    padding: 0.3rem 0.9rem;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_primary);
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
  }
  button.primary,
  .button.primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  button.danger {
    border-color: var(--_error);
    color: var(--_error);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  label {
    font-weight: 600;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    min-height: 2.25rem;
    padding: 0.3rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    max-width: 100%;
  }
  /* 24 px: a finger on a counter's tablet ticks a row, a document, a queue scope. */
  input[type='checkbox'],
  input[type='radio'] {
    min-height: 0;
    width: 1.5rem;
    height: 1.5rem;
    vertical-align: middle;
  }
  textarea {
    width: 100%;
    min-height: 4.5rem;
  }
  /*
   * minmax(0, …) and min-inline-size: a choice among long titles (a step, a document) shrinks to
   * its box instead of pushing it, and its arrow, out of the panel.
   */
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25rem;
    margin-bottom: 0.75rem;
  }
  fieldset {
    min-inline-size: 0;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9rem;
  }
  .error {
    color: var(--_error);
    font-weight: 600;
  }
  .success {
    color: var(--_success);
    font-weight: 600;
  }
  .panel {
    background: var(--_bg);
    border: 1px solid #c6ccd5;
    border-radius: var(--_radius);
    padding: 1rem;
    margin-bottom: 1rem;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .sev-overdue {
    color: var(--_error);
    font-weight: 700;
  }
  .sev-soon {
    color: var(--_warn);
    font-weight: 700;
  }
  .sev-icon {
    width: 1em;
    height: 1em;
    vertical-align: -0.125em;
  }
  dl.facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
    margin: 0;
  }
  dl.facts dt {
    color: var(--_muted);
  }
  dl.facts dd {
    margin: 0;
  }
  dialog {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 1.25rem;
    max-width: min(32rem, 95vw);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
`;
