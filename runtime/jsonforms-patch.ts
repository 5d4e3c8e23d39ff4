// The changes the bundles make to @jsonforms/core's code (vite.config.ts and the test server's
// esbuild bundle). Each one replaces an exact text that must occur exactly once, so a JSON Forms
// release that changes it fails the build instead of running unpatched:
//  - its resolveSchema is wrapped by src/jsonforms/resolve-memo.ts;
//  - code the runtime can never reach is cut, so that tree-shaking drops what only it used (the
//    bundler keeps a top-level statement it cannot prove free of side effects, even unused):
//    the error machinery of the control mapper (the runtime's state never holds JSON Forms
//    errors: no-validation mode, its own issues come through the form context; no-errors.ts
//    throws if a state ever does), Generate.jsonSchema (JSON Schema from sample data), and the
//    English default texts of JSON Forms' array and combinator renderers (the runtime has its own
//    words), whose TypeScript enums and tables become pure expressions, and testers of what the
//    runtime does not render.
import { fileURLToPath } from 'node:url';

const MEMO = fileURLToPath(new URL('./src/jsonforms/resolve-memo.ts', import.meta.url));
const NO_ERRORS = fileURLToPath(new URL('./src/jsonforms/no-errors.ts', import.meta.url));

export const JSONFORMS_FILE = /[\\/]@jsonforms[\\/]core[\\/]lib[\\/]jsonforms-core\.esm\.js$/;

interface Patch {
  what: string;
  before: string;
  after: string;
}

const RESOLVE_SCHEMA = `const resolveSchema = (schema, schemaPath, rootSchema) => {
    const result = doResolveSchema(schema, schemaPath, {
        rootSchema,
        resolutionMap: new Map(),
    });
    return result;
};`;

/** A TypeScript enum (`var E; (function (E) {…})(E || (E = {}));`) as one pure expression. */
function pureEnum(name: string, body: string): Patch {
  return {
    what: `enum ${name}`,
    before: `var ${name};\n(function (${name}) {\n${body}})(${name} || (${name} = {}));`,
    after: `var ${name} = /* @__PURE__ */ (function (${name}) {\n${body}    return ${name};\n})({});`,
  };
}

const ARRAY_ENUM_BODY = [
  'addTooltip',
  'addAriaLabel',
  'removeTooltip',
  'upAriaLabel',
  'downAriaLabel',
  'noSelection',
  'removeAriaLabel',
  'noDataMessage',
  'deleteDialogTitle',
  'deleteDialogMessage',
  'deleteDialogAccept',
  'deleteDialogDecline',
  'up',
  'down',
]
  .map((k) => `    ArrayTranslationEnum["${k}"] = "${k}";\n`)
  .join('');

const COMBINATOR_ENUM_BODY = ['clearDialogTitle', 'clearDialogMessage', 'clearDialogAccept', 'clearDialogDecline']
  .map((k) => `    CombinatorTranslationEnum["${k}"] = "${k}";\n`)
  .join('');

/**
 * A tester JSON Forms defines at the top level and the runtime never uses (the allOf, anyOf
 * and oneOf controls, integer formatting), with every call marked pure: they only build closures.
 */
