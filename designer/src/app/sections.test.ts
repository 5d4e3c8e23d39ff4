import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runScenarios, type Procedure } from '@motcua/core';
import { exampleProcedures, minimalProcedure } from '../../../packages/core/src/testing/procedures.ts';
import { demoEnvironment } from '../../../packages/core/src/testing/province.ts';
import { sectionOf, sectionStatus } from './sections.ts';
import type { Definition } from '../store/definition-store.ts';

const asDraft = (p: Procedure) => p as unknown as Definition;

test('problems belong to the section that edits their place; complete means filled and no problem', () => {
  assert.equal(sectionOf('/form/uischema/elements/0'), 'form');
  assert.equal(sectionOf('/applicant/person/fullName'), 'general');
  assert.equal(sectionOf('/fees/items/0/exemptions/0/when'), 'fees');
  assert.equal(sectionOf('/receiving/field'), 'routing');
  assert.equal(sectionOf('/conditions/1/when'), 'conditions');
  assert.equal(sectionOf('/scenarios/0/expect/documents/0'), 'scenarios');
  assert.equal(sectionOf('/titles'), 'general');
  assert.equal(sectionOf(''), 'general');
  const d = minimalProcedure();
  d.legalBasis = [{ ref: '123/2015/NĐ-CP', title: { vi: 'Nghị định về hộ tịch' } }];
  const status = sectionStatus(asDraft(d), [
    { pointer: '/documents/0/maxFiles', code: 'x', message: { vi: 'a', en: 'a' } },
  ]);
  assert.deepEqual(status.general, { done: true, problems: 0 });
  assert.deepEqual(status.documents, { done: false, problems: 1 });
  assert.equal(status.routing.done, true);
  assert.equal(sectionStatus({ ...asDraft(d), documents: [] }, []).documents.done, false);
});

test('General is complete with its identity: names, field, service level, effective date and a legal basis', () => {
  const d = minimalProcedure();
  assert.equal(sectionStatus(asDraft(d), []).general.done, false, 'no legal basis yet');
  d.legalBasis = [{ ref: '', title: { vi: 'Luật Hộ tịch' } }];
  assert.equal(sectionStatus(asDraft(d), []).general.done, false, 'an instrument without its number');
  d.legalBasis[0]!.ref = '60/2014/QH13';
  assert.equal(sectionStatus(asDraft(d), []).general.done, true);
  const { serviceLevel: _level, ...noLevel } = asDraft(d);
  assert.equal(sectionStatus(noLevel, []).general.done, false, 'no service level');
  const wrongTitle = [{ pointer: '/title/vi', code: 'minLength', message: { vi: 'a', en: 'a' } }];
  assert.deepEqual(sectionStatus(asDraft(d), wrongTitle).general, { done: false, problems: 1 });
});

test('Conditions are complete when each named one is placed somewhere and core finds no problem in them', () => {
  const birth = minimalProcedure();
  const copies = { properties: { copies: { minimum: 1 } }, required: ['copies'] };
  birth.conditions = [{ id: 'co-ban-sao', title: { vi: 'có xin bản sao' }, when: copies }];
  assert.equal(sectionStatus(asDraft(birth), []).conditions.done, false, 'named but placed nowhere');
  birth.fees.items.push({ id: 'ban-sao', title: { vi: 'Phí bản sao' }, kind: 'fee', amount: 5000, when: copies });
  assert.equal(sectionStatus(asDraft(birth), []).conditions.done, true);
  const unused = structuredClone(birth);
  unused.conditions!.push({
    id: 'khong-dung',
    title: { vi: 'không nơi nào dùng' },
    when: { properties: { nowhere: { const: true } }, required: ['nowhere'] },
  });
  assert.equal(sectionStatus(asDraft(unused), []).conditions.done, false);
  const problem = [{ pointer: '/conditions/0/when', code: 'schema', message: { vi: 'a', en: 'a' } }];
  assert.deepEqual(sectionStatus(asDraft(birth), problem).conditions, { done: false, problems: 1 });
  assert.equal(sectionStatus(asDraft(minimalProcedure()), []).conditions.done, false, 'none named');
});

test('Test scenarios are complete when core ran them and every one passed; a failing one is a problem', () => {
  const env = demoEnvironment();
  const p = [...exampleProcedures().values()].find((x) => x.code === '1.001612')!;
  assert.equal(sectionStatus(asDraft(p), [], null).scenarios.done, false, 'not run yet');
  assert.deepEqual(sectionStatus(asDraft(p), [], runScenarios(p, env)).scenarios, { done: true, problems: 0 });
  // Both saved scenarios expect the 100,000 VND charge: each that fails is one problem.
  p.fees.items[0]!.amount = 150000;
  assert.deepEqual(sectionStatus(asDraft(p), [], runScenarios(p, env)).scenarios, { done: false, problems: 2 });
  p.scenarios = p.scenarios!.slice(0, 1);
  assert.deepEqual(sectionStatus(asDraft(p), [], runScenarios(p, env)).scenarios, { done: false, problems: 1 });
  const none = { ...p, scenarios: [] };
  assert.equal(sectionStatus(asDraft(none), [], runScenarios(none, env)).scenarios.done, false);
});
