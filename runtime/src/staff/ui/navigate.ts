/** Where the workspace lives on the server; links are built under it. */
export const BASE = '/staff';

export const paths = {
  inbox: (queue?: string) => (queue ? `${BASE}/inbox/${encodeURIComponent(queue)}` : `${BASE}/inbox`),
  dossier: (code: string) => `${BASE}/dossiers/${encodeURIComponent(code)}`,
  intake: () => `${BASE}/intake`,
  admin: () => `${BASE}/admin`,
  /** The oversight dashboard, its view (filters, drill-down) as a query string. */
  oversight: (search = '') => `${BASE}/oversight${search}`,
};

/**
 * Asks the workspace (or the intranet page embedding the elements) to show another screen: the
 * app shell handles `motcua-navigate`; a host page may handle it its own way.
 */
export function navigate(from: EventTarget, path: string): void {
  from.dispatchEvent(new CustomEvent('motcua-navigate', { detail: { path }, bubbles: true, composed: true }));
}

/** A plain click on an in-app link navigates without reloading; modified clicks keep their meaning. */
export function onLinkClick(e: MouseEvent): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.currentTarget ?? e.target) as HTMLAnchorElement;
  const href = a.getAttribute('href');
  if (!href?.startsWith(BASE)) return;
  e.preventDefault();
  navigate(a, href);
}

/** The dossiers of the list last shown, so that the dossier page can go on to the next one. */
let worklist: string[] = [];
export const setWorklist = (codes: string[]) => void (worklist = codes);
export function nextInWorklist(code: string): string | null {
  const i = worklist.indexOf(code);
  return i >= 0 ? (worklist[i + 1] ?? null) : (worklist.find((c) => c !== code) ?? null);
}
