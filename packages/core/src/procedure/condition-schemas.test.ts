import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  conditionSchemas,
  createPrecompiledEvaluator,
  schemaKey,
  requiredDocuments,
  checkDocuments,
  computeFees,
  feeIssues,
  validateApplicantData,
  applicantIdentity,
  submitterIdentity,
  formatPointer,
  getAt,
  type CompiledValidator,
  type Procedure,
} from '../index.ts';
import { createAjvEvaluator } from '../conditions/ajv-evaluator.ts';
import { everyConditionProcedure, exampleProcedures } from '../testing/procedures.ts';

/**
 * An independent account of where schemas evaluated against applicant data live: the form
 * schema, every `when` anywhere outside the form, applicant.isOrganization, and every UI rule's
 * condition schema at any depth of the UI schema.
 */
function expectedPointers(p: Procedure): string[] {
  const out = ['/form/schema'];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, [...path, i]));
    if (typeof node !== 'object' || node === null) return;
    for (const [k, v] of Object.entries(node)) {
      const here = [...path, k];
      if (path[0] === 'form' && path[1] === 'schema') return;
      if (k === 'when' && path[0] !== 'form') out.push(formatPointer(here));
      else if (k === 'isOrganization' && path.length === 1 && path[0] === 'applicant') out.push(formatPointer(here));
      else if (k === 'schema' && path.at(-1) === 'condition' && path.at(-2) === 'rule' && path[0] === 'form')
        out.push(formatPointer(here));
      else walk(v, here);
    }
  };
  walk(p, []);
  return out.sort();
}

const all = (): [string, Procedure][] => [
  ['everyConditionProcedure', everyConditionProcedure()],
  ...exampleProcedures(),
];

test('conditionSchemas lists every condition and the form schema, with the schema found at its pointer', () => {
  for (const [name, p] of all()) {
    const listed = conditionSchemas(p);
    assert.deepEqual(listed.map((c) => c.pointer).sort(), expectedPointers(p), name);
    for (const c of listed) assert.equal(getAt(p, c.pointer), c.schema, `${name} ${c.pointer}`);
  }
  // the fixture really does use every kind of place
  const kinds = conditionSchemas(everyConditionProcedure()).map((c) => c.pointer.replace(/\/\d+/g, '/N'));
  assert.deepEqual([...new Set(kinds)].sort(), [
    '/applicant/isOrganization',
    '/documents/N/when',
    '/fees/items/N/exemptions/N/when',
    '/fees/items/N/when',
    '/form/schema',
    '/form/uischema/elements/N/elements/N/options/detail/elements/N/rule/condition/schema',
    '/form/uischema/elements/N/elements/N/rule/condition/schema',
    '/form/uischema/elements/N/rule/condition/schema',
    '/receiving/cases/N/when',
    '/report/responsibleAgency/cases/N/when',
    '/submitter/when',
    '/workflow/steps/N/agency/cases/N/when',
    '/workflow/steps/N/next/N/when',
  ]);
});

test('the engines run on a precompiled evaluator built from exactly conditionSchemas (as in the browser)', () => {
  const ajv = createAjvEvaluator();
  for (const [name, p] of all()) {
    const validators: Record<string, CompiledValidator> = {};
    for (const { schema } of conditionSchemas(p))
      validators[schemaKey(schema)] = ajv.compile(schema) as CompiledValidator;
    const ev = createPrecompiledEvaluator(validators);
    fc.assert(
      fc.property(fc.object({ maxDepth: 2 }), fc.boolean(), (random, flag) => {
        const data = {
          ...random,
          isCompany: flag,
          proxy: flag,
          filedByProxy: flag,
          birthEvidence: flag ? 'cam-doan' : 'giay-chung-sinh',
        };
        // every engine's answers equal those of the run-time ajv evaluator
        assert.deepEqual(requiredDocuments(p, data, ev), requiredDocuments(p, data, ajv), name);
        assert.deepEqual(checkDocuments(p, data, ev, {}), checkDocuments(p, data, ajv, {}), name);
        assert.deepEqual(feeIssues(p, data, ev), feeIssues(p, data, ajv), name);
        if (feeIssues(p, data, ev).length === 0)
          assert.deepEqual(computeFees(p, data, ev), computeFees(p, data, ajv), name);
        assert.deepEqual(validateApplicantData(p, data, ev), validateApplicantData(p, data, ajv), name);
        assert.deepEqual(applicantIdentity(p, data, ev), applicantIdentity(p, data, ajv), name);
        assert.deepEqual(submitterIdentity(p, data, ev), submitterIdentity(p, data, ajv), name);
        for (const { schema } of conditionSchemas(p))
          assert.deepEqual(ev.validate(schema, data), ajv.validate(schema, data));
      }),
      { numRuns: 100 },
    );
  }
});
