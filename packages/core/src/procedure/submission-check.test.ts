import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  checkDocuments,
  checkSubmission,
  chosenAgency,
  receivingAgencyOf,
  validateApplicantData,
  type ProvidedFile,
  type SubmissionToCheck,
} from '../index.ts';
import { createAjvEvaluator } from '../conditions/ajv-evaluator.ts';
import { exampleProcedure } from '../testing/procedures.ts';
import { directory, WARD_1, JUSTICE } from '../workflow/testing/fixtures.ts';

const ev = createAjvEvaluator();
const birth = exampleProcedure('1.001193');

function birthData(): Record<string, unknown> {
  return {
    requester: {
      fullName: 'Nguyễn Văn An',
      idNumber: '001085012345',
      relationship: 'cha',
      address: 'Số 5, đường Lê Lợi, Phường Trung Tâm',
      phone: '0912345678',
      email: 'an.nguyen@example.vn',
    },
    child: {
      fullName: 'Nguyễn Minh Khôi',
      sex: 'nam',
      birthDate: '2026-02-20',
      birthPlace: 'Bệnh viện Đa khoa tỉnh',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      hometown: 'Xã Đông Sơn',
    },
    mother: {
      fullName: 'Trần Thị Bình',
      birthDate: '1990-04-12',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      residence: 'Số 5, đường Lê Lợi, Phường Trung Tâm',
    },
    fatherKnown: false,
    birthEvidence: 'giay-chung-sinh',
    feeExemptionGroup: 'khong',
    extractCopies: 1,
    filedByProxy: false,
  };
}

const pdf = (size = 1000): ProvidedFile => ({ mediaType: 'application/pdf', size, name: 'a.pdf' });

function complete(): SubmissionToCheck {
  // Online: the e-form is the declaration, so only the proof of birth is uploaded.
  return { data: birthData(), agency: WARD_1, documents: { 'giay-chung-sinh': [pdf()] } };
}

const codes = (s: SubmissionToCheck, withDirectory = true) =>
  checkSubmission(birth, s, ev, withDirectory ? { directory } : {}).map((i) => [i.pointer, i.code]);

describe('checkSubmission', () => {
  test('a complete birth registration is acceptable', () => {
    assert.deepEqual(checkSubmission(birth, complete(), ev, { directory }), []);
  });

  test('the channel decides the documents: the paper declaration at the counter, refused online', () => {
    const atCounter = { ...complete(), documents: { 'to-khai': [pdf()], 'giay-chung-sinh': [pdf()] } };
    assert.deepEqual(checkSubmission(birth, atCounter, ev, { directory, channel: 'direct' }), []);
    assert.deepEqual(
      checkSubmission(birth, complete(), ev, { directory, channel: 'direct' }).map((i) => [i.pointer, i.code]),
      [['/documents/to-khai', 'missing-document']],
    );
    assert.deepEqual(codes(atCounter), [['/documents/to-khai', 'document-not-asked-on-channel']]);
  });

  test('derived values are computed by core, never taken from the sender', () => {
    const s = complete();
    s.data = { ...(s.data as object), $derived: { daysSinceBirth: 0 } };
    assert.deepEqual(codes(s), [['/data/$derived', 'reserved-field']]);
  });

  test('every problem at once, data first, then the agency, then the documents', () => {
    const issues = codes({ data: { ...birthData(), child: undefined }, documents: {} });
    assert.deepEqual(issues, [
      ['/data/child', 'required'],
      ['/agency', 'agency-required'],
      ['/documents/giay-chung-sinh', 'missing-document'],
    ]);
  });

  test('without a directory the chosen agency is left to the workflow', () => {
    assert.deepEqual(codes({ ...complete(), agency: undefined }, false), []);
    assert.deepEqual(codes({ ...complete(), agency: JUSTICE }), [['/agency', 'agency-wrong-kind']]);
  });

  test('a receiving rule narrowed by the caller replaces the procedure’s', () => {
    const r = birth.receiving;
    assert.equal(r.mode, 'choice');
    const narrowed = { ...r, kind: 'province-department' } as typeof r;
    assert.deepEqual(
      checkSubmission(birth, { ...complete(), agency: JUSTICE }, ev, { directory, receiving: narrowed }),
      [],
    );
    assert.deepEqual(receivingAgencyOf(birth, complete(), ev, directory), { ok: true, agency: WARD_1 });
  });

  test('files: media type, size, count and documents that do not apply', () => {
    const s = complete();
    const issues = codes({
      ...s,
      documents: {
        'giay-chung-sinh': [{ mediaType: 'application/x-msdownload', size: 10 }, pdf(20 * 1024 * 1024), pdf()],
        'van-ban-lam-chung': [pdf()],
        nope: [pdf()],
      },
    });
    assert.deepEqual(issues, [
      ['/documents/nope', 'unknown-document'],
      ['/documents/giay-chung-sinh', 'too-many-files'],
      ['/documents/giay-chung-sinh/0', 'media-type'],
      ['/documents/giay-chung-sinh/1', 'too-large'],
      ['/documents/van-ban-lam-chung', 'document-not-applicable'],
    ]);
  });

  test('fee quantities are part of the data check (computeFees cannot fail afterwards)', () => {
    assert.deepEqual(codes({ ...complete(), data: { ...birthData(), extractCopies: -2 } }), [
      ['/data/extractCopies', 'minimum'],
    ]);
  });

  test('chosenAgency: the choice is sent only when the procedure lets the applicant choose', () => {
    assert.equal(chosenAgency(birth, WARD_1), WARD_1);
    assert.equal(chosenAgency(birth, ''), undefined);
    assert.equal(chosenAgency({ receiving: { mode: 'fixed', agency: JUSTICE } }, WARD_1), undefined);
  });
});

