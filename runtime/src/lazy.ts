/**
 * A part of the runtime that the bundle puts in its own chunk (a dynamic import, resolved next to
 * the entry module, so one script tag still embeds everything) and that a page loads only when it
 * needs it: the tracking views, the receipt, the wizard and array renderers, the English words.
 * `load()` imports it once; `value` is it, once loaded. A failed import may be asked for again,
 * but browsers remember a module that failed for the life of the page: callers say so visibly.
 */
export interface Lazy<T> {
  load(): Promise<T>;
  readonly value: T | undefined;
}

export function lazy<T>(importer: () => Promise<T>): Lazy<T> {
  let pending: Promise<T> | undefined;
  const self = {
    value: undefined as T | undefined,
    load(): Promise<T> {
      pending ??= importer().then(
        (m) => (self.value = m),
        (err: unknown) => {
          pending = undefined;
          throw err;
        },
      );
      return pending;
    },
  };
  return self;
}
