import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { changeSummary } from './change-summary.ts';
import { definitionDiff } from './definition-diff.ts';
import { lineDiff } from './line-diff.ts';
import { canonicalJson } from '../conditions/canonical-json.ts';
import { minimalProcedure } from '../testing/procedures.ts';
import { getAt, parsePointer } from '../model/json-pointer.ts';

test('definitionDiff matches list items by id and ignores key order', () => {
  const a = minimalProcedure();
  const b = structuredClone(a);
  b.documents.unshift({ ...structuredClone(a.documents[0]!), id: 'moi', title: { vi: 'Mới' } });
  b.fees.items[0]!.amount = 70000;
  assert.deepEqual(
    definitionDiff(a, b).map((c) => [c.op, c.pointer]),
    [
      ['add', '/documents/0'],
      ['replace', '/fees/items/0/amount'],
    ],
  );
  const { code, ...rest } = a;
  assert.deepEqual(definitionDiff(a, { ...rest, code }), []);
});

test('changeSummary says what changed in both languages', () => {
  const a = minimalProcedure();
  const b = structuredClone(a);
  b.fees.items[0]!.amount = 70000;
  b.deadline = { unit: 'working-days', value: 2 };
  b.documents = [];
  (b.form.schema as { properties: Record<string, unknown> }).properties.phone = { type: 'string' };
  b.title = { vi: 'Tên mới', en: 'New name' };
  const text = changeSummary(a, b).map((s) => s.message.vi);
  assert.deepEqual(text.sort(), [
    'Bỏ giấy tờ "Đơn đề nghị"',
    'Mức thu "Lệ phí": 50.000 đồng → 70.000 đồng',
    'Thêm trường "/phone" của tờ khai',
    'Thời hạn giải quyết: 3 ngày làm việc → 2 ngày làm việc',
    'Tên thủ tục thay đổi',
  ]);
  assert.ok(changeSummary(a, b).every((s) => s.message.en.length > 0));
  assert.deepEqual(changeSummary(a, a), []);
  assert.equal(changeSummary(null, a).length, 1);
});

test('lineDiff aligns lines and numbers them on both sides', () => {
  const d = lineDiff('a\nb\nc\nd', 'a\nc\nx\nd');
  assert.deepEqual(
    d.map((l) => `${l.kind[0]}${l.text}`),
    ['sa', 'rb', 'sc', 'ax', 'sd'],
  );
  assert.equal(d.find((l) => l.text === 'x')!.newLine, 3);
});

const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.integer({ min: 0, max: 5 }),
    fc.constantFrom('x', 'y'),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** Applies a diff to `a` (removals from the end first, by the pointers it reports); for lists without ids. */
function apply(a: unknown, changes: ReturnType<typeof definitionDiff>): unknown {
  let doc = structuredClone(a);
  const set = (pointer: string, value: unknown, remove: boolean) => {
    const path = parsePointer(pointer);
    if (path.length === 0) {
      doc = value;
      return;
    }
    const parent = getAt(
      doc,
      path
        .slice(0, -1)
        .map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1'))
        .join(''),
    ) as Record<string, unknown> | unknown[];
    const key = path[path.length - 1]!;
    if (Array.isArray(parent)) {
      if (remove) parent.splice(Number(key), 1);
      else parent[Number(key)] = value;
    } else if (remove) delete parent[key];
    else parent[key] = value;
  };
  const removals = changes.filter((c) => c.op === 'remove').reverse();
  for (const c of removals) set(c.pointer, undefined, true);
  for (const c of changes) if (c.op !== 'remove') set(c.pointer, c.after, false);
  return doc;
}

test('property: applying the diff of a to b gives b; the diff of a value with itself is empty', () => {
  fc.assert(
    fc.property(json, json, (a, b) => {
      assert.deepEqual(definitionDiff(a, a), []);
      assert.equal(canonicalJson(apply(a, definitionDiff(a, b))), canonicalJson(b));
    }),
    { numRuns: 300 },
  );
});

test('property: lineDiff keeps every line of both texts in order', () => {
  const lines = fc.array(fc.constantFrom('a', 'b', 'c', '{', '}'), { maxLength: 12 });
  fc.assert(
    fc.property(lines, lines, (x, y) => {
      const d = lineDiff(x.join('\n'), y.join('\n'));
      assert.deepEqual(
        d.filter((l) => l.kind !== 'added').map((l) => l.text),
        x.join('\n').split('\n'),
      );
      assert.deepEqual(
        d.filter((l) => l.kind !== 'removed').map((l) => l.text),
        y.join('\n').split('\n'),
      );
    }),
  );
});
