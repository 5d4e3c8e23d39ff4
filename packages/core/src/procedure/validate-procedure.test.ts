import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { validateProcedure } from '@motcua/core/validate';
import { createPrecompiledEvaluator, type Issue, type JsonSchemaObject, type Procedure } from '../index.ts';
import { createAjvEvaluator } from '../conditions/ajv-evaluator.ts';
import {
  everyConditionProcedure,
  exampleProcedure,
  exampleProcedures,
  minimalProcedure,
} from '../testing/procedures.ts';

/** Validates, checks every issue is bilingual, and returns the issues. */
function issuesOf(definition: unknown, options?: Parameters<typeof validateProcedure>[1]): Issue[] {
  const result = validateProcedure(definition, options);
  assert.equal(result.valid, result.issues.length === 0);
  for (const i of result.issues) {
    assert.ok(i.message.vi.trim() && i.message.en.trim(), `bilingual message for ${i.pointer}`);
    assert.notEqual(i.message.vi, i.message.en, `vi differs from en for ${i.pointer} (${i.message.en})`);
  }
  return result.issues;
}

/** Asserts that exactly one issue has this pointer and code, and returns it. */
function expectIssue(definition: unknown, pointer: string, code: string): Issue {
  const issues = issuesOf(definition);
  const found = issues.filter((i) => i.pointer === pointer && i.code === code);
  assert.equal(
    found.length,
    1,
    `expected ${code} at ${pointer}, got ${JSON.stringify(issues.map((i) => [i.pointer, i.code]))}`,
  );
  return found[0]!;
}

function broken(change: (p: Procedure) => void): Procedure {
  const p = minimalProcedure();
  change(p);
  return p;
}

