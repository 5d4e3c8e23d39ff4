/**
 * The problems of the current definition, from core's `validateProcedure` run by the server's
 * dry-run (with the province's agency checks): the designer re-implements no rule, and core's
 * validator compiles schemas, which this page's CSP (no eval) forbids in the browser. One check
 * runs at a time: edits made meanwhile are checked together as soon as it answers, so typing does
 * not queue one validation per key on the server. That already batches a burst of keys, so the
 * first edit is sent at once, before the views re-render, rather than after a pause.
 */
import type { Issue } from '@motcua/core';
import { api } from '../app/api.ts';

export class ProblemList extends EventTarget {
  issues: Issue[] = [];
  #pending: { code: string; definition: unknown } | null = null;
  #running = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly delayMs = 0) {
    super();
  }

  check(code: string, definition: unknown): void {
    this.#pending = { code, definition };
    clearTimeout(this.#timer);
    // Sent before the views re-render for the same edit, when no check is under way.
    if (this.delayMs === 0 && !this.#running) void this.#run();
    else this.#timer = setTimeout(() => void this.#run(), this.delayMs);
  }

  async #run(): Promise<void> {
    if (this.#running || !this.#pending) return;
    const { code, definition } = this.#pending;
    this.#pending = null;
    this.#running = true;
    try {
      const result = await api.post('/api/v1/procedures/{procedureCode}/draft/validate', {
        params: { procedureCode: code },
        body: definition,
      });
      // A newer definition waits: its answer replaces this one at once.
      if (!this.#pending) {
        this.issues = result.issues;
        // For the benchmark: when the problems of an edit are known.
        performance.mark('motcua:problems');
        this.dispatchEvent(new CustomEvent('issues', { detail: this.issues }));
      }
    } catch {
      // Offline or signed out: keep the last problems; the save state says what went wrong.
    } finally {
      this.#running = false;
      if (this.#pending) void this.#run();
    }
  }
}
