import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minimalProcedure } from '../../../packages/core/src/testing/procedures.ts';
import { sectionOf, sectionStatus } from './sections.ts';
import type { Definition } from '../store/definition-store.ts';

test('problems belong to the section that edits their place; complete means filled and no problem', () => {
  assert.equal(sectionOf('/form/uischema/elements/0'), 'form');
  assert.equal(sectionOf('/applicant/person/fullName'), 'general');
  assert.equal(sectionOf('/fees/items/0/exemptions/0/when'), 'fees');
  assert.equal(sectionOf('/receiving/field'), 'routing');
  assert.equal(sectionOf('/titles'), 'general');
  assert.equal(sectionOf(''), 'general');
  const d = minimalProcedure() as unknown as Definition;
  const status = sectionStatus(d, [{ pointer: '/documents/0/maxFiles', code: 'x', message: { vi: 'a', en: 'a' } }]);
  assert.deepEqual(status.general, { done: true, problems: 0 });
  assert.deepEqual(status.documents, { done: false, problems: 1 });
  assert.equal(status.routing.done, true);
  assert.equal(sectionStatus({ ...d, documents: [] }, []).documents.done, false);
});
