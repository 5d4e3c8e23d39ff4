/**
 * A JSON Schema read off a form's data, for a form given data without a schema (JSON Forms'
 * `Generate.jsonSchema`): objects with their properties, lists with the item schema of their
 * first item, and the types of the values. Unlike JSON Forms it marks nothing required (the data
 * shows what was filled in, not what must be), and a null says nothing of its type: it gets no
 * field rather than one nobody can fill in. An empty list gets no item schema (shown as texts).
 */
import type { JsonSchema } from '../model/procedure.ts';

export function generateJsonSchema(data: unknown): JsonSchema {
  if (Array.isArray(data)) {
    const first = data.find((item) => item !== null && item !== undefined);
    return first === undefined ? { type: 'array' } : { type: 'array', items: generateJsonSchema(first) };
  }
  if (typeof data === 'object' && data !== null) {
    const properties: Record<string, JsonSchema> = {};
    for (const [name, value] of Object.entries(data)) properties[name] = generateJsonSchema(value);
    return { type: 'object', properties };
  }
  switch (typeof data) {
    case 'string':
      return { type: 'string' };
    case 'boolean':
      return { type: 'boolean' };
    case 'number':
      return { type: Number.isInteger(data) ? 'integer' : 'number' };
    default:
      return {};
  }
}
