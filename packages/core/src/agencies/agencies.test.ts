import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createAjvEvaluator } from '../conditions/ajv-evaluator.ts';
import {
  createAgencyDirectory,
  createAgencyDirectoryUnchecked,
  validateAgencies,
  AgencyDirectoryError,
  resolveReceivingAgency,
  resolveAgencyRef,
  type Agency,
  type AgencyRefContext,
} from './index.ts';
import { AGENCY_KINDS_2008, AGENCY_KINDS_2025 } from '../vocabulary/agency-kinds.ts';
import type { Procedure } from '../model/procedure.ts';
import {
  AGENCIES_2025,
  directory,
  PROVINCE,
  CENTRE,
  JUSTICE,
  CONSTRUCTION,
  FINANCE,
  WARD_1,
  WARD_2,
  COMMUNE_3,
} from '../workflow/testing/fixtures.ts';

const TZ = 'Asia/Ho_Chi_Minh';
const ag = (code: string, kind: string, parent: string | null): Agency => ({
  code,
  kind,
  parent,
  name: { vi: code },
  timeZone: TZ,
});
const evaluator = createAjvEvaluator();

/** A province before 1 July 2025: province → districts (with their offices) → communes. */
const AGENCIES_2008: Agency[] = [
  ag('P', 'province', null),
  ag('P.TP', 'province-department', 'P'),
  ag('P.XD', 'province-department', 'P'),
  ag('D1', 'district', 'P'),
  ag('D1.TP', 'district-office', 'D1'),
  ag('D1.KT', 'district-office', 'D1'),
  ag('D1.C1', 'commune', 'D1'),
  ag('D1.C2', 'commune', 'D1'),
  ag('D2', 'district', 'P'),
  ag('D2.TP', 'district-office', 'D2'),
  ag('D2.C1', 'commune', 'D2'),
];
const old = createAgencyDirectory(AGENCIES_2008, { kinds: AGENCY_KINDS_2008 });

