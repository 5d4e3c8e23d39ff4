/**
 * A part of the runtime that the bundle puts in its own chunk (a dynamic import, resolved next to
 * the entry module, so one script tag still embeds everything) and that a page loads only when it
 * needs it: the tracking views, the receipt, the wizard and array renderers. `load()` imports it
 * once (a failed import is tried again on the next call); `value` is it, once loaded.
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
