/**
 * Whether a condition schema compiles under draft-07 with unknown keywords refused, remembered by
 * the schema's canonical JSON. A designer validates the whole definition on every edit, and
 * compiling a 150-field form schema with a fresh ajv took most of a second each time; equal
 * schemas give equal answers, so one ajv and one answer per distinct schema serve every call.
 */
import type { JsonSchema } from '../../model/procedure.ts';
import type { SchemaError } from '../../conditions/evaluator.ts';
import { createAjv } from '../../conditions/ajv-evaluator.ts';
import { canonicalJson } from '../../conditions/canonical-json.ts';

/** Annotation keywords JSON Forms reads from data schemas; allowed besides draft-07's own. */
const FORM_ANNOTATIONS = ['i18n'];
/** Keywords whose values are maps of names to schemas (the names are not keywords). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependencies']);
/** Keywords whose values are data, not schemas. */
const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples', 'required']);
/** Text annotations: whether a schema compiles does not depend on them (strict mode only asks they be strings). */
const TEXT_ANNOTATIONS = new Set(['title', 'description', '$comment']);

/**
 * `schema` without its text annotations, so that relabelling a field (a designer's most common
 * edit) does not make a 150-field form schema a new schema to compile.
 */
function withoutText(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutText);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (TEXT_ANNOTATIONS.has(k) && typeof v === 'string') continue;
    if (DATA_KEYWORDS.has(k)) out[k] = v;
    else if (SCHEMA_MAPS.has(k) && typeof v === 'object' && v !== null && !Array.isArray(v))
      out[k] = Object.fromEntries(Object.entries(v).map(([name, sub]) => [name, withoutText(sub)]));
    else out[k] = withoutText(v);
  }
  return out;
}

/** Past this many distinct schemas, start again (ajv keeps every compiled schema too). */
const LIMIT = 2000;

type Ajv = ReturnType<typeof createAjv>;
let ajv: Ajv | undefined;
const compiled = new Map<string, { error: unknown } | null>();
const meta = new Map<string, SchemaError[]>();

function strictAjv(): Ajv {
  if (!ajv || compiled.size + meta.size > LIMIT) {
    compiled.clear();
    meta.clear();
    ajv = createAjv({ strictSchema: true, strictTypes: false, strictTuples: false, strictRequired: false });
    ajv.addVocabulary(FORM_ANNOTATIONS);
  }
  return ajv;
}

/** Null when `schema` compiles; else what ajv threw. */
export function compileError(schema: JsonSchema): { error: unknown } | null {
  const a = strictAjv();
  const key = canonicalJson(withoutText(schema) as JsonSchema);
  if (compiled.has(key)) return compiled.get(key)!;
  let outcome: { error: unknown } | null = null;
  try {
    // Compile a copy: ajv keeps the object, and a schema with an $id would clash in its registry.
    a.compile(withoutId(JSON.parse(key) as JsonSchema) as object);
  } catch (error) {
    outcome = { error };
  }
  compiled.set(key, outcome);
  return outcome;
}

/** The meta-schema errors of `schema` (none when it is a valid draft-07 schema). */
export function metaErrors(schema: JsonSchema): SchemaError[] {
  const a = strictAjv();
  const key = canonicalJson(schema);
  let errors = meta.get(key);
  if (!errors) {
    errors = a.validateSchema(schema as object) ? [] : ((a.errors ?? []) as SchemaError[]).map((e) => ({ ...e }));
    meta.set(key, errors);
  }
  return errors;
}

function withoutId(schema: JsonSchema): JsonSchema {
  if (typeof schema !== 'object' || schema === null || !('$id' in schema)) return schema;
  const { $id: _id, ...rest } = schema;
  return rest;
}
