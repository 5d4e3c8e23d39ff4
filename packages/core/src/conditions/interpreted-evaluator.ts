import type { JsonSchema } from '../model/procedure.ts';
import type { SchemaError, SchemaEvaluator } from './evaluator.ts';
import { canonicalJson } from './canonical-json.ts';
import { STRING_FORMATS } from './string-formats.ts';

/**
 * A SchemaEvaluator that walks the schema instead of compiling it: for pages whose
 * Content-Security-Policy forbids `eval` (the designer) and that must evaluate conditions being
 * edited, which no precompiled module can hold yet. It knows the draft-07 keywords conditions
 * use; any other keyword throws `UnsupportedKeywordError` rather than being ignored, so an answer
 * is never silently wrong (the host then asks the server). Form schemas too, with the string
 * formats the form builder offers.
 */
export class UnsupportedKeywordError extends Error {
  constructor(readonly keyword: string) {
    super(`The in-browser condition evaluator does not support the keyword "${keyword}"`);
    this.name = 'UnsupportedKeywordError';
  }
}

/** Annotations: they never change whether data is valid. */
const ANNOTATIONS = new Set(['title', 'description', '$comment', 'default', 'examples', '$schema', '$id', 'i18n']);

type Check = (schema: Record<string, unknown>, data: unknown, at: string, out: SchemaError[]) => void;

export function createInterpretedEvaluator(): SchemaEvaluator {
  return {
    validate(schema: JsonSchema, data: unknown): SchemaError[] {
      const out: SchemaError[] = [];
      check(schema, data, '', out);
      return out;
    },
  };
}

function check(schema: JsonSchema, data: unknown, at: string, out: SchemaError[]): void {
  if (schema === true) return;
  if (schema === false) {
    out.push({ instancePath: at, keyword: 'false schema', params: {} });
    return;
  }
  if (typeof schema !== 'object' || schema === null) throw new TypeError('A schema is an object or a boolean');
  const s = schema as Record<string, unknown>;
  for (const key of Object.keys(s)) {
    if (ANNOTATIONS.has(key)) continue;
    const rule = KEYWORDS[key];
    if (!rule) throw new UnsupportedKeywordError(key);
    rule(s, data, at, out);
  }
}

const fail = (out: SchemaError[], at: string, keyword: string, params: Record<string, unknown> = {}) =>
  out.push({ instancePath: at, keyword, params });

