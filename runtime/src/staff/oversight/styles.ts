import { css } from 'lit';

/** The oversight page's tables (figures, ranking, Biểu 06, the dossiers behind a number). */
export const tableStyles = css`
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    border-bottom: 1px solid #c6ccd5;
    padding: 0.35rem 0.5rem;
    text-align: start;
    vertical-align: top;
  }
`;

/** The oversight page's layout; `:host([tv])` is the wall-screen layout with big numbers. */
export const oversightStyles = [
  tableStyles,
  css`
  .head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: baseline;
    justify-content: space-between;
    margin-bottom: 1rem;
  }
  .stamp {
    margin: 0;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
    align-items: end;
  }
  .filters .field {
    margin-bottom: 0.5rem;
  }
  .filters select {
    max-width: 16rem;
  }
  .filters p {
    flex-basis: 100%;
    margin: 0;
  }
  .cards {
    list-style: none;
    margin: 0 0 1rem;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: 0.75rem;
  }
  .card {
    border: 1px solid #c6ccd5;
    border-radius: var(--_radius);
    padding: 0.75rem;
    background: var(--_bg);
  }
  .card h3 {
    font-size: 0.95rem;
    color: var(--_muted);
  }
  .card p {
    margin: 0.2rem 0;
  }
  .big {
    display: block;
    font-size: 2rem;
    font-weight: 700;
    line-height: 1.2;
    color: var(--_text);
  }
  .big.empty {
    font-size: 1.1rem;
    font-weight: 600;
    color: var(--_muted);
    padding: 0.6rem 0;
  }
  a.big {
    text-decoration-thickness: 2px;
  }
  .trend {
    font-size: 0.9rem;
  }
  .trend.good {
    color: var(--_success);
  }
  .trend.bad {
    color: var(--_error);
  }
  .spark {
    width: 100%;
    height: 1.5rem;
    color: var(--_primary);
  }
  td.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    caption-side: top;
  }
  button.sort {
    border: none;
    padding: 0.1rem 0.25rem;
    font-weight: 700;
    color: var(--_text);
    background: transparent;
  }
  .depth-1 {
    padding-inline-start: 1.5rem;
  }
  .depth-2 {
    padding-inline-start: 2.5rem;
  }
  .depth-3,
  .depth-4 {
    padding-inline-start: 3.5rem;
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
    gap: 1rem;
  }
  .drill h2:focus {
    outline: none;
  }
  :host([tv]) {
    background: var(--_bg);
    padding: 1.5rem 2rem;
    overflow: auto;
    font-size: 1.25rem;
  }
  :host([tv]) h1 {
    font-size: 2.25rem;
  }
  :host([tv]) .cards {
    grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr));
    gap: 1.25rem;
  }
  :host([tv]) .big {
    font-size: 4rem;
  }
  :host([tv]) .big.empty {
    font-size: 1.6rem;
    padding: 1.4rem 0;
  }
  :host([tv]) .stamp {
    font-size: 1.5rem;
    font-weight: 700;
  }
`,
];
