// The example procedures follow the law in force: the construction permit under the Construction
// Law 2025 (from 1 July 2026) and household business registration with the members' authorisation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requiredDocuments } from '../procedure/documents.ts';
import { createAjvEvaluator } from '../conditions/ajv-evaluator.ts';
import { exampleProcedure, exampleProcedures } from '../testing/procedures.ts';
import type { JsonSchemaObject } from '../model/procedure.ts';

const ev = createAjvEvaluator();
const required = (code: string, data: unknown) =>
  requiredDocuments(exampleProcedure(code), data, ev)
    .filter((c) => c.required)
    .map((c) => c.document.id);

const permitData = (building: object, site: object = {}) => ({
  site: { commune: 'trung-tam', inPlannedArea: true, ...site },
  building: { floors: 3, basement: false, adjoinsExisting: false, ...building },
  filedByProxy: false,
});

test('construction permit: the post-2025 national code, in force from 1 July 2026, 7 working days, fully online', () => {
  const files = [...exampleProcedures().keys()];
  assert.ok(files.includes('1.013225-cap-giay-phep-xay-dung-nha-o-rieng-le.json'), files.join(', '));
  assert.ok(!files.some((f) => f.startsWith('1.009994')), 'the pre-2026 code is gone');
  const permit = exampleProcedure('1.013225');
  assert.equal(permit.effectiveFrom, '2026-07-01');
  assert.deepEqual(permit.deadline, { unit: 'working-days', value: 7 });
  assert.equal(permit.serviceLevel, 'full');
  assert.deepEqual(permit.legalBasis.map((l) => l.ref).slice(0, 2), ['135/2025/QH15', '217/2026/NĐ-CP']);
});

test('construction permit: the step budgets fit in the 7 working days on the longest route', () => {
  const permit = exampleProcedure('1.013225');
  const total = permit.workflow.steps.reduce((n, s) => n + (s.budget?.unit === 'working-days' ? s.budget.value : 0), 0);
  assert.equal(total, 7);
});

test('construction permit: the opinions "when required" follow the answers', () => {
  const base = ['don-de-nghi', 'giay-to-quyen-su-dung-dat', 'ban-ve-thiet-ke'];
  assert.deepEqual(required('1.013225', permitData({})), base);
  assert.deepEqual(required('1.013225', permitData({ basement: true })), [...base, 'ket-qua-tham-tra-thiet-ke']);
  assert.deepEqual(required('1.013225', permitData({ floors: 7 })), [...base, 'ket-qua-tham-tra-thiet-ke']);
  assert.deepEqual(required('1.013225', permitData({ fireSafetyReview: true })), [...base, 'van-ban-tham-dinh-pccc']);
  assert.deepEqual(required('1.013225', permitData({}, { heritageZone: true })), [...base, 'y-kien-co-quan-di-san']);
  assert.match(exampleProcedure('1.013225').documents[0]!.title.vi, /Mẫu số 01 Phụ lục II/);
});

test('construction permit: the form tells an applicant who may be exempt, and only them', () => {
  const permit = exampleProcedure('1.013225');
  const categories = (permit.form.uischema as { elements: { elements: Record<string, unknown>[] }[] }).elements;
  const notices = categories.flatMap((c) => c.elements).filter((e) => e.type === 'Label' && e.rule);
  assert.equal(notices.length, 1, 'one exemption notice');
  const notice = notices[0] as {
    text: string;
    rule: { effect: string; condition: { scope: string; schema: JsonSchemaObject } };
  };
  assert.match(notice.text, /miễn giấy phép xây dựng/);
  assert.match(notice.text, /may be exempt/);
  assert.equal(notice.rule.effect, 'SHOW');
  assert.equal(notice.rule.condition.scope, '#');
  const shown = (floors: number, totalFloorArea: number, inPlannedArea: boolean) =>
    ev.validate(notice.rule.condition.schema, permitData({ floors, totalFloorArea }, { inPlannedArea })).length === 0;
  assert.equal(shown(6, 499, false), true, '6 storeys, 499 m², outside a planned area');
  assert.equal(shown(7, 499, false), false, '7 storeys');
  assert.equal(shown(6, 500, false), false, '500 m²');
  assert.equal(shown(6, 499, true), false, 'in a planned area');
  assert.equal(ev.validate(notice.rule.condition.schema, {}).length === 0, false, 'not before the answers');
});

test('household business: the members authorise the owner when there are members besides the owner', () => {
  const data = (members: unknown[] | undefined) => ({
    registrationType: members ? 'thanh-vien-ho-gia-dinh' : 'ca-nhan',
    ...(members ? { members } : {}),
    filedByProxy: false,
  });
  assert.deepEqual(required('1.001612', data(undefined)), ['giay-de-nghi']);
  assert.deepEqual(required('1.001612', data([{ fullName: 'Trần Thị Bình', idNumber: '001190012346' }])), [
    'giay-de-nghi',
    'bien-ban-hop-thanh-vien',
    'uy-quyen-lam-chu-ho',
  ]);
  assert.ok(!required('1.001612', data([])).includes('uy-quyen-lam-chu-ho'), 'no members, nobody to authorise');
});
