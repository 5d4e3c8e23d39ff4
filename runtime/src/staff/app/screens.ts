import { defineElements } from './define-elements.ts';

/**
 * The screens the first inbox page does not need, each its own chunk: asked for when first shown,
 * and fetched ahead once the inbox is drawn (so that opening a dossier waits for nothing).
 */
let dossier: Promise<void> | null = null;
let intake: Promise<void> | null = null;

export function loadDossierScreen(): Promise<void> {
  return (dossier ??= import('../dossier/elements.ts').then((m) => defineElements(m.DOSSIER_ELEMENTS)));
}

let oversight: Promise<void> | null = null;

/** The oversight dashboard: never fetched ahead (most clerks never open it); uPlot comes later still. */
export function loadOversightScreen(): Promise<void> {
  return (oversight ??= import('../oversight/elements.ts')
    .then((m) => defineElements(m.OVERSIGHT_ELEMENTS))
    .catch((e: unknown) => ((oversight = null), Promise.reject(e))));
}

export function loadIntakeScreen(): Promise<void> {
  return (intake ??= import('../intake/elements.ts').then((m) => defineElements(m.INTAKE_ELEMENTS)));
}

/** Fetches the other screens when the browser is idle (after the first page is drawn). */
export function prefetchScreens(): void {
  const later = (globalThis as { requestIdleCallback?: (f: () => void) => void }).requestIdleCallback ?? setTimeout;
  later(() => void loadDossierScreen().catch(() => (dossier = null)));
}
