import { splitDoc, type Lang } from '@motcua/core';

/** The part of JSON Schema that core's action parameters use. */
export interface ParamSchema {
  type?: string;
  title?: string;
  description?: string;
  properties?: Record<string, ParamSchema>;
  required?: string[];
  items?: ParamSchema;
  anyOf?: ParamSchema[];
  const?: unknown;
  enum?: unknown[];
  minimum?: number;
  maxLength?: number;
  minItems?: number;
  patternProperties?: Record<string, ParamSchema>;
}

export type FieldKind = 'text' | 'longtext' | 'integer' | 'instant' | 'choice' | 'lines' | 'rows' | 'unsupported';

/** How one parameter is asked for, from its schema alone. */
export function fieldKind(s: ParamSchema): FieldKind {
  if (s.anyOf?.every((o) => o.const !== undefined) || s.enum) return 'choice';
  if (s.type === 'string') return (s.maxLength ?? 0) >= 1000 ? 'longtext' : 'text';
  // Instants in action parameters are epoch milliseconds (the contract says so in each description).
  if (s.type === 'integer') return /epoch ms/.test(s.description ?? '') ? 'instant' : 'integer';
  if (s.type === 'array' && s.items?.type === 'string') return 'lines';
  if (s.type === 'array' && s.items?.type === 'object') return 'rows';
  return 'unsupported';
}

export const choices = (s: ParamSchema): string[] =>
  (s.enum ?? s.anyOf?.map((o) => o.const) ?? []).filter((v): v is string => typeof v === 'string');

export const titleOf = (s: ParamSchema, lang: Lang): string => splitDoc(s).title[lang] || '';
/** The hint under a field, without the contract's note on how an instant travels (the form asks a date). */
export const descriptionOf = (s: ParamSchema, lang: Lang): string =>
  (splitDoc(s).description[lang] || '').replace(/\s*\(epoch ms\)/g, '');

/** A missing or malformed parameter, by its path in the parameters (e.g. `items/0/reason`). */
export interface ParamProblem {
  path: string;
  schema: ParamSchema;
  kind: 'required' | 'invalid';
}

/**
 * Reads the parameters of `schema` from a form whose inputs are named by path (`items.0.reason`),
 * leaving empty optional values out. `toEpoch` turns a date-time input into epoch ms.
 */
export function collectParams(
  schema: ParamSchema,
  read: (name: string) => string | null,
  rows: (name: string) => number,
  toEpoch: (value: string) => number | null,
): { params: Record<string, unknown>; problems: ParamProblem[] } {
  const problems: ParamProblem[] = [];
  const object = (s: ParamSchema, prefix: string): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, prop] of Object.entries(s.properties ?? {})) {
      const name = prefix ? `${prefix}.${key}` : key;
      const required = s.required?.includes(key) ?? false;
      const before = problems.length;
      const value = field(prop, name);
      if (value === undefined) {
        if (required && problems.length === before)
          problems.push({ path: name.replaceAll('.', '/'), schema: prop, kind: 'required' });
      } else out[key] = value;
    }
    return out;
  };
  const field = (s: ParamSchema, name: string): unknown => {
    const kind = fieldKind(s);
    const raw = kind === 'rows' ? null : (read(name) ?? '').trim();
    switch (kind) {
      case 'text':
      case 'longtext':
      case 'choice':
        return raw ? raw : undefined;
      case 'integer': {
        if (!raw) return undefined;
        const n = Number(raw.replace(/[.\s,]/g, ''));
        if (!Number.isSafeInteger(n) || (s.minimum !== undefined && n < s.minimum)) {
          problems.push({ path: name.replaceAll('.', '/'), schema: s, kind: 'invalid' });
          return undefined;
        }
        return n;
      }
      case 'instant': {
        if (!raw) return undefined;
        const at = toEpoch(raw);
        if (at === null) problems.push({ path: name.replaceAll('.', '/'), schema: s, kind: 'invalid' });
        return at ?? undefined;
      }
      case 'lines': {
        const lines = (raw ?? '')
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
        return lines.length ? lines : undefined;
      }
      case 'rows': {
        const list: Record<string, unknown>[] = [];
        for (let i = 0; i < rows(name); i++) {
          const before = problems.length;
          const row = object(s.items!, `${name}.${i}`);
          // A row left wholly empty is no row (its "required" problems are dropped with it).
          if (Object.keys(row).length === 0) problems.length = before;
          else list.push(row);
        }
        return list.length ? list : undefined;
      }
      default:
        return undefined;
    }
  };
  return { params: object(schema, ''), problems };
}
