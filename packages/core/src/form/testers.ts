/**
 * Renderer testers as JSON Forms defines them (@jsonforms/core 3.x `testers.ts`): a tester looks at
 * a UI schema element and the schema its scope is relative to, and says whether (ranked: how well)
 * a renderer fits. Same semantics as JSON Forms', written over plain JSON (no JSON Forms, no DOM),
 * so that a host which cannot load JSON Forms — the publishing checks — asks the very question the
 * browser asks. Inputs are untrusted JSON: a malformed element or schema makes a tester false, not
 * throw (only a schema whose references loop without end overflows the stack, as in JSON Forms).
 */
import {
  deriveTypes,
  hasType,
  isEmptyValue,
  isEnumSchema,
  isNode,
  isOneOfEnumSchema,
  own as field,
  resolveSchema,
} from './resolve-schema.ts';

/**
 * What a tester is given besides the element and schema (JSON Forms' TesterContext). One context
 * serves one ranking (or several over schemas that do not change meanwhile): the testers share the
 * scopes they resolve through it.
 */
export interface TesterContext {
  /** The form's whole data schema: references resolve against it. */
  rootSchema: unknown;
  config?: unknown;
}

export type Tester = (uischema: unknown, schema: unknown, context: TesterContext) => boolean;
export type RankedTester = (uischema: unknown, schema: unknown, context: TesterContext) => number;

/** A tester's answer when its renderer does not apply. */
export const NOT_APPLICABLE = -1;

export const rankWith =
  (rank: number, tester: Tester): RankedTester =>
  (uischema, schema, context) =>
    tester(uischema, schema, context) ? rank : NOT_APPLICABLE;

export const and =
  (...testers: Tester[]): Tester =>
  (uischema, schema, context) =>
    testers.every((t) => t(uischema, schema, context));

export const or =
  (...testers: Tester[]): Tester =>
  (uischema, schema, context) =>
    testers.some((t) => t(uischema, schema, context));

export const uiTypeIs =
  (type: string): Tester =>
  (uischema) =>
    !isEmptyValue(uischema) && field(uischema, 'type') === type;

export const optionIs =
  (name: string, value: unknown): Tester =>
  (uischema) => {
    const options = field(uischema, 'options');
    return !isEmptyValue(uischema) && !isEmptyValue(options) && field(options, name) === value;
  };

/** Resolutions by context, schema and path: a ranking's twenty-odd testers resolve one scope once. */
const resolved = new WeakMap<TesterContext, Map<unknown, Map<unknown, unknown>>>();

function resolveIn(context: TesterContext, schema: unknown, path: unknown): unknown {
  let bySchema = resolved.get(context);
  if (!bySchema) resolved.set(context, (bySchema = new Map()));
  let byPath = bySchema.get(schema);
  if (!byPath) bySchema.set(schema, (byPath = new Map()));
  if (byPath.has(path)) return byPath.get(path);
  const found = resolveSchema(schema, path, context.rootSchema);
  byPath.set(path, found);
  return found;
}

const isControl = (uischema: unknown) => !isEmptyValue(uischema) && field(uischema, 'scope') !== undefined;

/**
 * For a Control: the schema its scope denotes (resolved only when `schema` is an object schema,
 * as JSON Forms does; otherwise `schema` itself) satisfies `predicate`.
 */
export const schemaMatches =
  (predicate: (schema: unknown, rootSchema: unknown) => boolean): Tester =>
  (uischema, schema, context) => {
    if (!isControl(uischema) || isEmptyValue(schema)) return false;
    const scope = field(uischema, 'scope');
    if (isEmptyValue(scope)) return false;
    const current = hasType(schema, 'object') ? resolveIn(context, schema, scope) : schema;
    return current !== undefined && predicate(current, context.rootSchema);
  };

/** For a Control: the subschema `key` (e.g. "items") of the schema its scope denotes satisfies `predicate`. */
export const schemaSubPathMatches =
  (key: string, predicate: (schema: unknown, rootSchema: unknown) => boolean): Tester =>
  (uischema, schema, context) => {
    if (!isControl(uischema)) return false;
    const current = hasType(schema, 'object') ? resolveIn(context, schema, field(uischema, 'scope')) : schema;
    const sub = field(current, key);
    return sub !== undefined && predicate(sub, context.rootSchema);
  };

export const schemaTypeIs = (type: string): Tester =>
  schemaMatches((schema) => !isEmptyValue(schema) && hasType(schema, type));

export const formatIs = (format: string): Tester =>
  schemaMatches((schema) => !isEmptyValue(schema) && field(schema, 'format') === format && hasType(schema, 'string'));

const isControlElement = uiTypeIs('Control');

