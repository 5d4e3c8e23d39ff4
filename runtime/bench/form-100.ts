/** The benchmark's form: 100 fields of the kinds procedures use, as JSON Schema + UI schema. */
export interface Field {
  name: string;
  label: string;
  kind: 'text' | 'integer' | 'number' | 'boolean' | 'enum' | 'date';
}

export function fields(): Field[] {
  const kinds: Field['kind'][] = [
    'text',
    'text',
    'text',
    'text',
    'integer',
    'integer',
    'number',
    'boolean',
    'enum',
    'date',
  ];
  return Array.from({ length: 100 }, (_, i) => ({
    name: `f${i}`,
    label: `Trường số ${i + 1}`,
    kind: kinds[i % kinds.length]!,
  }));
}

export const OPTIONS = ['Một', 'Hai', 'Ba', 'Bốn'];

export function schema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const f of fields()) {
    const base = { title: f.label };
    properties[f.name] =
      f.kind === 'text'
        ? { ...base, type: 'string', maxLength: 100 }
        : f.kind === 'integer'
          ? { ...base, type: 'integer', minimum: 0 }
          : f.kind === 'number'
            ? { ...base, type: 'number' }
            : f.kind === 'boolean'
              ? { ...base, type: 'boolean' }
              : f.kind === 'enum'
                ? { ...base, type: 'string', enum: OPTIONS }
                : { ...base, type: 'string', format: 'date' };
  }
  return {
    type: 'object',
    properties,
    required: fields()
      .filter((_, i) => i % 5 === 0)
      .map((f) => f.name),
  };
}

export function uischema(): Record<string, unknown> {
  const f = fields();
  const rows = [];
  for (let i = 0; i < f.length; i += 2) {
    rows.push({
      type: 'HorizontalLayout',
      elements: f.slice(i, i + 2).map((x) => ({ type: 'Control', scope: `#/properties/${x.name}` })),
    });
  }
  return { type: 'VerticalLayout', elements: rows };
}
