/**
 * The UI schema JSON Forms generates for a schema that has none (@jsonforms/core 3.x
 * `Generate.uiSchema(schema, 'VerticalLayout', '#', rootSchema)`): what the runtime lays out inside
 * a nested object control and in each row of an array without `options.detail`. A vertical layout
 * with one Control per property that has a type; a property that is an alternative
 * (`oneOf`/`anyOf`/`allOf`) or of several types is one Control. Null when the schema has no type.
 * Throws, as JSON Forms does, on a type that JSON Schema does not have.
 */
import { deriveTypes, isEmptyValue, resolveSchema } from './resolve-schema.ts';

export interface GeneratedElement {
  type: string;
  scope?: string;
  elements?: GeneratedElement[];
}

type Node = Record<string, unknown>;
const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null;
const field = (x: unknown, key: string): unknown => (isNode(x) ? x[key] : undefined);

const encode = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

export function generateUiSchema(schema: unknown, rootSchema: unknown): GeneratedElement | null {
  const element = generate(schema, [], '#', rootSchema);
  if (element !== null && element.elements === undefined) return { type: 'VerticalLayout', elements: [element] };
  return element;
}

const isCombinator = (schema: unknown) =>
  !isEmptyValue(schema) &&
  (!isEmptyValue(field(schema, 'oneOf')) ||
    !isEmptyValue(field(schema, 'anyOf')) ||
    !isEmptyValue(field(schema, 'allOf')));

function generate(schema: unknown, out: GeneratedElement[], scope: string, root: unknown): GeneratedElement | null {
  const ref = field(schema, '$ref');
  if (!isEmptyValue(schema) && ref !== undefined) return generate(resolveSchema(root, ref, root), out, scope, root);
  const control = () => {
    const c: GeneratedElement = { type: 'Control', scope };
    out.push(c);
    return c;
  };
  if (isCombinator(schema)) return control();
  const types = deriveTypes(schema);
  if (types.length === 0) return null;
  // Several types beside "null" (["null", "object"]): a nullable instance of the other one.
  const nonNull = types.filter((t) => t !== 'null');
  const effective = nonNull.length > 0 ? nonNull : types;
  if (effective.length > 1) return control();
  if (scope === '#' && effective[0] === 'object') {
    const layout: GeneratedElement = { type: 'VerticalLayout', elements: [] };
    out.push(layout);
    const properties = field(schema, 'properties');
    if (isNode(properties) && !isEmptyValue(properties)) {
      for (const name of Object.keys(properties)) {
        let value = properties[name];
        const valueRef = field(value, '$ref');
        if (valueRef !== undefined) value = resolveSchema(root, valueRef, root);
        generate(value, layout.elements!, `#/properties/${encode(name)}`, root);
      }
    }
    return layout;
  }
  switch (effective[0]) {
    case 'object':
    case 'array':
    case 'string':
    case 'number':
    case 'integer':
    case 'null':
    case 'boolean':
      return control();
    default:
      throw new Error(`Unknown type: ${JSON.stringify(schema)}`);
  }
}
