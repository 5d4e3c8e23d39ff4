import { css } from 'lit';

/**
 * The default look: clean, readable, fit for a government site. Everything a host may want to
 * change is a CSS custom property (inherited through the shadow root) or a ::part.
 *   --motcua-font, --motcua-font-size, --motcua-color-text, --motcua-color-muted,
 *   --motcua-color-primary, --motcua-color-primary-text, --motcua-color-error, --motcua-color-success,
 *   --motcua-color-border, --motcua-color-surface, --motcua-color-background, --motcua-color-focus,
 *   --motcua-radius, --motcua-space, --motcua-max-width
 */
export const theme = css`
  :host {
    --_font: var(--motcua-font, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif);
    --_text: var(--motcua-color-text, #1b1f24);
    --_muted: var(--motcua-color-muted, #4a5361);
    --_primary: var(--motcua-color-primary, #0b4f8a);
    --_on-primary: var(--motcua-color-primary-text, #ffffff);
    --_error: var(--motcua-color-error, #b3261e);
    --_success: var(--motcua-color-success, #1e6b34);
    --_border: var(--motcua-color-border, #6b7280);
    --_surface: var(--motcua-color-surface, #f4f6f9);
    --_bg: var(--motcua-color-background, #ffffff);
    --_focus: var(--motcua-color-focus, #ffbf47);
    --_radius: var(--motcua-radius, 6px);
    --_space: var(--motcua-space, 1rem);
    display: block;
    max-width: var(--motcua-max-width, 52rem);
    font-family: var(--_font);
    font-size: var(--motcua-font-size, 1rem);
    line-height: 1.5;
    color: var(--_text);
    background: var(--_bg);
    text-align: start;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
  h2,
  h3,
  h4 {
    line-height: 1.3;
    margin: 0 0 calc(var(--_space) * 0.75);
  }
  h2 {
    font-size: 1.5rem;
  }
  h3 {
    font-size: 1.2rem;
  }
  p {
    margin: 0 0 calc(var(--_space) * 0.5);
  }
  a {
    color: var(--_primary);
  }
  :focus-visible,
  input:focus,
  select:focus,
  textarea:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
    box-shadow: 0 0 0 1px var(--_text);
  }
  [tabindex='-1']:focus {
    outline: none;
    box-shadow: none;
  }
  .field,
  fieldset.group,
  fieldset.object,
  fieldset.array {
    margin: 0 0 var(--_space);
  }
  .label,
  legend {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  .req {
    color: var(--_error);
    margin-inline-start: 0.2em;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.925em;
    margin-bottom: 0.35rem;
  }
  input:not([type='checkbox']):not([type='radio']):not([type='range']),
  select,
  textarea {
    display: block;
    width: 100%;
    max-width: 100%;
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.45rem 0.6rem;
    min-height: 2.6rem;
  }
  .email input,
  .date input,
  .time input,
  .integer input,
  .number input {
    max-width: 22rem;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.3rem;
    height: 1.3rem;
    margin: 0.1rem 0.5rem 0 0;
    accent-color: var(--_primary);
    flex: none;
  }
  input:disabled,
  select:disabled,
  textarea:disabled,
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .invalid > input,
  .invalid > select,
  .invalid > textarea,
  input[aria-invalid='true'],
  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--_error);
  }
  .field.invalid,
  fieldset.invalid {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: 0.75rem;
  }
  .error {
    color: var(--_error);
    font-weight: 600;
    margin: 0.3rem 0 0;
  }
  .check,
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.1rem;
    font-weight: normal;
    margin: 0.15rem 0;
  }
  .choices.inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.5rem;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    min-width: 0;
  }
  fieldset.group,
  fieldset.object,
  fieldset.array {
    border: 1px solid color-mix(in srgb, var(--_border) 45%, transparent);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75) var(--_space);
  }
  fieldset.group > legend,
  fieldset.object > legend,
  fieldset.array > legend {
    padding: 0 0.35rem;
    font-size: 1.05em;
  }
  .layout.horizontal {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
  }
  .layout.horizontal > * {
    flex: 1 1 14rem;
    min-width: 0;
  }
  .text {
    color: var(--_text);
  }
  .range {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }
  .range input {
    flex: 1;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
    border: 2px solid var(--_primary);
    background: var(--_bg);
    color: var(--_primary);
    padding: 0.4rem 0.9rem;
    min-height: 2.5rem;
  }
  button.primary {
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  button.link {
    border: 0;
    padding: 0;
    min-height: 0;
    text-decoration: underline;
    background: none;
  }
  .unsupported,
  .alert {
    border: 2px solid var(--_error);
    border-radius: var(--_radius);
    background: #fdf0ef;
    color: var(--_text);
    padding: 0.6rem 0.8rem;
    margin: 0 0 var(--_space);
  }
  .unsupported .detail {
    display: block;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .summary {
    border: 3px solid var(--_error);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0 0 var(--_space);
  }
  .summary h2,
  .summary h3 {
    font-size: 1.15rem;
    color: var(--_error);
  }
  .summary ul {
    margin: 0;
    padding-inline-start: 1.2rem;
  }
  .summary a {
    color: var(--_error);
    font-weight: 600;
  }
  .actions {
    display: flex;
    justify-content: space-between;
    gap: 0.75rem;
    flex-wrap: wrap;
    margin-top: var(--_space);
  }
`;
