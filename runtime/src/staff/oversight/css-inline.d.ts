/** A stylesheet imported as its text (Vite's `?inline`), for a shadow root's styles. */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
