/**
 * Drafts of a form, kept in localStorage only when the applicant agreed (and never in kiosk
 * mode, where the element does not use this at all). Files are never kept. Storage that refuses
 * (private mode, quota, policy) makes `available` false; nothing else breaks.
 */
export interface Draft {
  version: number;
  savedAt: number;
  data: unknown;
  agency?: string;
}

export class DraftStore {
  constructor(private readonly key: string) {}

  /** Opens the origin's storage (a synchronous round trip to the browser the first time). */
  static open(): void {
    try {
      void localStorage.length;
    } catch {
      // Refused: `available` says so when it matters.
    }
  }

  static keyFor(server: string, procedure: string): string {
    return `motcua:draft:${server}:${procedure}`;
  }

  get available(): boolean {
    try {
      const probe = `${this.key}:probe`;
      localStorage.setItem(probe, '1');
      localStorage.removeItem(probe);
      return true;
    } catch {
      return false;
    }
  }

  load(): Draft | null {
    try {
      const text = localStorage.getItem(this.key);
      if (!text) return null;
      const d = JSON.parse(text) as Draft;
      return typeof d === 'object' && d !== null && typeof d.savedAt === 'number' ? d : null;
    } catch {
      return null;
    }
  }

  save(draft: Draft): boolean {
    try {
      localStorage.setItem(this.key, JSON.stringify(draft));
      return true;
    } catch {
      return false;
    }
  }

  clear(): void {
    try {
      localStorage.removeItem(this.key);
    } catch {
      /* nothing stored */
    }
  }
}
