/**
 * Resolves after the browser has painted what is in the DOM now: work a first paint does not need
 * (the expected appointment, the first check of an untouched form) waits here, so that the fields
 * show before it runs. A document that is hidden paints no frames: there it waits a plain task, and
 * a frame that never comes (hidden meanwhile) is replaced by a timer.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const task = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') return void task();
    const fallback = setTimeout(resolve, 250);
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      task();
    });
  });
}