describe('validateProcedure', () => {
  test('the examples and the fixtures are valid', () => {
    const examples = exampleProcedures();
    assert.ok(examples.size >= 3);
    for (const [name, p] of examples) assert.deepEqual(issuesOf(p), [], name);
    assert.deepEqual(issuesOf(minimalProcedure()), []);
    assert.deepEqual(issuesOf(everyConditionProcedure()), []);
  });

  test('not an object', () => {
    for (const v of [null, 3, 'x', []]) assert.equal(expectIssue(v, '', 'type').code, 'type');
  });

  describe('schema errors are collapsed to what the author meant', () => {
    test('a known mode with a missing property names that property', () => {
      const issues = issuesOf(broken((p) => ((p as { receiving: unknown }).receiving = { mode: 'choice' })));
      assert.deepEqual(
        issues.map((i) => [i.pointer, i.code]),
        [['/receiving/kind', 'required']],
      );
    });
    test('an unknown mode lists the allowed modes', () => {
      const issues = issuesOf(broken((p) => ((p as { receiving: unknown }).receiving = { mode: 'xyz', agency: 'a' })));
      assert.deepEqual(
        issues.map((i) => [i.pointer, i.code]),
        [['/receiving/mode', 'enum']],
      );
      assert.match(issues[0]!.message.en, /"fixed", "choice", "field", "condition"/);
    });
    test('a same-day deadline without its cut-off', () => {
      const issues = issuesOf(broken((p) => ((p as { deadline: unknown }).deadline = { unit: 'same-day' })));
      assert.deepEqual(
        issues.map((i) => [i.pointer, i.code]),
        [['/deadline/cutoff', 'required']],
      );
    });
    test('an unknown deadline unit lists every unit', () => {
      const issues = issuesOf(broken((p) => ((p as { deadline: unknown }).deadline = { unit: 'weeks', value: 2 })));
      assert.deepEqual(
        issues.map((i) => [i.pointer, i.code]),
        [['/deadline/unit', 'enum']],
      );
      assert.match(issues[0]!.message.vi, /"working-days", "working-hours", "calendar-days", "same-day"/);
    });
    test('a role that cannot act at a step', () => {
      const issues = issuesOf(broken((p) => ((p.workflow.steps[0] as { role: string }).role = 'admin')));
      assert.deepEqual(
        issues.map((i) => [i.pointer, i.code]),
        [['/workflow/steps/0/role', 'enum']],
      );
      assert.match(issues[0]!.message.en, /"reception", "specialist", "leader"/);
    });
    test('an agency reference picks the branch by its properties', () => {
      const issues = issuesOf(
        broken((p) => ((p.workflow.steps[0] as { agency: unknown }).agency = { kind: 'commune', code: 'bad code!' })),
      );
      assert.deepEqual(
        issues.map((i) => [i.pointer, i.code]),
        [['/workflow/steps/0/agency/code', 'pattern']],
      );
    });
    test('an empty agency reference names the alternatives', () => {
      const issues = issuesOf(broken((p) => ((p.workflow.steps[0] as { agency: unknown }).agency = {})));
      assert.deepEqual(
        issues.map((i) => [i.pointer, i.code]),
        [['/workflow/steps/0/agency', 'anyOf']],
      );
      assert.match(issues[0]!.message.en, /"relative", "kind", "code", "cases"/);
    });
    test('negative and fractional fees', () => {
      expectIssue(
        broken((p) => (p.fees.items[0]!.amount = -1)),
        '/fees/items/0/amount',
        'minimum',
      );
      expectIssue(
        broken((p) => (p.fees.items[0]!.amount = 10.5)),
        '/fees/items/0/amount',
        'type',
      );
    });
    test('a condition that is not a JSON Schema', () => {
      const issues = issuesOf(broken((p) => (p.documents[0]!.when = { type: 'strin' })));
      assert.deepEqual(
        issues.map((i) => [i.pointer, i.code]),
        [['/documents/0/when/type', 'enum']],
      );
      assert.match(issues[0]!.message.en, /"string"/);
      expectIssue(
        broken((p) => (p.documents[0]!.when = { required: 'x' } as never)),
        '/documents/0/when/required',
        'type',
      );
    });
    test('an unknown top-level property', () => {
      expectIssue(
        broken((p) => ((p as Record<string, unknown>).fee = {})),
        '',
        'additionalProperties',
      );
    });
    test('a missing required part', () => {
      expectIssue(
        broken((p) => delete (p as Partial<Procedure>).workflow),
        '/workflow',
        'required',
      );
    });
  });

  describe('identity', () => {
    test('the national code shape', () => {
      expectIssue(
        broken((p) => (p.code = 'KS-01')),
        '/code',
        'national-code',
      );
      assert.deepEqual(issuesOf(broken((p) => (p.code = '1.001193.000.00.00.H56'))), []);
    });
    test('effective-until is not before effective-from', () => {
      expectIssue(
        broken((p) => (p.effectiveUntil = '2025-06-30')),
        '/effectiveUntil',
        'effective-dates',
      );
      assert.deepEqual(issuesOf(broken((p) => (p.effectiveUntil = '2025-07-01'))), []);
    });
  });

  test('unique ids', () => {
    expectIssue(
      broken((p) => p.documents.push({ ...p.documents[0]! })),
      '/documents/1/id',
      'duplicate-id',
    );
    expectIssue(
      broken((p) => p.fees.items.push({ ...p.fees.items[0]! })),
      '/fees/items/1/id',
      'duplicate-id',
    );
    const x = { id: 'x', title: { vi: 'X', en: 'X' }, when: { required: ['a'] } };
    expectIssue(
      broken((p) => (p.fees.items[0]!.exemptions = [x, x])),
      '/fees/items/0/exemptions/1/id',
      'duplicate-id',
    );
    expectIssue(
      broken((p) => p.workflow.steps.push({ ...p.workflow.steps[1]! })),
      '/workflow/steps/2/id',
      'duplicate-id',
    );
  });

  describe('the form schema', () => {
    test('is of type object', () => {
      expectIssue(
        broken((p) => (p.form.schema = { type: 'array' })),
        '/form/schema/type',
        'invalid-form-schema',
      );
    });
    test('compiles', () => {
      expectIssue(
        broken((p) => (p.form.schema = { type: 'object', properties: { a: { $ref: '#/definitions/none' } } })),
        '/form/schema',
        'invalid-form-schema',
      );
      expectIssue(
        broken((p) => (p.form.schema = { type: 'object', properties: { a: { type: 'string', format: 'vn-phone' } } })),
        '/form/schema',
        'invalid-form-schema',
      );
    });
    test('has no misspelt keyword', () => {
      const issue = expectIssue(
        broken(
          (p) =>
            ((p.form.schema as { properties: Record<string, unknown> }).properties.fullName = {
              type: 'string',
              minLenght: 2,
            }),
        ),
        '/form/schema/properties/fullName/minLenght',
        'invalid-form-schema',
      );
      assert.match(issue.message.en, /minLenght/);
    });
  });

  describe('references to form fields', () => {
    test('an applicant pointer to a missing field', () => {
      const issue = expectIssue(
        broken((p) => (p.applicant.person!.fullName = '/hoTen')),
        '/applicant/person/fullName',
        'unknown-field',
      );
      assert.match(issue.message.vi, /"\/hoTen" không có trong lược đồ tờ khai/);
    });
    test('an applicant pointer to an object', () => {
      expectIssue(
        broken((p) => (p.applicant.person!.address = '/address')),
        '/applicant/person/address',
        'field-type',
      );
      assert.deepEqual(issuesOf(broken((p) => (p.applicant.person!.address = '/address/street'))), []);
    });
    test('organisation and submitter pointers', () => {
      expectIssue(
        broken((p) => (p.applicant.organization = { name: '/companyName' })),
        '/applicant/organization/name',
        'unknown-field',
      );
      expectIssue(
        broken((p) => (p.submitter = { fullName: '/fullName', phone: '/phone' })),
        '/submitter/phone',
        'unknown-field',
      );
    });
    test('an applicant is declared', () => {
      expectIssue(
        broken((p) => (p.applicant = {})),
        '/applicant',
        'no-applicant',
      );
    });
    test('a fee quantity field exists and is a number', () => {
      expectIssue(
        broken((p) => (p.fees.items[0]!.per = { field: '/count' })),
        '/fees/items/0/per/field',
        'unknown-field',
      );
      expectIssue(
        broken((p) => (p.fees.items[0]!.per = { field: '/fullName' })),
        '/fees/items/0/per/field',
        'field-type',
      );
      assert.deepEqual(issuesOf(broken((p) => (p.fees.items[0]!.per = { field: '/copies' }))), []);
    });
    test('the receiving field exists and holds text', () => {
      expectIssue(
        broken((p) => (p.receiving = { mode: 'field', field: '/commune' })),
        '/receiving/field',
        'unknown-field',
      );
      expectIssue(
        broken((p) => (p.receiving = { mode: 'field', field: '/copies' })),
        '/receiving/field',
        'field-type',
      );
      assert.deepEqual(
        issuesOf(broken((p) => (p.receiving = { mode: 'field', field: '/fullName', kind: 'commune' }))),
        [],
      );
    });
    test('fields declared through $ref, allOf/then and array items resolve', () => {
      const p = broken((p) => {
        p.form.schema = {
          type: 'object',
          definitions: { person: { type: 'object', properties: { name: { type: 'string' } } } },
          properties: {
            owner: { $ref: '#/definitions/person' },
            members: { type: 'array', items: { $ref: '#/definitions/person' } },
            proxy: { type: 'boolean' },
          },
          allOf: [
            { if: { properties: { proxy: { const: true } } }, then: { properties: { proxyName: { type: 'string' } } } },
          ],
        };
        p.form.uischema = {
          type: 'VerticalLayout',
          elements: [{ type: 'Control', scope: '#/properties/owner/properties/name' }],
        };
        p.applicant.person = { fullName: '/owner/name', idNumber: '/members/0/name' };
        p.submitter = { fullName: '/proxyName' };
      });
      assert.deepEqual(issuesOf(p), []);
    });
  });

  describe('the UI schema', () => {
    const ui = (uischema: unknown) => broken((p) => (p.form.uischema = uischema as Procedure['form']['uischema']));
    const control = (scope: string, extra: object = {}) => ({ type: 'Control', scope, ...extra });
    test('unknown element types', () => {
      expectIssue(
        ui({ type: 'VerticalLayout', elements: [{ type: 'Contol', scope: '#/properties/fullName' }] }),
        '/form/uischema/elements/0/type',
        'unknown-ui-element',
      );
    });
    test('scopes resolve in the form schema', () => {
      const issue = expectIssue(
        ui({ type: 'VerticalLayout', elements: [control('#/properties/hoTen')] }),
        '/form/uischema/elements/0/scope',
        'unknown-scope',
      );
      assert.match(issue.message.en, /#\/properties\/hoTen/);
      expectIssue(
        ui({ type: 'VerticalLayout', elements: [{ type: 'Control' }] }),
        '/form/uischema/elements/0/scope',
        'unknown-scope',
      );
      expectIssue(
        ui({ type: 'VerticalLayout', elements: [control('#/properties/address/properties/city')] }),
        '/form/uischema/elements/0/scope',
        'unknown-scope',
      );
    });
    test('layout structure', () => {
      expectIssue(
        ui({
          type: 'VerticalLayout',
          elements: [{ type: 'Category', label: 'x', elements: [control('#/properties/fullName')] }],
        }),
        '/form/uischema/elements/0/type',
        'ui-structure',
      );
      expectIssue(
        ui({ type: 'Categorization', elements: [control('#/properties/fullName')] }),
        '/form/uischema/elements/0/type',
        'ui-structure',
      );
      expectIssue(ui({ type: 'Group', label: 'x' }), '/form/uischema/elements', 'ui-structure');
      expectIssue(
        ui({ type: 'VerticalLayout', elements: [{ type: 'Label' }] }),
        '/form/uischema/elements/0/text',
        'ui-structure',
      );
      expectIssue(ui({ type: 'VerticalLayout', elements: ['x'] }), '/form/uischema/elements/0', 'ui-structure');
    });
    test('rules', () => {
      const rule = (r: unknown) =>
        ui({
          type: 'VerticalLayout',
          elements: [control('#/properties/fullName'), control('#/properties/idNumber', { rule: r })],
        });
      expectIssue(
        rule({ effect: 'SHOWN', condition: { scope: '#/properties/fullName', schema: { minLength: 1 } } }),
        '/form/uischema/elements/1/rule/effect',
        'ui-rule',
      );
      expectIssue(
        rule({ effect: 'SHOW', condition: { scope: '#/properties/ten', schema: { minLength: 1 } } }),
        '/form/uischema/elements/1/rule/condition/scope',
        'unknown-scope',
      );
      expectIssue(
        rule({ effect: 'SHOW', condition: { type: 'LEAF', scope: '#/properties/fullName', expectedValue: 'x' } }),
        '/form/uischema/elements/1/rule/condition',
        'ui-rule',
      );
      expectIssue(
        rule({ effect: 'SHOW', condition: { scope: '#/properties/fullName', schema: { minLength: -1 } } }),
        '/form/uischema/elements/1/rule/condition/schema/minLength',
        'minimum',
      );
      expectIssue(
        rule({ effect: 'SHOW', condition: { scope: '#/properties/fullName', schema: { cnst: 'x' } } }),
        '/form/uischema/elements/1/rule/condition/schema/cnst',
        'invalid-condition',
      );
      assert.deepEqual(
        issuesOf(rule({ effect: 'DISABLE', condition: { scope: '#', schema: { required: ['fullName'] } } })),
        [],
      );
    });
    test('a rule may read a declared derived value, as conditions do; an undeclared one is refused', () => {
      const late = (name: string) => {
        const p = exampleProcedure('1.001193');
        (p.form.uischema as { elements: unknown[] }).elements.push({
          type: 'Label',
          text: 'Quá hạn / Late',
          rule: {
            effect: 'SHOW',
            condition: { scope: `#/properties/$derived/properties/${name}`, schema: { exclusiveMinimum: 60 } },
          },
        });
        return p;
      };
      assert.deepEqual(issuesOf(late('daysSinceBirth')), []);
      const at = `/form/uischema/elements/${(exampleProcedure('1.001193').form.uischema as { elements: unknown[] }).elements.length}/rule/condition/scope`;
      expectIssue(late('daysSinceBirh'), at, 'unknown-derived');
      const derivedControl = ui({
        type: 'VerticalLayout',
        elements: [control('#/properties/$derived/properties/daysSinceBirth')],
      });
      expectIssue(derivedControl, '/form/uischema/elements/0/scope', 'unknown-scope');
    });
    test('an array detail layout resolves against the item schema', () => {
      const p = broken((p) => {
        (p.form.schema as { properties: Record<string, unknown> }).properties.members = {
          type: 'array',
          items: { type: 'object', properties: { name: { type: 'string' } } },
        };
      });
      const detail = (scope: string) => {
        const q = structuredClone(p);
        q.form.uischema = {
          type: 'VerticalLayout',
          elements: [
            control('#/properties/members', {
              options: { detail: { type: 'VerticalLayout', elements: [control(scope)] } },
            }),
          ],
        };
        return q;
      };
      assert.deepEqual(issuesOf(detail('#/properties/name')), []);
      expectIssue(
        detail('#/properties/fullName'),
        '/form/uischema/elements/0/options/detail/elements/0/scope',
        'unknown-scope',
      );
      const notArray = structuredClone(p);
      notArray.form.uischema = {
        type: 'VerticalLayout',
        elements: [
          control('#/properties/fullName', {
            options: { detail: { type: 'VerticalLayout', elements: [control('#/properties/name')] } },
          }),
        ],
      };
      expectIssue(notArray, '/form/uischema/elements/0/options/detail', 'ui-structure');
    });
  });

  describe('every element has a renderer', () => {
    /** The minimal procedure with `properties` added to its form and `elements` after its controls. */
    const form = (properties: Record<string, unknown>, ...elements: unknown[]) =>
      broken((p) => {
        Object.assign((p.form.schema as JsonSchemaObject).properties!, properties);
        (p.form.uischema.elements as unknown[]).push(...elements);
      });
    const control = (scope: string, extra: object = {}) => ({ type: 'Control', scope, ...extra });

    test('a control no renderer takes is refused at its pointer, saying what the applicant would see', () => {
      const issue = expectIssue(
        form({ either: { not: { type: 'string' } } }, control('#/properties/either')),
        '/form/uischema/elements/2',
        'no-renderer',
      );
      assert.match(issue.message.vi, /Control "#\/properties\/either".*không có kiểu.*không hỗ trợ/);
      assert.match(issue.message.en, /Control "#\/properties\/either".*no type.*no renderer.*"unsupported" box/);
      // An alternative the form would lay out with a field no renderer takes.
      const alternative = expectIssue(
        form(
          { either: { anyOf: [{ type: 'object', properties: { n: { type: 'null' } } }, { type: 'number' }] } },
          control('#/properties/either'),
        ),
        '/form/uischema/elements/2',
        'no-renderer',
      );
      assert.match(alternative.message.en, /"#\/properties\/n".*generates inside this element/);
      const nothing = expectIssue(
        form({ nothing: { type: 'null' } }, { type: 'Group', label: 'G', elements: [control('#/properties/nothing')] }),
        '/form/uischema/elements/2/elements/0',
        'no-renderer',
      );
      assert.match(nothing.message.en, /type null/);
      expectIssue(
        form(
          { pair: { type: 'array', items: [{ type: 'string' }, { type: 'number' }] } },
          control('#/properties/pair'),
        ),
        '/form/uischema/elements/2',
        'no-renderer',
      );
    });

    test('inside an object or a list, in the layout the form generates, reported at the control', () => {
      const nested = expectIssue(
        form({ place: { type: 'object', properties: { x: { type: 'null' } } } }, control('#/properties/place')),
        '/form/uischema/elements/2',
        'no-renderer',
      );
      assert.match(nested.message.en, /"#\/properties\/x".*generates inside this element/);
      expectIssue(
        form(
          { rows: { type: 'array', items: { type: 'object', properties: { y: { type: 'null' } } } } },
          control('#/properties/rows'),
        ),
        '/form/uischema/elements/2',
        'no-renderer',
      );
      // A list's own item layout (options.detail) is in the procedure: reported where it is.
      expectIssue(
        form(
          {
            rows: {
              type: 'array',
              items: { type: 'object', properties: { y: { type: 'null' }, z: { type: 'string' } } },
            },
          },
          control('#/properties/rows', {
            options: {
              detail: { type: 'VerticalLayout', elements: [control('#/properties/z'), control('#/properties/y')] },
            },
          }),
        ),
        '/form/uischema/elements/2/options/detail/elements/1',
        'no-renderer',
      );
    });

    test('what the runtime renders passes: every kind of control, nested, recursive schemas', () => {
      const p = form(
        {
          mail: { type: 'string', format: 'email' },
          kind: {
            oneOf: [
              { const: 'a', title: 'A' },
              { const: 'b', title: 'B' },
            ],
          },
          day: { type: 'string', format: 'date' },
          ok: { type: 'boolean' },
          langs: { type: 'array', uniqueItems: true, items: { enum: ['vi', 'en'] } },
          phones: { type: 'array', items: { type: 'string' } },
          tree: { $ref: '#/definitions/node' },
          ignored: {},
          id: {
            oneOf: [
              { title: 'CCCD', type: 'object', properties: { number: { type: 'string' } } },
              { title: 'Không có', type: 'null' },
            ],
          },
          amount: { anyOf: [{ type: 'string' }, { type: 'number' }] },
          both: { allOf: [{ $ref: '#/definitions/node' }, { properties: { note: { type: 'string' } } }] },
          looped: { $ref: '#/definitions/looped' },
          notes: { type: 'array' },
          rows: { type: 'array', items: { $ref: '#/definitions/node' } },
        },
        control('#/properties/mail'),
        control('#/properties/kind', { options: { format: 'radio' } }),
        control('#/properties/day'),
        control('#/properties/ok'),
        control('#/properties/langs'),
        control('#/properties/phones'),
        control('#/properties/address'),
        control('#/properties/tree'),
        control('#/properties/id'),
        control('#/properties/amount'),
        control('#/properties/both'),
        control('#/properties/looped'),
        control('#/properties/notes'),
        { type: 'ListWithDetail', scope: '#/properties/rows' },
      );
      (p.form.schema as JsonSchemaObject).definitions = {
        node: {
          type: 'object',
          properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/definitions/node' } } },
        },
        looped: {
          type: 'object',
          properties: { name: { type: 'string' }, next: { allOf: [{ $ref: '#/definitions/looped' }] } },
        },
      };
      assert.deepEqual(issuesOf(p), []);
    });

    test('a UI schema with structural errors gets those, not a second report per element', () => {
      const issues = issuesOf(form({}, { type: 'Contol', scope: '#/properties/fullName' }));
      assert.deepEqual(
        issues.map((i) => i.code),
        ['unknown-ui-element'],
      );
    });
  });

  describe('conditions', () => {
    test('a misspelt keyword would make a condition always true: it is an error at the keyword', () => {
      const issue = expectIssue(
        broken((p) => (p.documents[0]!.when = { properties: { copies: { minimun: 1 } } })),
        '/documents/0/when/properties/copies/minimun',
        'invalid-condition',
      );
      assert.match(issue.message.vi, /"minimun"/);
    });
    test('conditions in every place are compiled', () => {
      const bad = { properties: { x: { type: 'string', format: 'no-such-format' } } };
      const places: [string, (p: Procedure) => void][] = [
        [
          '/receiving/cases/0/when',
          (p) => (p.receiving = { mode: 'condition', cases: [{ when: bad, agency: '000.20.01.H56' }] }),
        ],
        [
          '/applicant/isOrganization',
          (p) =>
            (p.applicant = {
              person: { fullName: '/fullName' },
              organization: { name: '/fullName' },
              isOrganization: bad,
            }),
        ],
        ['/submitter/when', (p) => (p.submitter = { when: bad, fullName: '/fullName' })],
        ['/documents/0/when', (p) => (p.documents[0]!.when = bad)],
        ['/fees/items/0/when', (p) => (p.fees.items[0]!.when = bad)],
        [
          '/fees/items/0/exemptions/0/when',
          (p) => (p.fees.items[0]!.exemptions = [{ id: 'x', title: { vi: 'x' }, when: bad }]),
        ],
        [
          '/workflow/steps/0/agency/cases/0/when',
          (p) => (p.workflow.steps[0]!.agency = { cases: [{ when: bad, agency: { relative: 'owner' } }] }),
        ],
        ['/workflow/steps/0/next/0/when', (p) => p.workflow.steps[0]!.next!.unshift({ when: bad, step: 'ky' })],
        [
          '/report/responsibleAgency/cases/0/when',
          (p) => (p.report = { responsibleAgency: { cases: [{ when: bad, agency: { relative: 'owner' } }] } }),
        ],
      ];
      for (const [pointer, change] of places) {
        const issue = expectIssue(broken(change), pointer, 'invalid-condition');
        assert.match(issue.message.en, /no-such-format/);
      }
    });
    test('an invalid regular expression', () => {
      expectIssue(
        broken((p) => (p.documents[0]!.when = { properties: { fullName: { pattern: '([a-z' } } })),
        '/documents/0/when/properties/fullName/pattern',
        'invalid-condition',
      );
    });
    test('the host evaluator is tried when given', () => {
      const empty = createPrecompiledEvaluator({});
      const issues = issuesOf(
        broken((p) => (p.documents[0]!.when = { required: ['fullName'] })),
        { evaluator: empty },
      );
      assert.deepEqual(
        issues.map((i) => [i.pointer, i.code]),
        [
          ['/form/schema', 'condition-evaluator'],
          ['/documents/0/when', 'condition-evaluator'],
        ],
      );
      assert.deepEqual(issuesOf(minimalProcedure(), { evaluator: createAjvEvaluator() }), []);
    });
  });

  test('documents: minFiles ≤ maxFiles', () => {
    expectIssue(
      broken((p) => (p.documents[0]!.minFiles = 3)),
      '/documents/0/minFiles',
      'min-files-exceed-max',
    );
  });

  test('documents: a document to show has no file limits; an uploaded one has all four', () => {
    const shown = broken((p) => (p.documents[0]!.show = true));
    for (const key of ['mediaTypes', 'maxSizeBytes', 'minFiles', 'maxFiles']) {
      expectIssue(shown, `/documents/0/${key}`, 'show-document-file-limits');
    }
    const bare = broken((p) => {
      const { mediaTypes: _m, maxSizeBytes: _s, minFiles: _n, maxFiles: _x, ...rest } = p.documents[0]!;
      p.documents[0] = { ...rest, show: true };
    });
    assert.deepEqual(issuesOf(bare), []);
    const noTypes = broken((p) => delete p.documents[0]!.mediaTypes);
    assert.match(expectIssue(noTypes, '/documents/0', 'document-file-limits-missing').message.en, /"mediaTypes"/);
  });

  test("documents: channels are core's channel names, at least one, each once", () => {
    assert.deepEqual(issuesOf(broken((p) => (p.documents[0]!.channels = ['direct', 'postal']))), []);
    for (const channels of [[], ['online', 'online'], ['fax']]) {
      const p = broken((d) => ((d.documents[0] as { channels?: unknown }).channels = channels));
      assert.ok(
        issuesOf(p).some((i) => i.pointer.startsWith('/documents/0/channels')),
        `channels ${JSON.stringify(channels)} refused`,
      );
    }
  });

  test('deadline sanity', () => {
    expectIssue(
      broken((p) => (p.deadline = { unit: 'calendar-days', value: 2.5 })),
      '/deadline/value',
      'deadline',
    );
    expectIssue(
      broken((p) => (p.workflow.steps[0]!.budget = { unit: 'working-days', value: 4 })),
      '/workflow/steps/0/budget/value',
      'budget-exceeds-deadline',
    );
    expectIssue(
      broken((p) => {
        p.deadline = { unit: 'same-day', cutoff: '15:00' };
        p.workflow.steps[0]!.budget = { unit: 'working-days', value: 2 };
      }),
      '/workflow/steps/0/budget/value',
      'budget-exceeds-deadline',
    );
    assert.deepEqual(issuesOf(broken((p) => (p.workflow.steps[0]!.budget = { unit: 'working-hours', value: 40 }))), []);
  });

  describe('the workflow graph', () => {
    const step = (id: string, extra: object = {}) => ({
      id,
      title: { vi: id, en: id },
      agency: { relative: 'receiving' as const },
      role: 'specialist' as const,
      ...extra,
    });
    const flow = (start: string, ...steps: object[]) =>
      broken((p) => (p.workflow = { start, steps: steps as Procedure['workflow']['steps'] }));

    test('a start step that does not exist', () => {
      expectIssue(flow('tiep-nhan', step('xu-ly', { outcomes: ['approved'] })), '/workflow/start', 'unknown-step');
    });
    test('a next step that does not exist', () => {
      const issue = expectIssue(
        flow('a', step('a', { next: [{ step: 'tham-dinh' }], outcomes: ['denied'] })),
        '/workflow/steps/0/next/0/step',
        'unknown-step',
      );
      assert.equal(issue.message.vi, 'Bước tiếp theo "tham-dinh" không tồn tại');
    });
    test('an unreachable step', () => {
      const issue = expectIssue(
        flow('a', step('a', { outcomes: ['approved'] }), step('tham-dinh', { outcomes: ['approved'] })),
        '/workflow/steps/1',
        'unreachable-step',
      );
      assert.deepEqual(issue.message, {
        vi: 'Bước "tham-dinh" không tới được từ bước bắt đầu',
        en: 'Step "tham-dinh" cannot be reached from the start step',
      });
    });
    test('a dead end', () => {
      expectIssue(flow('a', step('a', { next: [{ step: 'b' }] }), step('b')), '/workflow/steps/1', 'dead-end');
      expectIssue(
        flow('a', step('a', { next: [{ step: 'b' }] }), step('b', { outcomes: [] })),
        '/workflow/steps/1',
        'dead-end',
      );
    });
    test('an external step needs a way back', () => {
      const issue = expectIssue(
        flow('a', step('a', { external: { system: 'thue' } })),
        '/workflow/steps/0',
        'dead-end',
      );
      assert.match(issue.message.en, /external system "thue"/);
    });
    test('conditional branches without a default can dead-end', () => {
      const p = flow(
        'a',
        step('a', { next: [{ when: { required: ['x'] }, step: 'b' }] }),
        step('b', { outcomes: ['approved'] }),
      );
      expectIssue(p, '/workflow/steps/0/next', 'no-default-branch');
      assert.deepEqual(
        issuesOf(
          flow(
            'a',
            step('a', { next: [{ when: { required: ['x'] }, step: 'b' }], outcomes: ['denied'] }),
            step('b', { outcomes: ['approved'] }),
          ),
        ),
        [],
      );
    });
    test('branches after a default are never taken', () => {
      const p = flow(
        'a',
        step('a', { next: [{ step: 'b' }, { when: { required: ['x'] }, step: 'b' }] }),
        step('b', { outcomes: ['approved'] }),
      );
      expectIssue(p, '/workflow/steps/0/next/1', 'unreachable-branch');
    });
    test('a cycle that never reaches an outcome', () => {
      const p = flow('a', step('a', { next: [{ step: 'b' }] }), step('b', { next: [{ step: 'a' }] }));
      const issues = issuesOf(p);
      assert.deepEqual(
        issues.map((i) => [i.pointer, i.code]),
        [
          ['/workflow/steps/0', 'no-outcome'],
          ['/workflow/steps/1', 'no-outcome'],
        ],
      );
      assert.match(issues[0]!.message.en, /cycle forever/);
    });
    test('a cycle with an exit is fine', () => {
      const p = flow(
        'a',
        step('a', { next: [{ step: 'b' }] }),
        step('b', { next: [{ when: { required: ['again'] }, step: 'a' }, { step: 'c' }] }),
        step('c', { outcomes: ['approved', 'denied'] }),
      );
      assert.deepEqual(issuesOf(p), []);
    });
    test('a typo in a branch is reported once, not again as a missing outcome upstream', () => {
      const issues = issuesOf(
        flow(
          'a',
          step('a', { next: [{ step: 'b' }] }),
          step('b', { next: [{ step: 'kk' }] }),
          step('k', { outcomes: ['approved'] }),
        ),
      );
      assert.deepEqual(
        issues.map((i) => [i.pointer, i.code]),
        [
          ['/workflow/steps/1/next/0/step', 'unknown-step'],
          ['/workflow/steps/2', 'unreachable-step'],
        ],
      );
    });
    test('a chain that leads only to a dead end', () => {
      const issues = issuesOf(flow('a', step('a', { next: [{ step: 'b' }] }), step('b')));
      assert.deepEqual(
        issues.map((i) => [i.pointer, i.code]),
        [
          ['/workflow/steps/1', 'dead-end'],
          ['/workflow/steps/0', 'no-outcome'],
        ],
      );
    });
  });
});
