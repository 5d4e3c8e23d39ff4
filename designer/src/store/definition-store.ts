/**
 * The one definition every view edits, with one undo history across all views (visual editors,
 * the JSON view, the section editors). Updates are immutable: each change is a new object, so a
 * view re-renders only what changed (lit compares by identity). Successive edits with the same
 * label within a short time (typing in one box) merge into one undo step.
 */
export type Definition = Record<string, unknown>;

export interface Change {
  definition: Definition;
  /** What the step did, for the undo button's name ("Undo: Add field"). */
  label: string;
  /** Where the change came from, so a view can skip re-rendering its own edit. */
  source?: string;
}

interface Step {
  definition: Definition;
  label: string;
  at: number;
}

export interface StoreOptions {
  /** Edits with one label this close together merge into one undo step (ms). */
  mergeWithinMs?: number;
  now?: () => number;
  limit?: number;
}

export class DefinitionStore extends EventTarget {
  #current: Definition;
  #past: Step[] = [];
  #future: Step[] = [];
  #lastLabel = '';
  #lastAt = -Infinity;
  readonly #merge: number;
  readonly #now: () => number;
  readonly #limit: number;
  /** Bumped on every change; autosave and recovery compare it. */
  version = 0;
  lastSource: string | undefined;

  constructor(initial: Definition, options: StoreOptions = {}) {
    super();
    this.#current = initial;
    this.#merge = options.mergeWithinMs ?? 800;
    this.#now = options.now ?? (() => Date.now());
    this.#limit = options.limit ?? 500;
  }

  get definition(): Definition {
    return this.#current;
  }

  get canUndo(): boolean {
    return this.#past.length > 0;
  }

  get canRedo(): boolean {
    return this.#future.length > 0;
  }

  get undoLabel(): string | undefined {
    return this.#past.at(-1)?.label;
  }

  get redoLabel(): string | undefined {
    return this.#future.at(-1)?.label;
  }

  /** Records `change` as one undo step (or merges it with the previous one of the same label). */
  commit(change: Change): void {
    if (change.definition === this.#current) return;
    const at = this.#now();
    const merge = change.label === this.#lastLabel && at - this.#lastAt < this.#merge && this.#past.length > 0;
    if (!merge) {
      this.#past.push({ definition: this.#current, label: change.label, at });
      if (this.#past.length > this.#limit) this.#past.shift();
    }
    this.#future = [];
    this.#lastLabel = change.label;
    this.#lastAt = at;
    this.#set(change.definition, change.source);
  }

  undo(): boolean {
    const step = this.#past.pop();
    if (!step) return false;
    this.#future.push({ definition: this.#current, label: step.label, at: this.#now() });
    this.#lastLabel = this.#past.at(-1)?.label ?? '';
    this.#lastAt = -Infinity;
    this.#set(step.definition, 'undo');
    return true;
  }

  redo(): boolean {
    const step = this.#future.pop();
    if (!step) return false;
    this.#past.push({ definition: this.#current, label: step.label, at: this.#now() });
    this.#lastLabel = step.label;
    this.#lastAt = -Infinity;
    this.#set(step.definition, 'redo');
    return true;
  }

  /** Replaces the definition without an undo step (loading); the history is kept unless `clear`. */
  replace(definition: Definition, clear = false): void {
    if (clear) {
      this.#past = [];
      this.#future = [];
    }
    this.#lastAt = -Infinity;
    this.#set(definition, 'load');
  }

  #set(definition: Definition, source: string | undefined): void {
    this.#current = definition;
    this.version++;
    this.lastSource = source;
    this.dispatchEvent(new CustomEvent('change', { detail: { definition, source } }));
  }
}
