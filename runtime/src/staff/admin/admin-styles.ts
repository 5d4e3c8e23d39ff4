import { css } from 'lit';

/** The look shared by the administration screens (on top of the runtime's theme). */
export const adminStyles = css`
  :host {
    max-width: none;
  }
  section,
  fieldset {
    margin: 0 0 var(--_space);
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  label {
    display: block;
    font-weight: 600;
    margin: 0.5rem 0 0.2rem;
  }
  label.inline {
    display: inline-flex;
    gap: 0.4rem;
    align-items: center;
    font-weight: normal;
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    width: 100%;
    max-width: 32rem;
  }
  /* WCAG 2.2 target size: at least 24 by 24 CSS pixels. */
  input[type='checkbox'] {
    width: 1.5rem;
    height: 1.5rem;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 2px;
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: 0.4rem 0.9rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_primary);
    background: var(--_bg);
    color: var(--_primary);
    cursor: pointer;
    margin: 0.5rem 0.5rem 0 0;
  }
  button.primary {
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
  .hint {
    color: var(--_muted);
    font-size: 0.95em;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(16rem, 1fr) 2fr;
    gap: var(--_space);
  }
  @media (max-width: 48rem) {
    .layout {
      grid-template-columns: 1fr;
    }
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  .scroll {
    overflow-x: auto;
    margin: 0 0 var(--_space);
  }
  th,
  td {
    text-align: start;
    border-bottom: 1px solid var(--_border);
    padding: 0.4rem;
    vertical-align: top;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 0.4rem 0;
  }
  .errors {
    border: 2px solid var(--_error);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    margin: 0 0 var(--_space);
    color: var(--_error);
  }
  .errors h2 {
    font-size: 1.1rem;
    color: var(--_error);
  }
  .status {
    color: var(--_success);
    min-height: 1.5em;
    margin: 0 0 0.5rem;
  }
  .secret {
    border: 2px solid var(--_success);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    margin: 0 0 var(--_space);
  }
  .secret code {
    display: block;
    word-break: break-all;
    font-size: 1.05em;
    padding: 0.4rem;
    background: var(--_surface);
  }
  dialog.confirm {
    border: 2px solid var(--_text);
    border-radius: var(--_radius);
    max-width: 32rem;
    color: var(--_text);
    background: var(--_bg);
  }
  dialog.confirm::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .tag {
    display: inline-block;
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0 0.5rem;
    font-size: 0.9em;
    margin: 0 0.25rem 0.25rem 0;
  }
  ul.plain {
    list-style: none;
    padding: 0;
    margin: 0;
  }
`;
