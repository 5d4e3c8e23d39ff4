import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTION_PARAMS } from '@motcua/core';
import { collectParams, descriptionOf, fieldKind, type ParamSchema } from './param-schema.ts';

const schema = (kind: keyof typeof ACTION_PARAMS) => ACTION_PARAMS[kind] as unknown as ParamSchema;
const toEpoch = (v: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? Date.parse(`${v}:00+07:00`) : null);

test('each parameter of core\u2019s actions gets an input of its kind', () => {
  const p = (kind: keyof typeof ACTION_PARAMS, key: string) => fieldKind(schema(kind).properties![key]!);
  assert.equal(p('request_payment', 'amount'), 'integer');
  assert.equal(p('extend', 'newDueAt'), 'instant');
  assert.equal(p('extend', 'reason'), 'longtext');
  assert.equal(p('refuse', 'reasons'), 'lines');
  assert.equal(p('request_supplement', 'items'), 'rows');
  assert.equal(p('receive_external', 'outcome'), 'choice');
  assert.equal(p('assign', 'assignee'), 'text');
});

test('parameters read from the form: typed, empty optional ones left out, missing required ones told', () => {
  const form = (values: Record<string, string>, rowCounts: Record<string, number> = {}) =>
    [(n: string) => values[n] ?? null, (n: string) => rowCounts[n] ?? 0, toEpoch] as const;
  assert.deepEqual(collectParams(schema('request_payment'), ...form({ amount: '8.000', description: ' ' })), {
    params: { amount: 8000 },
    problems: [],
  });
  const extend = collectParams(schema('extend'), ...form({ newDueAt: '2026-03-10T17:00', reason: 'Chờ xác minh' }));
  assert.deepEqual(extend.params, { newDueAt: Date.parse('2026-03-10T10:00:00Z'), reason: 'Chờ xác minh' });
  const refuse = collectParams(schema('refuse'), ...form({ reasons: 'Thiếu giấy tờ\n\n Sai mẫu ' }));
  assert.deepEqual(refuse.params, { reasons: ['Thiếu giấy tờ', 'Sai mẫu'] });
  const supplement = collectParams(
    schema('request_supplement'),
    ...form({ 'items.0.reason': 'Thiếu bản sao', 'items.1.documentId': '', dueBy: 'tomorrow' }, { items: 2 }),
  );
  assert.deepEqual(supplement.params, { items: [{ reason: 'Thiếu bản sao' }] });
  assert.deepEqual(
    supplement.problems.map((p) => [p.path, p.kind]),
    [['dueBy', 'invalid']],
  );
  const missing = collectParams(schema('stop'), ...form({}));
  assert.deepEqual(
    missing.problems.map((p) => [p.path, p.kind]),
    [['reason', 'required']],
  );
  assert.equal(collectParams(schema('request_payment'), ...form({ amount: '-5' })).problems[0]!.kind, 'invalid');
});

test('a date field\u2019s hint says what the date is for, not how the contract carries it', () => {
  const dueBy = schema('request_supplement').properties!['dueBy']!;
  assert.equal(fieldKind(dueBy), 'instant');
  assert.equal(descriptionOf(dueBy, 'vi'), 'Thời hạn người nộp phải bổ sung.');
  assert.equal(descriptionOf(dueBy, 'en'), 'The applicant\u2019s time limit.');
  for (const [kind, params] of Object.entries(ACTION_PARAMS))
    for (const [key, prop] of Object.entries((params as unknown as ParamSchema).properties ?? {}))
      for (const lang of ['vi', 'en'] as const)
        assert.doesNotMatch(descriptionOf(prop, lang), /epoch/, `${kind}.${key} (${lang})`);
});
