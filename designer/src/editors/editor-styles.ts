/** The editors' few layout rules, adopted once per document (no inline style attribute: strict CSP). */
const CSS = `
.mc-editor { display: block; max-width: 72rem; }
.mc-editor fieldset { border: 1px solid #8a8f98; border-radius: 4px; margin: 0 0 1rem; padding: 0.75rem; }
.mc-editor legend { font-weight: 600; padding: 0 0.25rem; }
.mc-row { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; margin: 0.25rem 0; }
.mc-field { display: flex; flex-direction: column; gap: 0.125rem; }
.mc-row label { display: flex; flex-direction: column; gap: 0.125rem; }
.mc-row label.mc-inline { flex-direction: row; align-items: center; gap: 0.375rem; }
.mc-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.5rem 0; }
.mc-issues { color: #8b1a1a; margin: 0.25rem 0; padding-left: 1.25rem; }
.mc-issues-lint { color: #6b4b00; }
.mc-pass { color: #11622f; font-weight: 600; }
.mc-fail { color: #8b1a1a; font-weight: 600; }
.mc-diff { font-family: ui-monospace, monospace; font-size: 0.85rem; white-space: pre; overflow: auto; max-height: 28rem; border: 1px solid #8a8f98; padding: 0.25rem; }
.mc-diff .mc-added { background: #dff5e3; }
.mc-diff .mc-removed { background: #fbe1e1; }
.mc-editor summary { padding: 0.375rem 0; cursor: pointer; }
.mc-scenario-answer { display: grid; grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr); gap: 1rem; align-items: start; }
@media (max-width: 60rem) { .mc-scenario-answer { grid-template-columns: minmax(0, 1fr); } }
.mc-diagram { max-width: 100%; height: auto; border: 1px solid #8a8f98; }
.mc-editor table { border-collapse: collapse; }
.mc-editor th, .mc-editor td { border: 1px solid #c4c7cc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
.mc-editor :focus-visible { outline: 3px solid #1a56db; outline-offset: 2px; }
`;

const adopted = new WeakSet<Document>();

export function adoptEditorStyles(doc: Document): void {
  if (adopted.has(doc)) return;
  adopted.add(doc);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
