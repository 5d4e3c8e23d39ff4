import { svg, type TemplateResult } from 'lit';

/**
 * The severity icons as inline SVG in the text's colour: symbol characters (⛔, ⚠) are missing
 * from the fonts of many counter machines and show as empty boxes.
 */
export function severityIcon(severity: 'overdue' | 'soon'): TemplateResult {
  const shape =
    severity === 'overdue'
      ? svg`<circle cx="8" cy="8" r="7" fill="currentColor"/><rect x="3.5" y="6.75" width="9" height="2.5" fill="#fff"/>`
      : svg`<path d="M8 1 15.5 14.5H.5Z" fill="currentColor"/><rect x="7" y="5.5" width="2" height="5" fill="#fff"/><rect x="7" y="11.5" width="2" height="2" fill="#fff"/>`;
  return svg`<svg class="sev-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${shape}</svg>`;
}