describe('agency directory', () => {
  test('the unchecked builder (for trees already checked, e.g. published by the server) answers exactly as the checked one', () => {
    for (const list of [AGENCIES_2008, AGENCIES_2025]) {
      const checked = createAgencyDirectory(list);
      const unchecked = createAgencyDirectoryUnchecked(list);
      assert.deepEqual(unchecked.list(), checked.list());
      for (const a of list) {
        assert.deepEqual(unchecked.get(a.code), checked.get(a.code));
        assert.deepEqual(unchecked.parentOf(a.code), checked.parentOf(a.code));
        assert.deepEqual(unchecked.childrenOf(a.code), checked.childrenOf(a.code));
        assert.deepEqual(unchecked.ancestors(a.code), checked.ancestors(a.code));
        assert.deepEqual(unchecked.subtree(a.code), checked.subtree(a.code));
        assert.deepEqual(unchecked.ofKind(a.kind, list[0]!.code), checked.ofKind(a.kind, list[0]!.code));
        for (const b of list) assert.equal(unchecked.isInSubtree(a.code, b.code), checked.isInSubtree(a.code, b.code));
      }
      assert.ok(Object.isFrozen(unchecked.get(list[0]!.code)));
    }
  });

  test('the unchecked builder given a broken tree throws on ancestor lookups instead of looping', () => {
    const cycle = createAgencyDirectoryUnchecked([
      ag('A', 'province', 'B'),
      ag('B', 'commune', 'A'),
      ag('C', 'commune', null),
    ]);
    assert.throws(() => cycle.ancestors('A'), /agency tree broken at A/);
    assert.throws(() => cycle.isInSubtree('A', 'C'));
    const orphan = createAgencyDirectoryUnchecked([ag('C', 'commune', 'missing')]);
    assert.throws(() => orphan.ancestors('C'), /agency tree broken at C/);
  });

  test('queries over the 2025 two-level tree', () => {
    assert.equal(directory.get(WARD_1)?.kind, 'commune');
    assert.equal(directory.parentOf(WARD_1)?.code, PROVINCE);
    assert.equal(directory.parentOf(PROVINCE), undefined);
    assert.deepEqual(
      directory.ancestors(WARD_1).map((a) => a.code),
      [PROVINCE],
    );
    assert.deepEqual(
      directory.childrenOf(PROVINCE).map((a) => a.code),
      [CENTRE, JUSTICE, CONSTRUCTION, FINANCE, WARD_1, WARD_2, COMMUNE_3],
    );
    assert.deepEqual(
      directory.ofKind('commune').map((a) => a.code),
      [WARD_1, WARD_2, COMMUNE_3],
    );
    assert.equal(directory.isInSubtree(WARD_1, PROVINCE), true);
    assert.equal(directory.isInSubtree(WARD_1, WARD_1), true);
    assert.equal(directory.isInSubtree(PROVINCE, WARD_1), false);
    assert.equal(directory.isInSubtree('nope', PROVINCE), false);
    assert.equal(directory.subtree(PROVINCE).length, AGENCIES_2025.length);
    assert.doesNotThrow(() => createAgencyDirectory(AGENCIES_2025, { kinds: AGENCY_KINDS_2025 }));
  });

  test('queries over the pre-2025 three-level tree', () => {
    assert.deepEqual(
      old.ancestors('D1.C2').map((a) => a.code),
      ['D1', 'P'],
      'nearest first',
    );
    assert.deepEqual(
      old.ofKind('commune', 'D1').map((a) => a.code),
      ['D1.C1', 'D1.C2'],
    );
    assert.deepEqual(
      old.subtree('D1').map((a) => a.code),
      ['D1', 'D1.TP', 'D1.KT', 'D1.C1', 'D1.C2'],
    );
    assert.equal(old.isInSubtree('D2.C1', 'D1'), false);
  });

  test('rejects unknown parents, cycles, duplicates, unknown kinds and zones, with pointers', () => {
    const bad = [
      ag('A', 'province', null),
      ag('B', 'commune', 'X'),
      ag('C', 'commune', 'D'),
      ag('D', 'commune', 'C'),
      ag('A', 'commune', null),
      { ...ag('E', 'district', 'A') },
      { ...ag('F', 'commune', 'A'), timeZone: 'Mars/Olympus' },
    ];
    const issues = validateAgencies(bad, { kinds: AGENCY_KINDS_2025 });
    const byCode = (c: string) => issues.filter((i) => i.code === c).map((i) => i.pointer);
    assert.deepEqual(byCode('agency-unknown-parent'), ['/1/parent']);
    assert.deepEqual(byCode('agency-cycle').sort(), ['/2/parent', '/3/parent']);
    assert.deepEqual(byCode('agency-duplicate'), ['/4/code']);
    assert.deepEqual(byCode('agency-unknown-kind'), ['/5/kind'], 'district is not a 2025 kind');
    assert.deepEqual(byCode('agency-time-zone'), ['/6/timeZone']);
    for (const i of issues) assert.ok(i.message.vi && i.message.en);
    assert.throws(() => createAgencyDirectory(bad), AgencyDirectoryError);
    assert.throws(() => createAgencyDirectory([ag('S', 'province', 'S')]), /cycle/);
  });
});

const proc = (receiving: Procedure['receiving']) => ({ receiving }) as Pick<Procedure, 'receiving'>;