describe('checkSubmission, properties', () => {
  const json = fc.jsonValue({ maxDepth: 3 });
  const file = fc.record({
    mediaType: fc.constantFrom('application/pdf', 'image/png', 'image/jpeg', 'text/html', ''),
    size: fc.integer({ min: -1, max: 12 * 1024 * 1024 }),
  });
  const ids = fc.constantFrom(...birth.documents.map((d) => d.id), 'unknown');
  const documents = fc.dictionary(ids, fc.array(file, { maxLength: 4 }), { maxKeys: 4 });
  const agency = fc.option(fc.constantFrom(...directory.list().map((a) => a.code), 'nowhere', ''), {
    nil: undefined,
  });

  test('never throws; every issue points into the submission and speaks both languages', () => {
    fc.assert(
      fc.property(fc.oneof(json, fc.constant(birthData())), agency, documents, (data, chosen, docs) => {
        const issues = checkSubmission(birth, { data, agency: chosen, documents: docs }, ev, { directory });
        for (const i of issues) {
          assert.match(i.pointer, /^\/(data|agency|documents)(\/|$)/);
          assert.ok(i.message.vi.trim() && i.message.en.trim(), JSON.stringify(i));
          assert.ok(i.code);
        }
      }),
      { numRuns: 150 },
    );
  });

  test('is the sum of its parts: data, agency, documents', () => {
    fc.assert(
      fc.property(fc.oneof(json, fc.constant(birthData())), agency, documents, (data, chosen, docs) => {
        const all = checkSubmission(birth, { data, agency: chosen, documents: docs }, ev, { directory });
        assert.deepEqual(
          all.filter((i) => i.pointer.startsWith('/data')),
          validateApplicantData(birth, data, ev),
        );
        assert.deepEqual(
          all.filter((i) => i.pointer.startsWith('/documents')),
          checkDocuments(birth, data, ev, docs),
        );
        const resolved = receivingAgencyOf(birth, { data, agency: chosen }, ev, directory);
        assert.equal(
          all.some((i) => i.pointer === '/agency'),
          !resolved.ok,
        );
      }),
      { numRuns: 150 },
    );
  });

  test('a change to one document’s files affects the issues of that document only', () => {
    fc.assert(
      fc.property(fc.array(file, { maxLength: 4 }), (files) => {
        const base = complete();
        const others = (s: SubmissionToCheck) =>
          checkSubmission(birth, s, ev, { directory }).filter(
            (i) => !i.pointer.startsWith('/documents/giay-chung-sinh'),
          );
        assert.deepEqual(others({ ...base, documents: { ...base.documents, 'giay-chung-sinh': files } }), []);
      }),
      { numRuns: 100 },
    );
  });
});