const holds = (schema: unknown, data: unknown, at: string): boolean => {
  const errors: SchemaError[] = [];
  check(schema as JsonSchema, data, at, errors);
  return errors.length === 0;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
// A value that is not there (a rule's scope the person has not filled in) equals no JSON value.
const equal = (a: unknown, b: unknown) => a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b);
const child = (at: string, key: string | number) => `${at}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

function typeMatches(type: string, v: unknown): boolean {
  switch (type) {
    case 'null':
      return v === null;
    case 'boolean':
      return typeof v === 'boolean';
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'array':
      return Array.isArray(v);
    case 'object':
      return isObject(v);
    default:
      throw new UnsupportedKeywordError(`type: ${type}`);
  }
}

function compare(keyword: string, test: (v: number, limit: number) => boolean): Check {
  return (s, data, at, out) => {
    const limit = s[keyword];
    if (typeof limit !== 'number') throw new TypeError(`${keyword} must be a number`);
    if (typeof data === 'number' && !test(data, limit)) fail(out, at, keyword, { limit });
  };
}

function length(
  keyword: string,
  test: (n: number, limit: number) => boolean,
  of: (v: unknown) => number | null,
): Check {
  return (s, data, at, out) => {
    const n = of(data);
    if (n !== null && !test(n, s[keyword] as number)) fail(out, at, keyword, { limit: s[keyword] });
  };
}

const stringLength = (v: unknown) => (typeof v === 'string' ? [...v].length : null);
const arrayLength = (v: unknown) => (Array.isArray(v) ? v.length : null);
const propertyCount = (v: unknown) => (isObject(v) ? Object.keys(v).length : null);

const KEYWORDS: Record<string, Check> = {
  type(s, data, at, out) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!types.some((t) => typeMatches(t, data))) fail(out, at, 'type', { type: s.type });
  },
  const(s, data, at, out) {
    if (!equal(s.const, data)) fail(out, at, 'const', { allowedValue: s.const });
  },
  enum(s, data, at, out) {
    if (!(s.enum as unknown[]).some((v) => equal(v, data))) fail(out, at, 'enum', { allowedValues: s.enum });
  },
  not(s, data, at, out) {
    if (holds(s.not, data, at)) fail(out, at, 'not');
  },
  allOf(s, data, at, out) {
    for (const sub of s.allOf as JsonSchema[]) check(sub, data, at, out);
  },
  anyOf(s, data, at, out) {
    if (!(s.anyOf as JsonSchema[]).some((sub) => holds(sub, data, at))) fail(out, at, 'anyOf');
  },
  oneOf(s, data, at, out) {
    const n = (s.oneOf as JsonSchema[]).filter((sub) => holds(sub, data, at)).length;
    if (n !== 1) fail(out, at, 'oneOf', { passing: n });
  },
  if(s, data, at, out) {
    if (holds(s.if, data, at)) {
      if ('then' in s) check(s.then as JsonSchema, data, at, out);
    } else if ('else' in s) check(s.else as JsonSchema, data, at, out);
  },
  then: () => {},
  else: () => {},
  properties(s, data, at, out) {
    if (!isObject(data)) return;
    for (const [name, sub] of Object.entries(s.properties as Record<string, JsonSchema>)) {
      if (Object.prototype.hasOwnProperty.call(data, name)) check(sub, data[name], child(at, name), out);
    }
  },
  required(s, data, at, out) {
    if (!isObject(data)) return;
    for (const name of s.required as string[]) {
      if (!Object.prototype.hasOwnProperty.call(data, name)) fail(out, at, 'required', { missingProperty: name });
    }
  },
  additionalProperties(s, data, at, out) {
    if (!isObject(data)) return;
    const known = new Set(Object.keys((s.properties as object | undefined) ?? {}));
    if ('patternProperties' in s) throw new UnsupportedKeywordError('patternProperties');
    for (const name of Object.keys(data)) {
      if (!known.has(name)) check(s.additionalProperties as JsonSchema, data[name], child(at, name), out);
    }
  },
  items(s, data, at, out) {
    if (!Array.isArray(data)) return;
    if (Array.isArray(s.items)) throw new UnsupportedKeywordError('items (tuple)');
    data.forEach((v, i) => check(s.items as JsonSchema, v, child(at, i), out));
  },
  contains(s, data, at, out) {
    if (Array.isArray(data) && !data.some((v, i) => holds(s.contains, v, child(at, i)))) fail(out, at, 'contains');
  },
  minimum: compare('minimum', (v, l) => v >= l),
  maximum: compare('maximum', (v, l) => v <= l),
  exclusiveMinimum: compare('exclusiveMinimum', (v, l) => v > l),
  exclusiveMaximum: compare('exclusiveMaximum', (v, l) => v < l),
  multipleOf(s, data, at, out) {
    const m = s.multipleOf as number;
    if (typeof data === 'number' && !Number.isInteger(data / m)) fail(out, at, 'multipleOf', { multipleOf: m });
  },
  minLength: length('minLength', (n, l) => n >= l, stringLength),
  maxLength: length('maxLength', (n, l) => n <= l, stringLength),
  minItems: length('minItems', (n, l) => n >= l, arrayLength),
  maxItems: length('maxItems', (n, l) => n <= l, arrayLength),
  minProperties: length('minProperties', (n, l) => n >= l, propertyCount),
  maxProperties: length('maxProperties', (n, l) => n <= l, propertyCount),
  format(s, data, at, out) {
    const test = STRING_FORMATS[s.format as string];
    if (!test) throw new UnsupportedKeywordError(`format: ${String(s.format)}`);
    if (typeof data === 'string' && !test(data)) fail(out, at, 'format', { format: s.format });
  },
  pattern(s, data, at, out) {
    // ajv compiles patterns with the "u" flag; the same here, so both agree on what matches.
    if (typeof data === 'string' && !new RegExp(s.pattern as string, 'u').test(data))
      fail(out, at, 'pattern', { pattern: s.pattern });
  },
};
