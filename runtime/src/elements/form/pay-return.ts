/**
 * Coming back from a payment provider. The page is left for the provider's, so what the element
 * showed is kept for this tab only (sessionStorage, never sent anywhere) under the dossier's code;
 * the server sends the browser back with `#motcua-payment=<state>&motcua-dossier=<code>`.
 */
const KEY = 'motcua-payment:';

export interface Kept {
  /** Which element began the payment: that one shows the dossier again. */
  kind: 'form' | 'track';
  code: string;
  secret: string;
  /** What else the element needs to show it again (the form's receipt). */
  extra?: unknown;
}

export function keepForReturn(k: Kept): void {
  try {
    sessionStorage.setItem(KEY + k.code, JSON.stringify(k));
  } catch {
    // Storage refused (private mode, quota): coming back shows the lookup instead.
  }
}

/** The page without the fragment: where the provider's return sends the payer back to. */
export function pageUrl(): string {
  return `${location.origin}${location.pathname}${location.search}`;
}

/** True when the page was opened by a payment's return (cheap: the element checks it before loading this chunk). */
export function isPaymentReturn(): boolean {
  return (globalThis.location?.hash ?? '').includes('motcua-payment=');
}

/**
 * What `kind` kept before leaving for the provider, and the state the return said, when the page
 * was opened by that return; the fragment is then taken out of the address bar and the kept
 * entry forgotten.
 */
export function takeReturn(kind: Kept['kind']): { kept: Kept; state: string } | null {
  if (!isPaymentReturn()) return null;
  const p = new URLSearchParams(location.hash.slice(1));
  const code = p.get('motcua-dossier') ?? '';
  let kept: Kept | null = null;
  try {
    kept = JSON.parse(sessionStorage.getItem(KEY + code) ?? 'null') as Kept | null;
  } catch {
    kept = null;
  }
  if (!kept || kept.kind !== kind || kept.code !== code) return null;
  const state = p.get('motcua-payment') ?? '';
  p.delete('motcua-payment');
  p.delete('motcua-dossier');
  const rest = p.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  sessionStorage.removeItem(KEY + code);
  return { kept, state };
}
