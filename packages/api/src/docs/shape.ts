/**
 * A JSON schema written as a compact, TypeScript-like shape for the markdown reference:
 * `{ code: string, status: integer (1–10), note?: string | null }`.
 */
type Schema = Record<string, unknown>;

const INDENT = '  ';

function scalar(s: Schema): string {
  const type = s.type as string | undefined;
  const notes: string[] = [];
  if (typeof s.format === 'string') notes.push(s.format);
  if (typeof s.minimum === 'number' && typeof s.maximum === 'number') notes.push(`${s.minimum}–${s.maximum}`);
  return `${type ?? 'any'}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

/** The shape of `schema`; `depth` is the indentation level of the line it starts on. */
export function shape(schema: unknown, depth = 0): string {
  if (!schema || typeof schema !== 'object') return 'any';
  const s = schema as Schema;
  if (typeof s.$ref === 'string')
    return s.$ref
      .split('/')
      .pop()!
      .replace(/\.schema\.json$/, '');
  if ('const' in s) return JSON.stringify(s.const);
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const alternatives = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (alternatives) {
    const parts = alternatives.map((a) => shape(a, depth + 1));
    if (parts.every((p) => !p.includes('\n'))) return parts.join(' | ');
    return parts.map((p) => `\n${INDENT.repeat(depth + 1)}| ${p}`).join('');
  }
  if (s.type === 'array') return `${wrap(shape(s.items, depth))}[]`;
  if (s.type === 'object' || s.properties) {
    const properties = Object.entries((s.properties ?? {}) as Record<string, Schema>);
    const required = new Set((s.required ?? []) as string[]);
    const extra =
      s.additionalProperties && typeof s.additionalProperties === 'object'
        ? [`[key: string]: ${shape(s.additionalProperties, depth + 1)}`]
        : s.patternProperties
          ? Object.entries(s.patternProperties as Record<string, Schema>).map(
              ([p, v]) => `[key${p === '^(.*)$' ? '' : ` matching ${p}`}: string]: ${shape(v, depth + 1)}`,
            )
          : [];
    const fields = [
      ...properties.map(([k, v]) => `${k}${required.has(k) ? '' : '?'}: ${shape(v, depth + 1)}`),
      ...extra,
    ];
    if (!fields.length) return s.additionalProperties === false ? '{}' : 'object';
    const flat = `{ ${fields.join(', ')} }`;
    if (flat.length + depth * 2 <= 100 && !flat.includes('\n')) return flat;
    return `{\n${fields.map((f) => `${INDENT.repeat(depth + 1)}${f}`).join(',\n')}\n${INDENT.repeat(depth)}}`;
  }
  return scalar(s);
}

const wrap = (s: string) => (s.includes(' | ') && !s.startsWith('{') ? `(${s})` : s);