describe('resolveReceivingAgency', () => {
  test('fixed', () => {
    assert.deepEqual(resolveReceivingAgency(proc({ mode: 'fixed', agency: CENTRE }), {}, evaluator, directory), {
      ok: true,
      agency: CENTRE,
    });
    assert.deepEqual(
      resolveReceivingAgency(proc({ mode: 'fixed', agency: CENTRE }), {}, evaluator, directory, CENTRE),
      { ok: true, agency: CENTRE },
    );
    const r = resolveReceivingAgency(proc({ mode: 'fixed', agency: CENTRE }), {}, evaluator, directory, WARD_1);
    assert.equal(!r.ok && r.issue.pointer, '/agency');
    const unknown = resolveReceivingAgency(proc({ mode: 'fixed', agency: 'ZZZ' }), {}, evaluator, directory);
    assert.equal(!unknown.ok && unknown.issue.code, 'agency-unknown');
  });

  test('choice: any agency of the kind, inside `within` (phi địa giới)', () => {
    const rule = proc({ mode: 'choice', kind: 'commune', within: PROVINCE });
    assert.deepEqual(resolveReceivingAgency(rule, {}, evaluator, directory, COMMUNE_3), {
      ok: true,
      agency: COMMUNE_3,
    });
    for (const [chosen, code] of [
      [undefined, 'agency-required'],
      [JUSTICE, 'agency-wrong-kind'],
      ['ZZZ', 'agency-unknown'],
    ] as const) {
      const r = resolveReceivingAgency(rule, {}, evaluator, directory, chosen);
      assert.ok(!r.ok);
      assert.equal(r.issue.pointer, '/agency');
      assert.equal(r.issue.code, code);
    }
    const inDistrict = resolveReceivingAgency(
      proc({ mode: 'choice', kind: 'commune', within: 'D1' }),
      {},
      evaluator,
      old,
      'D2.C1',
    );
    assert.equal(!inDistrict.ok && inDistrict.issue.code, 'agency-outside');
  });

  test('field: the form names the agency; the pointer is into the submission\u2019s data', () => {
    const rule = proc({ mode: 'field', field: '/business/commune', kind: 'commune' });
    assert.deepEqual(resolveReceivingAgency(rule, { business: { commune: WARD_2 } }, evaluator, directory), {
      ok: true,
      agency: WARD_2,
    });
    const missing = resolveReceivingAgency(rule, { business: {} }, evaluator, directory);
    assert.equal(!missing.ok && missing.issue.pointer, '/data/business/commune');
    const kind = resolveReceivingAgency(rule, { business: { commune: FINANCE } }, evaluator, directory);
    assert.equal(!kind.ok && kind.issue.code, 'agency-wrong-kind');
  });

  test('condition: the first case that holds, else otherwise, else an issue', () => {
    const rule = proc({
      mode: 'condition',
      cases: [{ when: { properties: { foreign: { const: true } }, required: ['foreign'] }, agency: JUSTICE }],
      otherwise: WARD_1,
    });
    assert.deepEqual(resolveReceivingAgency(rule, { foreign: true }, evaluator, directory), {
      ok: true,
      agency: JUSTICE,
    });
    assert.deepEqual(resolveReceivingAgency(rule, { foreign: false }, evaluator, directory), {
      ok: true,
      agency: WARD_1,
    });
    const none = resolveReceivingAgency(
      proc({ mode: 'condition', cases: [{ when: false, agency: JUSTICE }] }),
      {},
      evaluator,
      directory,
    );
    assert.equal(!none.ok && none.issue.code, 'no-competent-agency');
  });
});

