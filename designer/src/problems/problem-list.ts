/**
 * The problems of the current definition, from core's `validateProcedure` run by the server's
 * dry-run (with the province's agency checks): the designer re-implements no rule, and core's
 * validator compiles schemas, which this page's CSP (no eval) forbids in the browser. Checks are
 * debounced and an answer that arrives after a newer check started is dropped.
 */
import type { Issue } from '@motcua/core';
import { api } from '../app/api.ts';

export class ProblemList extends EventTarget {
  issues: Issue[] = [];
  #seq = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly delayMs = 30) {
    super();
  }

  check(code: string, definition: unknown): void {
    clearTimeout(this.#timer);
    const seq = ++this.#seq;
    this.#timer = setTimeout(async () => {
      try {
        const result = await api.post('/api/v1/procedures/{procedureCode}/draft/validate', {
          params: { procedureCode: code },
          body: definition,
        });
        if (seq !== this.#seq) return;
        this.issues = result.issues;
        // For the benchmark: when the problems of an edit are known.
        performance.mark('motcua:problems');
        this.dispatchEvent(new CustomEvent('issues', { detail: this.issues }));
      } catch {
        // Offline or signed out: keep the last problems; the save state says what went wrong.
      }
    }, this.delayMs);
  }
}
