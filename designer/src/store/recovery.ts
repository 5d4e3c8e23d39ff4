/**
 * Local recovery: every change is written to localStorage within a fraction of a second, so a
 * crashed tab loses at most that; on reopening, a copy newer than the server's draft is offered
 * back. Cleared once the server has the same definition.
 */
import type { Definition } from './definition-store.ts';

export interface RecoveryCopy {
  definition: Definition;
  /** The server revision the copy was edited from. */
  revision: number;
  savedAt: number;
}

const KEY = (code: string) => `motcua.designer.recovery.${code}`;

export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function writeRecovery(storage: KeyValue, code: string, copy: RecoveryCopy): void {
  try {
    storage.setItem(KEY(code), JSON.stringify(copy));
  } catch {
    // A full storage is no reason to stop editing: the server's autosave still runs.
  }
}

export function readRecovery(storage: KeyValue, code: string): RecoveryCopy | null {
  try {
    const raw = storage.getItem(KEY(code));
    if (!raw) return null;
    const copy = JSON.parse(raw) as RecoveryCopy;
    return copy && typeof copy.definition === 'object' && typeof copy.revision === 'number' ? copy : null;
  } catch {
    return null;
  }
}

export function clearRecovery(storage: KeyValue, code: string): void {
  storage.removeItem(KEY(code));
}

/** A copy worth offering: different from what the server holds now. */
export function recoveryToOffer(copy: RecoveryCopy | null, serverDraft: unknown): RecoveryCopy | null {
  if (!copy) return null;
  return JSON.stringify(copy.definition) === JSON.stringify(serverDraft) ? null : copy;
}
