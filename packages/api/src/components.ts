import { Type } from '@sinclair/typebox';
import { CalendarSchema, type Calendar, type Procedure } from '@motcua/core';
import procedureSchema from '@motcua/core/schema/procedure.schema.json' with { type: 'json' };

/**
 * Schemas the contract refers to by `$ref` rather than copies: core's procedure definition and
 * working calendar file. The OpenAPI document lists them under `components.schemas`; response
 * checks register them once.
 */
export const COMPONENTS: Record<string, { $id: string; schema: Record<string, unknown> }> = {
  Procedure: { $id: procedureSchema.$id, schema: procedureSchema as Record<string, unknown> },
  Calendar: { $id: CalendarSchema.$id!, schema: JSON.parse(JSON.stringify(CalendarSchema)) },
};

/** A published procedure definition (packages/core/schema/procedure.schema.json). */
export const ProcedureRef = Type.Unsafe<Procedure>({ $ref: procedureSchema.$id });
/** A working calendar in the calendar file format (core's CalendarSchema). */
export const CalendarRef = Type.Unsafe<Calendar>({ $ref: CalendarSchema.$id! });