export const isBooleanControl = and(isControlElement, schemaTypeIs('boolean'));
export const isObjectControl = and(isControlElement, schemaTypeIs('object'));
export const isEnumControl = and(isControlElement, schemaMatches(isEnumSchema));
export const isOneOfEnumControl = and(isControlElement, schemaMatches(isOneOfEnumSchema));
export const isIntegerControl = and(isControlElement, schemaTypeIs('integer'));
export const isNumberControl = and(isControlElement, schemaTypeIs('number'));
export const isStringControl = and(isControlElement, schemaTypeIs('string'));
export const isMultiLineControl = and(isControlElement, optionIs('multi', true));
export const isDateControl = and(isControlElement, or(formatIs('date'), optionIs('format', 'date')));
export const isTimeControl = and(isControlElement, or(formatIs('time'), optionIs('format', 'time')));
export const isDateTimeControl = and(isControlElement, or(formatIs('date-time'), optionIs('format', 'date-time')));

/** The item schema of an array, through one reference. */
const itemSchema = (items: unknown, rootSchema: unknown) => {
  const ref = field(items, '$ref');
  return typeof ref === 'string' ? resolveSchema(rootSchema, ref, rootSchema) : items;
};

/** A list (not a tuple) whose items are objects. */
export const isObjectArrayControl = and(
  isControlElement,
  schemaMatches(
    (schema, rootSchema) => hasType(schema, 'array') && !Array.isArray(resolveSchema(schema, 'items', rootSchema)),
  ),
  schemaSubPathMatches('items', (items, rootSchema) => hasType(itemSchema(items, rootSchema), 'object')),
);

const PRIMITIVES = ['integer', 'number', 'boolean', 'string'];

/** A list (not a tuple) whose items are of one primitive type. */
export const isPrimitiveArrayControl = and(
  isControlElement,
  schemaMatches(
    (schema, rootSchema) =>
      deriveTypes(schema).length !== 0 && !Array.isArray(resolveSchema(schema, 'items', rootSchema)),
  ),
  schemaSubPathMatches('items', (items, rootSchema) => {
    const types = deriveTypes(itemSchema(items, rootSchema));
    return types.length === 1 && PRIMITIVES.includes(types[0]!);
  }),
);

const has = (x: unknown, key: string) => isNode(x) && Object.prototype.hasOwnProperty.call(x, key);

/** A number with minimum, maximum and default, shown as a slider (`options.slider`). */
export const isRangeControl = and(
  isControlElement,
  or(schemaTypeIs('number'), schemaTypeIs('integer')),
  schemaMatches((schema) => has(schema, 'maximum') && has(schema, 'minimum') && has(schema, 'default')),
  optionIs('slider', true),
);

/** Every element of the Categorization is a Category (or a Categorization that has categories). */
export const categorizationHasCategory: Tester = (uischema) => hasCategory(uischema);

function hasCategory(categorization: unknown): boolean {
  const elements = field(categorization, 'elements');
  if (isEmptyValue(elements) || !Array.isArray(elements)) return false;
  return elements.every((e) => {
    const type = field(e, 'type');
    return type === 'Categorization' ? hasCategory(e) : type === 'Category';
  });
}

/**
 * An array of distinct values from a fixed list (`uniqueItems` with an `enum` or `oneOf`/`anyOf`
 * of `const`s): a group of checkboxes. The scope is resolved whatever the schema's type.
 */
export const isMultiEnumControl: Tester = (uischema, schema, context) => {
  if (field(uischema, 'type') !== 'Control') return false;
  const s = resolveIn(context, schema, field(uischema, 'scope'));
  const items = field(s, 'items');
  if (!isNode(s) || s.uniqueItems !== true || !isNode(items) || Array.isArray(items)) return false;
  const alternatives = field(items, 'oneOf') ?? field(items, 'anyOf');
  return (
    Array.isArray(field(items, 'enum')) ||
    (Array.isArray(alternatives) && alternatives.every((a) => isNode(a) && 'const' in a))
  );
};

const hasOwn = (key: string) => (schema: unknown) => has(schema, key);

/** A choice between alternatives (`oneOf`), unless they are a list of constants (a select). */
export const isOneOfControl = and(
  isControlElement,
  schemaMatches((schema) => has(schema, 'oneOf') && !isOneOfEnumSchema(schema)),
);

/** A choice between alternatives that may overlap (`anyOf`). */
export const isAnyOfControl = and(isControlElement, schemaMatches(hasOwn('anyOf')));

/** Parts that all apply (`allOf`): one form, their fields merged. */
export const isAllOfControl = and(isControlElement, schemaMatches(hasOwn('allOf')));

/** An array that says nothing of its items: a list of texts, as JSON Forms shows it. */
export const isUntypedArrayControl = and(
  isControlElement,
  schemaMatches((schema) => hasType(schema, 'array') && !has(schema, 'items')),
);

/** A ListWithDetail element over a list of objects: the list beside the form of the chosen one. */
export const isListWithDetail = and(
  uiTypeIs('ListWithDetail'),
  schemaMatches(
    (schema, rootSchema) => hasType(schema, 'array') && !Array.isArray(resolveSchema(schema, 'items', rootSchema)),
  ),
  schemaSubPathMatches('items', (items, rootSchema) => hasType(itemSchema(items, rootSchema), 'object')),
);
