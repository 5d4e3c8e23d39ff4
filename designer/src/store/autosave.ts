/**
 * Saves the draft to the server shortly after each change, with the revision it started from
 * (If-Match). When someone else saved in between, the server refuses (409): the session stops
 * saving and reports a conflict holding both versions; nothing is overwritten until the person
 * chooses (keep mine: save over theirs; take theirs: their version becomes one undo step, so mine
 * stays one undo away).
 */
import type { Definition, DefinitionStore } from './definition-store.ts';

export interface SavedDraft {
  definition: Definition;
  revision: number;
  updatedAt?: string | null;
}

export interface DraftServer {
  /** Saves with If-Match: `revision`; resolves with the new revision, rejects with {status: 409} on a conflict. */
  save(definition: Definition, revision: number): Promise<SavedDraft>;
  /** The draft as stored now (after a conflict). */
  load(): Promise<SavedDraft>;
}

export type SaveState = 'saved' | 'pending' | 'saving' | 'conflict' | 'error';

export interface Conflict {
  mine: Definition;
  theirs: SavedDraft;
}

export class Autosave extends EventTarget {
  state: SaveState = 'saved';
  revision: number;
  conflict: Conflict | null = null;
  error: unknown = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #savedVersion: number;
  #running: Promise<void> | null = null;
  readonly #onChange = () => this.#schedule();

  constructor(
    readonly store: DefinitionStore,
    readonly server: DraftServer,
    revision: number,
    readonly delayMs = 1000,
    readonly retryMs = 5000,
  ) {
    super();
    this.revision = revision;
    this.#savedVersion = store.version;
    store.addEventListener('change', this.#onChange);
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.store.removeEventListener('change', this.#onChange);
  }

  get dirty(): boolean {
    return this.store.version !== this.#savedVersion;
  }

  #schedule(): void {
    if (this.state === 'conflict') return;
    if (this.store.lastSource === 'load' && !this.dirty) return;
    this.#setState('pending');
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Saves now if anything changed since the last save; resolves when the server answered. */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    if (this.#running) await this.#running;
    if (!this.dirty || this.state === 'conflict') {
      if (this.state === 'pending') this.#setState('saved');
      return;
    }
    this.#running = this.#save();
    try {
      await this.#running;
    } finally {
      this.#running = null;
    }
  }

  async #save(): Promise<void> {
    const version = this.store.version;
    const definition = this.store.definition;
    this.#setState('saving');
    try {
      const saved = await this.server.save(definition, this.revision);
      this.revision = saved.revision;
      this.#savedVersion = version;
      this.error = null;
      this.#setState(this.dirty ? 'pending' : 'saved');
      this.dispatchEvent(new CustomEvent('saved', { detail: saved }));
      if (this.dirty) this.#schedule();
    } catch (err) {
      if ((err as { status?: number }).status === 409) {
        const theirs = await this.server.load();
        this.conflict = { mine: definition, theirs };
        this.#setState('conflict');
      } else {
        this.error = err;
        this.#setState('error');
        // Offline or a server hiccup: try again; local recovery holds the edits meanwhile.
        clearTimeout(this.#timer);
        this.#timer = setTimeout(() => void this.flush(), this.retryMs);
      }
    }
  }

  /** Keep my version: save it over theirs (theirs stays in the conflict record the caller showed). */
  async keepMine(): Promise<void> {
    const c = this.conflict;
    if (!c) return;
    this.revision = c.theirs.revision;
    this.conflict = null;
    this.#savedVersion = -1;
    this.#setState('pending');
    await this.flush();
  }

  /** Take their version: it becomes the current definition as one undo step. */
  takeTheirs(label: string): void {
    const c = this.conflict;
    if (!c) return;
    this.revision = c.theirs.revision;
    this.conflict = null;
    this.#setState('saved');
    this.store.commit({ definition: c.theirs.definition, label, source: 'server' });
    this.#savedVersion = this.store.version;
    this.#setState('saved');
  }

  #setState(state: SaveState): void {
    if (state === this.state && state !== 'error') return;
    this.state = state;
    this.dispatchEvent(new CustomEvent('state', { detail: state }));
  }
}
