// The one change the bundles make to @jsonforms/core's code (vite.config.ts and the test server's
// esbuild bundle): its resolveSchema is wrapped by src/jsonforms/resolve-memo.ts. The exact text is
// matched, so a JSON Forms release that changes it fails the build instead of running unpatched.
import { fileURLToPath } from 'node:url';

const MEMO = fileURLToPath(new URL('./src/jsonforms/resolve-memo.ts', import.meta.url));

export const JSONFORMS_FILE = /[\\/]@jsonforms[\\/]core[\\/]lib[\\/]jsonforms-core\.esm\.js$/;

const RESOLVE_SCHEMA = `const resolveSchema = (schema, schemaPath, rootSchema) => {
    const result = doResolveSchema(schema, schemaPath, {
        rootSchema,
        resolutionMap: new Map(),
    });
    return result;
};`;

export function patchJsonForms(code: string): string {
  const at = code.indexOf(RESOLVE_SCHEMA);
  if (at < 0 || code.indexOf(RESOLVE_SCHEMA, at + 1) >= 0) {
    throw new Error('motcua: @jsonforms/core no longer defines resolveSchema as expected (jsonforms-patch.ts): review the patch for this version');
  }
  const memoized = `const resolveSchema = __motcuaMemoizeResolve(${RESOLVE_SCHEMA.slice('const resolveSchema = '.length, -1)});`;
  return `import { memoizeResolve as __motcuaMemoizeResolve } from ${JSON.stringify(MEMO)};\n${code.slice(0, at)}${memoized}${code.slice(at + RESOLVE_SCHEMA.length)}`;
}
