import type { TSchema } from '@sinclair/typebox';
import { COMPONENTS } from '@motcua/api';
import { createAjv } from '@motcua/core/ajv';
import { schemaErrorMessage, schemaErrorPointer, type Issue, type SchemaError } from '@motcua/core';

/**
 * Request input validation against the contract's TypeBox schemas, with core's ajv options (so
 * formats and messages match everything else) and core's vi/en keyword messages. Path and query
 * strings are coerced to the declared types; JSON bodies are not. A case action is told apart by
 * its `kind` (discriminator), so its errors point into that kind's own parameters.
 */
const ajvCoercing = createAjv({ coerceTypes: true, useDefaults: true, removeAdditional: false, discriminator: true });
const ajvStrict = createAjv({ useDefaults: true, discriminator: true });
for (const c of Object.values(COMPONENTS)) for (const ajv of [ajvCoercing, ajvStrict]) ajv.addSchema(c.schema);

export type Check = (value: unknown) => Issue[];

export function compileCheck(schema: TSchema, prefix: string, coerce: boolean): Check {
  const fn = (coerce ? ajvCoercing : ajvStrict).compile(schema);
  return (value) => {
    if (fn(value)) return [];
    return ((fn.errors ?? []) as SchemaError[]).map((e) => ({
      pointer: prefix + schemaErrorPointer(e),
      code: e.keyword,
      message: schemaErrorMessage(e),
    }));
  };
}

const compiled = new WeakMap<TSchema, Map<string, Check>>();

/** Validates a value against a schema (compiled on first use, then cached per schema and prefix). */
export function validateOnce(schema: TSchema, value: unknown, prefix = ''): Issue[] {
  let byPrefix = compiled.get(schema);
  if (!byPrefix) compiled.set(schema, (byPrefix = new Map()));
  let check = byPrefix.get(prefix);
  if (!check) byPrefix.set(prefix, (check = compileCheck(schema, prefix, false)));
  return check(value);
}
