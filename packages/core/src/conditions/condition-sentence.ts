import type { JsonSchema, JsonSchemaObject } from '../model/procedure.ts';
import type { LocalizedText } from '../i18n/text.ts';
import { TITLE_SEPARATOR, splitDoc } from '../model/doc.ts';
import { formatPointer, parsePointer } from '../model/json-pointer.ts';
import { canonicalJson } from './canonical-json.ts';

/**
 * Conditions as sentences: "if [field] [is] [value]", joined by "all" (and) or "any" (or). A
 * designer builds them without writing JSON Schema; `compileCondition` turns one into the JSON
 * Schema that every host evaluates, and `parseCondition` reads such a schema back (null when it is
 * not one a sentence can say: it is then edited as JSON).
 */
export const CONDITION_OPERATORS = [
  'equals',
  'not-equals',
  'one-of',
  'filled',
  'empty',
  'at-least',
  'at-most',
  'greater-than',
  'less-than',
  'is-true',
  'is-false',
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** Operators that take no value. */
export const VALUELESS_OPERATORS: readonly ConditionOperator[] = ['filled', 'empty', 'is-true', 'is-false'];

export interface ConditionClause {
  /** JSON pointer into the applicant's data, e.g. "/birth/place". */
  field: string;
  operator: ConditionOperator;
  /** A scalar for equals/not-equals and comparisons, a list for one-of, absent otherwise. */
  value?: unknown;
}

export interface ConditionSentence {
  combine: 'all' | 'any';
  clauses: ConditionClause[];
  /** The condition's name, quoted in the reasons applicants read. */
  title?: LocalizedText;
}

const EMPTY_VALUES = ['', null];

/** The JSON Schema of a sentence. An empty sentence holds always (`true`). */
export function compileCondition(sentence: ConditionSentence): JsonSchema {
  const parts = sentence.clauses.map(compileClause);
  let schema: JsonSchemaObject;
  if (parts.length === 0) schema = {};
  else if (parts.length === 1) schema = { ...parts[0]! };
  else schema = sentence.combine === 'all' ? { allOf: parts } : { anyOf: parts };
  const title = titleText(sentence.title);
  if (title) schema = { title, ...schema };
  return Object.keys(schema).length === 0 ? true : schema;
}

/** "vi / en", the convention the documents and fees engines quote. */
export function titleText(title: LocalizedText | undefined): string | undefined {
  if (!title || !title.vi.trim()) return undefined;
  const en = title.en?.trim();
  return en && en !== title.vi.trim() ? `${title.vi.trim()}${TITLE_SEPARATOR}${en}` : title.vi.trim();
}

function compileClause(clause: ConditionClause): JsonSchemaObject {
  const segments = parsePointer(clause.field);
  if (segments.length === 0) throw new RangeError('A condition needs a field');
  const { leaf, required } = leafOf(clause);
  let schema: JsonSchemaObject = leaf;
  for (let i = segments.length - 1; i >= 0; i--) {
    const name = segments[i]!;
    schema = required ? { properties: { [name]: schema }, required: [name] } : { properties: { [name]: schema } };
  }
  return schema;
}

function leafOf(clause: ConditionClause): { leaf: JsonSchemaObject; required: boolean } {
  const v = clause.value;
  switch (clause.operator) {
    case 'equals':
      return { leaf: { const: v }, required: true };
    case 'not-equals':
      // An unanswered field is "not X": the clause holds when the field is absent.
      return { leaf: { not: { const: v } }, required: false };
    case 'one-of':
      return { leaf: { enum: distinct(Array.isArray(v) ? v : [v]) }, required: true };
    case 'filled':
      return { leaf: { not: { enum: EMPTY_VALUES } }, required: true };
    case 'empty':
      return { leaf: { enum: EMPTY_VALUES }, required: false };
    case 'at-least':
      return { leaf: { minimum: numberOf(v) }, required: true };
    case 'at-most':
      return { leaf: { maximum: numberOf(v) }, required: true };
    case 'greater-than':
      return { leaf: { exclusiveMinimum: numberOf(v) }, required: true };
    case 'less-than':
      return { leaf: { exclusiveMaximum: numberOf(v) }, required: true };
    case 'is-true':
      return { leaf: { const: true }, required: true };
    case 'is-false':
      return { leaf: { const: false }, required: true };
  }
}

/** JSON Schema wants the values of `enum` distinct and at least one. */
function distinct(values: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  const out = values.filter((v) => {
    const key = canonicalJson(v);
    return seen.has(key) ? false : (seen.add(key), true);
  });
  if (out.length === 0) throw new RangeError('"One of" needs at least one value');
  return out;
}

function numberOf(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw new RangeError(`A comparison needs a number, not ${JSON.stringify(v)}`);
  return n;
}

/**
 * The sentence a schema says, or null when it says something a sentence cannot (the designer
 * then offers the JSON view for it). `compileCondition(parseCondition(s))` equals `s` for every
 * schema that `compileCondition` writes, and for the shapes the example procedures use.
 */
export function parseCondition(schema: JsonSchema | undefined): ConditionSentence | null {
  if (schema === undefined || schema === true) return { combine: 'all', clauses: [] };
  if (schema === false || typeof schema !== 'object' || schema === null) return null;
  const { title, ...rest } = schema;
  if (title !== undefined && typeof title !== 'string') return null;
  const named = typeof title === 'string' && title.trim() ? splitDoc({ title }).title : undefined;
  const withTitle = (s: ConditionSentence): ConditionSentence =>
    named ? { ...s, title: named.en === named.vi ? { vi: named.vi } : { vi: named.vi, en: named.en } } : s;
  const keys = Object.keys(rest);
  if (keys.length === 0) return withTitle({ combine: 'all', clauses: [] });
  if (keys.length === 1 && (keys[0] === 'allOf' || keys[0] === 'anyOf')) {
    const list = rest[keys[0]];
    if (!Array.isArray(list) || list.length < 2) return null;
    const clauses = list.map((s) => parseClause(s as JsonSchema, []));
    if (clauses.some((c) => c === null)) return null;
    return withTitle({ combine: keys[0] === 'allOf' ? 'all' : 'any', clauses: clauses as ConditionClause[] });
  }
  const clause = parseClause(rest, []);
  return clause ? withTitle({ combine: 'all', clauses: [clause] }) : null;
}

function parseClause(schema: JsonSchema, path: string[]): ConditionClause | null {
  if (typeof schema !== 'object' || schema === null) return null;
  const keys = Object.keys(schema);
  if ('properties' in schema) {
    const props = schema.properties;
    if (typeof props !== 'object' || props === null) return null;
    const names = Object.keys(props);
    if (names.length !== 1) return null;
    const name = names[0]!;
    const required = schema.required;
    const isRequired = Array.isArray(required) && required.length === 1 && required[0] === name;
    if (keys.length !== (isRequired ? 2 : 1)) return null;
    if (required !== undefined && !isRequired) return null;
    let inner = parseClause(props[name]!, [...path, name]);
    if (!inner) return null;
    // "One of '' or null" written by a designer reads as "empty" once the presence is dropped.
    if (inner.operator === 'empty' && isRequired) inner = { ...inner, operator: 'one-of', value: ['', null] };
    return requiresPresence(inner.operator) === isRequired ? inner : null;
  }
  if (path.length === 0 || keys.length !== 1) return null;
  const field = formatPointer(path);
  const key = keys[0]!;
  const v = schema[key];
  switch (key) {
    case 'const':
      if (v === true) return { field, operator: 'is-true' };
      if (v === false) return { field, operator: 'is-false' };
      return { field, operator: 'equals', value: v };
    case 'enum':
      if (!Array.isArray(v)) return null;
      if (isEmptyValues(v)) return { field, operator: 'empty' };
      return { field, operator: 'one-of', value: [...v] };
    case 'not': {
      if (typeof v !== 'object' || v === null) return null;
      const nk = Object.keys(v);
      if (nk.length !== 1) return null;
      const inner = (v as Record<string, unknown>)[nk[0]!];
      if (nk[0] === 'const') return { field, operator: 'not-equals', value: inner };
      if (nk[0] === 'enum' && Array.isArray(inner) && isEmptyValues(inner)) return { field, operator: 'filled' };
      return null;
    }
    case 'minimum':
      return typeof v === 'number' ? { field, operator: 'at-least', value: v } : null;
    case 'maximum':
      return typeof v === 'number' ? { field, operator: 'at-most', value: v } : null;
    case 'exclusiveMinimum':
      return typeof v === 'number' ? { field, operator: 'greater-than', value: v } : null;
    case 'exclusiveMaximum':
      return typeof v === 'number' ? { field, operator: 'less-than', value: v } : null;
    default:
      return null;
  }
}

function isEmptyValues(v: unknown[]): boolean {
  return v.length === 2 && v[0] === '' && v[1] === null;
}

function requiresPresence(op: ConditionOperator): boolean {
  return op !== 'not-equals' && op !== 'empty';
}
