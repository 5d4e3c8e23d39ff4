/**
 * Resolves after the browser has painted what is in the DOM now: work a first paint does not need
 * (the expected appointment, the first check of an untouched form) waits here, so that the fields
 * show before it runs. A hidden document paints no frames: a timer stands in for the frame there.
 */
export const afterPaint = (): Promise<void> =>
  new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, 250);
  });
