import type { ControlElement, UISchemaElement } from '@jsonforms/core';
import { generateUiSchema } from '@motcua/core';

/**
 * The UI schema laid out inside an object control or an array row: the control's own
 * `options.detail` when it is one, else the one JSON Forms generates for the schema — what
 * JSON Forms' findUISchema answers for a form without registered UI schemas, which the runtime
 * never registers.
 */
export function detailUiSchema(control: ControlElement, schema: unknown, rootSchema: unknown): UISchemaElement {
  const detail: unknown = control.options?.detail;
  if (typeof detail === 'object' && detail !== null && typeof (detail as { type?: unknown }).type === 'string')
    return detail as UISchemaElement;
  return generateUiSchema(schema, rootSchema) as UISchemaElement;
}