function pureTester(line: string): Patch {
  return {
    what: line.slice(0, line.indexOf(' =')),
    before: line,
    after: line.replace(/(?<![\w.$])(and|or|uiTypeIs|schemaMatches|schemaTypeIs|optionIs)\(/g, '/* @__PURE__ */ $1('),
  };
}

/** The start of a top-level `const name = [` made a pure call (its end is patched apart; the text between is kept). */
function pureArray(name: string, firstLine: string): Patch {
  return {
    what: `const ${name}`,
    before: `const ${name} = [\n${firstLine}`,
    after: `const ${name} = /* @__PURE__ */ (() => [\n${firstLine}`,
  };
}

const PATCHES: Patch[] = [
  {
    what: 'resolveSchema',
    before: RESOLVE_SCHEMA,
    after: `const resolveSchema = __motcuaMemoizeResolve(${RESOLVE_SCHEMA.slice('const resolveSchema = '.length, -1)});`,
  },
  {
    what: 'mapStateToControlProps errors',
    before: '    const errors = getErrorAt(path, resolvedSchema)(state);\n    const description = resolvedSchema',
    after: '    const errors = __motcuaNoErrors(state);\n    const description = resolvedSchema',
  },
  {
    what: 'mapStateToControlProps error translator',
    before:
      '    const t = getTranslator()(state);\n    const te = getErrorTranslator()(state);\n    const i18nKeyPrefix = getI18nKeyPrefix(schema, uischema, path);\n    const i18nLabel',
    after:
      '    const t = getTranslator()(state);\n    const i18nKeyPrefix = getI18nKeyPrefix(schema, uischema, path);\n    const i18nLabel',
  },
  {
    what: 'mapStateToControlProps error message',
    // getCombinedErrorMessage of no errors is formatErrorMessage([]): ''.
    before:
      '    const i18nErrorMessage = getCombinedErrorMessage(errors, te, t, schema, uischema, path);\n    return {\n        data,',
    after: "    const i18nErrorMessage = '';\n    return {\n        data,",
  },
  {
    what: 'Generate.jsonSchema',
    before: 'const Generate = {\n    jsonSchema: generateJsonSchema,\n    uiSchema: generateDefaultUISchema,',
    after: 'const Generate = {\n    uiSchema: generateDefaultUISchema,',
  },
  pureEnum('ArrayTranslationEnum', ARRAY_ENUM_BODY),
  pureEnum('CombinatorTranslationEnum', COMBINATOR_ENUM_BODY),
  pureArray('arrayDefaultTranslations', '    {\n        key: ArrayTranslationEnum.addTooltip,'),
  {
    what: 'end of arrayDefaultTranslations',
    before: "    { key: ArrayTranslationEnum.deleteDialogDecline, default: () => 'No' },\n];",
    after: "    { key: ArrayTranslationEnum.deleteDialogDecline, default: () => 'No' },\n])();",
  },
  pureArray('combinatorDefaultTranslations', '    {\n        key: CombinatorTranslationEnum.clearDialogTitle,'),
  {
    what: 'end of combinatorDefaultTranslations',
    before: "    { key: CombinatorTranslationEnum.clearDialogDecline, default: () => 'No' },\n];",
    after: "    { key: CombinatorTranslationEnum.clearDialogDecline, default: () => 'No' },\n])();",
  },
  pureTester(
    "const isAllOfControl = and(uiTypeIs('Control'), schemaMatches((schema) => Object.prototype.hasOwnProperty.call(schema, 'allOf')));",
  ),
  pureTester(
    "const isAnyOfControl = and(uiTypeIs('Control'), schemaMatches((schema) => Object.prototype.hasOwnProperty.call(schema, 'anyOf')));",
  ),
  pureTester(
    "const isOneOfControl = and(uiTypeIs('Control'), schemaMatches((schema) => Object.prototype.hasOwnProperty.call(schema, 'oneOf')));",
  ),
  pureTester(
    "const isNumberFormatControl = and(uiTypeIs('Control'), schemaTypeIs('integer'), optionIs('format', true));",
  ),
  {
    what: 'controlDefaultProps',
    before: 'const controlDefaultProps = {\n    ...layoutDefaultProps,\n    errors: [],\n};',
    after: 'const controlDefaultProps = /* @__PURE__ */ (() => ({\n    ...layoutDefaultProps,\n    errors: [],\n}))();',
  },
];

export function patchJsonForms(code: string): string {
  for (const { what, before, after } of PATCHES) {
    const at = code.indexOf(before);
    if (at < 0 || code.indexOf(before, at + 1) >= 0) {
      throw new Error(
        `motcua: @jsonforms/core no longer has the text patched as "${what}" (jsonforms-patch.ts): review the patches for this version`,
      );
    }
    code = code.slice(0, at) + after + code.slice(at + before.length);
  }
  return (
    `import { memoizeResolve as __motcuaMemoizeResolve } from ${JSON.stringify(MEMO)};\n` +
    `import { noErrors as __motcuaNoErrors } from ${JSON.stringify(NO_ERRORS)};\n${code}`
  );
}
