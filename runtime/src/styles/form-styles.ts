import { css } from 'lit';

/** Styles of <motcua-form> and <motcua-track> beyond the shared theme (the tracking views' own are in their chunk, track-view.ts). */
export const formStyles = css`
  .container {
    display: block;
  }
  .head {
    border-bottom: 3px solid var(--_primary);
    margin-bottom: var(--_space);
    padding-bottom: 0.5rem;
  }
  .head h2 {
    color: var(--_primary);
    margin-bottom: 0.25rem;
  }
  .meta,
  .status {
    color: var(--_muted);
  }
  section.agency,
  section.documents,
  section.summary-panel,
  .draft,
  .submit-area,
  .notice {
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .notice {
    border-inline-start: 4px solid var(--_primary);
    background: var(--_surface);
    padding: 0.6rem 0.9rem;
  }
  .notice p {
    margin: 0 0 0.3rem;
  }
  .doc-list,
  .files {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .doc {
    border: 1px solid color-mix(in srgb, var(--_border) 45%, transparent);
    border-radius: var(--_radius);
    padding: 0.75rem 0.9rem;
    margin-bottom: 0.75rem;
  }
  .doc.invalid {
    border-color: var(--_error);
    border-inline-start-width: 4px;
  }
  .doc-head {
    display: flex;
    justify-content: space-between;
    gap: 0.75rem;
    align-items: baseline;
  }
  .doc-title {
    font-weight: 600;
  }
  .badge {
    flex: none;
    font-size: 0.8em;
    border-radius: 999px;
    padding: 0.05rem 0.6rem;
    background: var(--_surface);
    color: var(--_muted);
    border: 1px solid currentColor;
  }
  .badge.req-badge {
    color: var(--_error);
  }
  .file {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: baseline;
    padding: 0.25rem 0;
  }
  .file .error {
    flex-basis: 100%;
  }
  .file-name {
    font-weight: 600;
    word-break: break-all;
  }
  .file-pick {
    position: relative;
    margin-top: 0.5rem;
  }
  .file-pick .file-input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    opacity: 0;
    cursor: pointer;
  }
  .file-pick .file-button {
    display: inline-block;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    color: var(--_primary);
    padding: 0.35rem 0.9rem;
    font-weight: 600;
  }
  .file-pick:focus-within .file-button {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }
  .file-pick:has(.file-input:disabled) .file-button {
    opacity: 0.6;
  }
  details.not-needed summary {
    cursor: pointer;
    color: var(--_muted);
  }
  .fees-table {
    width: 100%;
    border-collapse: collapse;
    margin-bottom: 0.5rem;
  }
  .fees-table th,
  .fees-table td {
    text-align: start;
    padding: 0.35rem 0.25rem;
    border-bottom: 1px solid color-mix(in srgb, var(--_border) 35%, transparent);
    vertical-align: top;
  }
  .fees-table th {
    font-weight: normal;
  }
  .fees-table th .hint {
    display: block;
    margin: 0;
  }
  .fees-table td {
    text-align: end;
    white-space: nowrap;
  }
  .fees-table tfoot th {
    font-weight: 600;
  }
  .due {
    font-size: 1.1em;
    font-weight: 600;
    margin-bottom: 0.2rem;
  }
  .agency-fixed {
    background: var(--_surface);
    padding: 0.5rem 0.8rem;
    border-radius: var(--_radius);
  }
  .progress-line {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    flex-wrap: wrap;
    margin: 0.5rem 0;
  }
  .progress-line progress {
    flex: 1 1 10rem;
    accent-color: var(--_primary);
  }
`;
