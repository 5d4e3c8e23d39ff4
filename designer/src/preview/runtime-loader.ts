/**
 * The citizen runtime the previews are: the server's /embed/motcua.js, fetched once, and only
 * when `<motcua-form>` is not defined on the page yet.
 */
const RUNTIME_URL = '/embed/motcua.js';
let runtime: Promise<unknown> | null = null;

export function loadRuntime(): Promise<unknown> {
  if (customElements.get('motcua-form')) return Promise.resolve();
  runtime ??= import(/* @vite-ignore */ RUNTIME_URL);
  runtime.catch(() => (runtime = null));
  return runtime;
}
