import { ProcedureSchema } from './procedure.ts';

/** The procedure schema as a plain JSON Schema (draft-07) document, as written to schema/procedure.schema.json. */
export function procedureSchemaJson(): Record<string, unknown> {
  const { $id, ...rest } = JSON.parse(JSON.stringify(ProcedureSchema)) as Record<string, unknown>;
  return { $schema: 'http://json-schema.org/draft-07/schema#', $id, ...rest };
}

export function procedureSchemaText(): string {
  return JSON.stringify(procedureSchemaJson(), null, 2) + '\n';
}
