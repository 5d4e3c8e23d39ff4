// Types of the part of wtr-plugins.mjs the Node-side tests use.
/** The dev-server plugin serving @jsonforms/core bundled with the build's replacements and patches. */
export function jsonFormsBundle(): {
  name: string;
  resolveImport(args: { source: string }): string | undefined;
  serve(context: { path: string }): Promise<{ body: string; type: string } | undefined>;
};