describe('resolveAgencyRef', () => {
  const ctx = (receiving: string, dir = directory, data: unknown = {}): AgencyRefContext => ({
    receiving,
    owner: CONSTRUCTION,
    data,
    evaluator,
    directory: dir,
    pointer: '/workflow/steps/1/agency',
  });

  test('relative refs', () => {
    assert.deepEqual(resolveAgencyRef({ relative: 'receiving' }, ctx(WARD_1)), { ok: true, agency: WARD_1 });
    assert.deepEqual(resolveAgencyRef({ relative: 'owner' }, ctx(WARD_1)), { ok: true, agency: CONSTRUCTION });
    assert.deepEqual(resolveAgencyRef({ relative: 'parent-of-receiving' }, ctx(WARD_1)), {
      ok: true,
      agency: PROVINCE,
    });
    const r = resolveAgencyRef({ relative: 'parent-of-receiving' }, ctx(PROVINCE));
    assert.equal(!r.ok && r.issue.code, 'agency-no-parent');
  });

  test('kind: itself, nearest ancestor, or a child of an ancestor (disambiguated by code)', () => {
    assert.deepEqual(resolveAgencyRef({ kind: 'commune' }, ctx(WARD_1)), { ok: true, agency: WARD_1 });
    assert.deepEqual(resolveAgencyRef({ kind: 'province' }, ctx(WARD_1)), { ok: true, agency: PROVINCE });
    assert.deepEqual(resolveAgencyRef({ kind: 'public-service-centre' }, ctx(WARD_1)), { ok: true, agency: CENTRE });
    const several = resolveAgencyRef({ kind: 'province-department' }, ctx(WARD_1));
    assert.ok(!several.ok);
    assert.equal(several.issue.code, 'agency-ambiguous');
    assert.equal(several.issue.pointer, '/workflow/steps/1/agency');
    assert.match(several.issue.message.en, /give the agency code/);
    assert.deepEqual(resolveAgencyRef({ kind: 'province-department', code: CONSTRUCTION }, ctx(WARD_1)), {
      ok: true,
      agency: CONSTRUCTION,
    });
    // A department receiving: the code picks another department, not itself.
    assert.deepEqual(resolveAgencyRef({ kind: 'province-department', code: CONSTRUCTION }, ctx(JUSTICE)), {
      ok: true,
      agency: CONSTRUCTION,
    });
    const wrong = resolveAgencyRef({ kind: 'commune', code: CONSTRUCTION }, ctx(JUSTICE));
    assert.equal(!wrong.ok && wrong.issue.code, 'agency-not-found');
    const none = resolveAgencyRef({ kind: 'district' }, ctx(WARD_1));
    assert.equal(!none.ok && none.issue.code, 'agency-not-found');
  });

  test('kind on the pre-2025 tree: the district office of the commune\u2019s own district', () => {
    assert.deepEqual(resolveAgencyRef({ kind: 'district' }, ctx('D1.C2', old)), { ok: true, agency: 'D1' });
    const amb = resolveAgencyRef({ kind: 'district-office' }, ctx('D1.C2', old));
    assert.equal(!amb.ok && amb.issue.code, 'agency-ambiguous');
    assert.deepEqual(resolveAgencyRef({ kind: 'district-office', code: 'D1.TP' }, ctx('D1.C2', old)), {
      ok: true,
      agency: 'D1.TP',
    });
    assert.deepEqual(
      resolveAgencyRef({ kind: 'district-office' }, ctx('D2.C1', old)),
      { ok: true, agency: 'D2.TP' },
      'the only office under D2',
    );
    const other = resolveAgencyRef({ kind: 'district-office', code: 'D2.TP' }, ctx('D1.C2', old));
    assert.equal(!other.ok && other.issue.code, 'agency-not-found', 'another district\u2019s office is out of reach');
    assert.deepEqual(resolveAgencyRef({ kind: 'province-department', code: 'P.XD' }, ctx('D1.C2', old)), {
      ok: true,
      agency: 'P.XD',
    });
  });

  test('cases: the competent agency by condition', () => {
    const ref = {
      cases: [
        {
          when: { required: ['area'], properties: { area: { minimum: 500 } } },
          agency: { kind: 'province-department', code: CONSTRUCTION },
        },
      ],
      otherwise: { relative: 'receiving' as const },
    };
    assert.deepEqual(resolveAgencyRef(ref, ctx(WARD_1, directory, { area: 600 })), { ok: true, agency: CONSTRUCTION });
    assert.deepEqual(resolveAgencyRef(ref, ctx(WARD_1, directory, { area: 60 })), { ok: true, agency: WARD_1 });
    const noOtherwise = resolveAgencyRef({ cases: ref.cases }, ctx(WARD_1, directory, { area: 60 }));
    assert.equal(!noOtherwise.ok && noOtherwise.issue.code, 'no-competent-agency');
    const badCase = resolveAgencyRef({ cases: [{ when: true, agency: { kind: 'province-department' } }] }, ctx(WARD_1));
    assert.equal(!badCase.ok && badCase.issue.pointer, '/workflow/steps/1/agency/cases/0/agency');
  });
});
