import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RENDERABILITY, rendererFor } from './renderability.ts';
import { NOT_APPLICABLE } from './testers.ts';

/** A small seeded generator (mulberry32): the same forms on every run, a failure reproducible. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

const NAMES = ['a', 'b', 'c', 'd', 'e'];

/** A random property schema of the kinds procedures use, and some they should not. */
function property(r: ReturnType<typeof random>, depth: number): Record<string, unknown> {
  const kind = r.pick([
    'string',
    'string',
    'integer',
    'number',
    'boolean',
    'enum',
    'oneOfEnum',
    'date',
    'time',
    'date-time',
    'email',
    'object',
    'array-object',
    'array-string',
    'multi-enum',
    'array',
    'tuple',
    'oneOf',
    'anyOf',
    'allOf',
    'ref',
    'range',
    'untyped',
    'null',
  ] as const);
  const nested = () => (depth < 2 ? object(r, depth + 1) : { type: 'object', properties: { x: { type: 'string' } } });
  switch (kind) {
    case 'enum':
      return { type: r.pick(['string', undefined]), enum: ['x', 'y'] };
    case 'oneOfEnum':
      return {
        oneOf: [
          { const: 'x', title: 'X' },
          { const: 'y', title: 'Y' },
        ],
      };
    case 'date':
    case 'time':
    case 'date-time':
    case 'email':
      return { type: 'string', format: kind };
    case 'object':
      return nested();
    case 'array-object':
      return { type: 'array', items: nested() };
    case 'array-string':
      return { type: 'array', items: { type: r.pick(['string', 'integer']) } };
    case 'multi-enum':
      return { type: 'array', uniqueItems: true, items: { enum: ['x', 'y'] } };
    case 'array':
      return { type: 'array' };
    case 'tuple':
      return { type: 'array', items: [{ type: 'string' }, { type: 'number' }] };
    case 'oneOf':
      return { oneOf: [nested(), { type: 'number' }] };
    case 'anyOf':
      return { anyOf: [{ type: 'string' }, nested()] };
    case 'allOf':
      return { allOf: [{ $ref: '#/definitions/part' }, nested()] };
    case 'ref':
      return { $ref: r.pick(['#/definitions/part', '#/definitions/choice', '#/definitions/missing']) };
    case 'range':
      return { type: r.pick(['integer', 'number']), minimum: 0, maximum: 9, default: 3 };
    case 'untyped':
      return {};
    default:
      return { type: kind };
  }
}

function object(r: ReturnType<typeof random>, depth: number): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const name of NAMES) if (r.next() < 0.8) properties[name] = property(r, depth);
  return { type: 'object', properties };
}

/** A random UI schema element over `schema` (scopes that exist, nested ones, and some that do not). */
function element(r: ReturnType<typeof random>, depth: number): Record<string, unknown> {
  const type =
    depth > 2
      ? 'Control'
      : r.pick([
          'Control',
          'Control',
          'Control',
          'VerticalLayout',
          'Group',
          'Categorization',
          'ListWithDetail',
          'Label',
        ]);
  if (type === 'Control' || type === 'ListWithDetail') {
    const path = Array.from({ length: 1 + Math.floor(r.next() * 2) }, () => `properties/${r.pick(NAMES)}`).join('/');
    const options = r.pick([undefined, { format: 'radio' }, { multi: true }, { slider: true }, { format: 'date' }]);
    return { type, scope: `#/${path}`, ...(options ? { options } : {}) };
  }
  const elements = Array.from({ length: 1 + Math.floor(r.next() * 3) }, () =>
    type === 'Categorization' && r.next() < 0.7
      ? { type: 'Category', elements: [element(r, depth + 1)] }
      : element(r, depth + 1),
  );
  return { type, elements };
}

/** Every element of a UI schema, depth first. */
const all = (el: Record<string, unknown>): Record<string, unknown>[] => [
  el,
  ...((el.elements as Record<string, unknown>[] | undefined) ?? []).flatMap(all),
];

test('a context shared by a form\u2019s rankings picks what each tester asked alone picks', () => {
  let compared = 0;
  for (let seed = 1; seed <= 300; seed++) {
    const r = random(seed);
    const root = { ...object(r, 0), definitions: { part: object(r, 1), choice: { type: 'string', enum: ['x'] } } };
    const shared = { rootSchema: root };
    for (const el of all(element(r, 0))) {
      // The reference: every tester with a context of its own, so nothing one resolved serves another.
      let expected: string | null = null;
      let rank = NOT_APPLICABLE;
      for (const entry of RENDERABILITY) {
        const got = entry.tester(el, root, { rootSchema: root });
        if (got > rank) [rank, expected] = [got, entry.name];
      }
      assert.equal(rendererFor(el, root, shared), rank > 0 ? expected : null, `seed ${seed}: ${JSON.stringify(el)}`);
      compared++;
    }
  }
  assert.ok(compared > 1000, `${compared} elements compared`);
});
