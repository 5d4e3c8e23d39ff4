import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  validateApplicantData,
  applicantIdentity,
  applicantPrefill,
  submitterIdentity,
  ApplicantIdentitySchema,
  SubmitterIdentitySchema,
} from '../index.ts';
import { createAjvEvaluator } from '../conditions/ajv-evaluator.ts';
import { everyConditionProcedure, exampleProcedure, minimalProcedure } from '../testing/procedures.ts';

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
    fatherKnown: true,
    father: {
      fullName: 'Nguyễn Văn An',
      birthDate: '1985-01-01',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      residence: 'Số 5, đường Lê Lợi, Phường Trung Tâm',
    },
    birthEvidence: 'giay-chung-sinh',
    feeExemptionGroup: 'khong',
    extractCopies: 1,
    filedByProxy: false,
  };
}

const pointers = (data: unknown, p = birth) => validateApplicantData(p, data, ev).map((i) => [i.pointer, i.code]);

describe('validateApplicantData', () => {
  test('valid data has no issues', () => {
    assert.deepEqual(validateApplicantData(birth, birthData(), ev), []);
  });

  test('data that is not an object', () => {
    for (const d of [null, [], 'x', 3]) assert.deepEqual(pointers(d), [['/data', 'type']]);
  });

  test('a missing field is named by its label', () => {
    const d = birthData();
    delete (d.requester as Record<string, unknown>).fullName;
    const issues = validateApplicantData(birth, d, ev);
    assert.deepEqual(
      issues.map((i) => [i.pointer, i.code]),
      [['/data/requester/fullName', 'required']],
    );
    assert.deepEqual(issues[0]!.message, { vi: 'Chưa nhập "Họ, chữ đệm và tên"', en: '"Full name" is required' });
  });

  test('a wrong format quotes the field description', () => {
    const d = birthData();
    (d.requester as Record<string, unknown>).idNumber = '12345';
    (d.requester as Record<string, unknown>).email = 'not-an-email';
    const issues = validateApplicantData(birth, d, ev);
    assert.deepEqual(
      issues.map((i) => [i.pointer, i.code]),
      [
        ['/data/requester/idNumber', 'pattern'],
        ['/data/requester/email', 'format'],
      ],
    );
    assert.equal(issues[0]!.message.vi, 'Số định danh cá nhân: Không đúng định dạng (12 chữ số trên thẻ căn cước)');
    assert.equal(
      issues[0]!.message.en,
      'Personal ID number: Does not match the expected pattern (The 12 digits on the identity card)',
    );
    assert.equal(issues[1]!.message.vi, 'Thư điện tử: Phải là địa chỉ thư điện tử');
  });

  test('a condition-dependent requirement (if/then) reports the missing part, not the "if"', () => {
    const d = { ...birthData(), filedByProxy: true };
    assert.deepEqual(pointers(d), [['/data/proxy', 'required']]);
    const d2: Record<string, unknown> = { ...birthData(), fatherKnown: false };
    delete d2.father;
    assert.deepEqual(pointers(d2), []);
  });

  test('a value outside a oneOf of constants lists what is allowed', () => {
    const issues = validateApplicantData(birth, { ...birthData(), birthEvidence: 'khac' }, ev);
    assert.deepEqual(
      issues.map((i) => [i.pointer, i.code]),
      [['/data/birthEvidence', 'enum']],
    );
    assert.match(
      issues[0]!.message.vi,
      /^Giấy tờ chứng minh việc sinh: Phải là một trong các giá trị "giay-chung-sinh", "nguoi-lam-chung", "cam-doan"$/,
    );
  });

  test('the applicant must have a name even when the form schema forgot to require it', () => {
    const p = minimalProcedure();
    (p.form.schema as { required: string[] }).required = [];
    assert.deepEqual(pointers({}, p), [['/data/fullName', 'required']]);
    // blank text passes minLength 2 but is no name
    assert.deepEqual(pointers({ fullName: '   ' }, p), [['/data/fullName', 'required']]);
  });

  test('the submitter needs a name when the submitter condition holds', () => {
    const p = everyConditionProcedure();
    assert.deepEqual(pointers({ isCompany: false, fullName: 'A', proxy: true }, p), [['/data/proxyName', 'required']]);
    assert.deepEqual(pointers({ isCompany: true, companyName: 'Công ty A', proxy: false }, p), []);
    assert.deepEqual(pointers({ isCompany: true, fullName: 'A', proxy: false }, p), [
      ['/data/companyName', 'required'],
    ]);
  });

  test('fee quantities are checked so that computeFees cannot fail afterwards', () => {
    const p = everyConditionProcedure();
    (p.form.schema as { properties: Record<string, unknown> }).properties.copies = { type: 'number' };
    assert.deepEqual(pointers({ isCompany: false, fullName: 'A', copies: 1.5 }, p), [['/data/copies', 'fee-quantity']]);
    // the form schema's own error on the same field wins (a new procedure: evaluators may keep a
    // compiled validator per schema object, so a schema is never changed in place once evaluated)
    const q = everyConditionProcedure();
    (q.form.schema as { properties: Record<string, unknown> }).properties.copies = { type: 'integer', minimum: 0 };
    assert.deepEqual(pointers({ isCompany: false, fullName: 'A', copies: 1.5 }, q), [['/data/copies', 'type']]);
  });
});

describe('applicantIdentity and submitterIdentity', () => {
  test('a known person prefilled at the pointers reads back as the same identity', () => {
    const person = { fullName: 'Nguyễn Thị Hoa', idNumber: '001190012345', phone: ' 0912000111 ', email: '' };
    const data = applicantPrefill(birth, person);
    assert.deepEqual(data, {
      requester: { fullName: 'Nguyễn Thị Hoa', idNumber: '001190012345', phone: '0912000111' },
    });
    assert.deepEqual(applicantIdentity(birth, data, ev), {
      kind: 'person',
      fullName: 'Nguyễn Thị Hoa',
      idNumber: '001190012345',
      phone: '0912000111',
    });
    assert.deepEqual(applicantPrefill(exampleProcedure('1.013225'), { idNumber: '001190012345' }), {
      investor: { idNumber: '001190012345' },
    });
  });

  test('read through the pointers only', () => {
    const id = applicantIdentity(birth, birthData(), ev);
    assert.deepEqual(id, {
      kind: 'person',
      fullName: 'Nguyễn Văn An',
      idNumber: '001085012345',
      address: 'Số 5, đường Lê Lợi, Phường Trung Tâm',
      phone: '0912345678',
      email: 'an.nguyen@example.vn',
    });
    assert.equal(submitterIdentity(birth, birthData(), ev), null);
  });

  test('a submitter when someone files on the applicant\u2019s behalf', () => {
    const d = {
      ...birthData(),
      filedByProxy: true,
      proxy: { fullName: 'Nguyễn Thị Cúc', idNumber: '001190000001', phone: '0987654321', relationship: 'Bà nội' },
    };
    const submitter = submitterIdentity(birth, d, ev);
    assert.deepEqual(submitter, {
      fullName: 'Nguyễn Thị Cúc',
      idNumber: '001190000001',
      phone: '0987654321',
      relationship: 'Bà nội',
    });
    assert.deepEqual(ev.validate(SubmitterIdentitySchema, submitter), []);
    assert.deepEqual(ev.validate(ApplicantIdentitySchema, applicantIdentity(birth, d, ev)), []);
    // the proxy's data is ignored while the condition does not hold
    assert.equal(submitterIdentity(birth, { ...d, filedByProxy: false }, ev), null);
  });

  test('person or organisation by isOrganization', () => {
    const p = everyConditionProcedure();
    assert.deepEqual(
      applicantIdentity(
        p,
        { isCompany: true, fullName: 'A', companyName: ' Công ty TNHH B ', taxCode: '0101234567' },
        ev,
      ),
      {
        kind: 'organization',
        name: 'Công ty TNHH B',
        taxCode: '0101234567',
      },
    );
    assert.deepEqual(applicantIdentity(p, { isCompany: false, fullName: 'Lê C', companyName: 'X' }, ev), {
      kind: 'person',
      fullName: 'Lê C',
    });
  });

  test('values that are not text are left out', () => {
    const p = minimalProcedure();
    assert.deepEqual(applicantIdentity(p, { fullName: { x: 1 }, idNumber: 1234 }, ev), {
      kind: 'person',
      idNumber: '1234',
    });
  });
});

describe('properties the form does not declare', () => {
  test('are refused with their pointer, at the top and nested, in arrays too', () => {
    const data = birthData();
    data.extra = 'x'.repeat(1000);
    (data.child as Record<string, unknown>)['a/b'] = 1;
    const issues = validateApplicantData(birth, data, ev).filter((i) => i.code === 'additionalProperties');
    assert.deepEqual(
      issues.map((i) => i.pointer),
      ['/data/child/a~1b', '/data/extra'],
    );
    assert.match(issues[0]!.message.vi, /"a\/b"/);
    assert.match(issues[0]!.message.en, /no field "a\/b"/);
  });

  test('valid data has none; a field declared only in a conditional branch is declared', () => {
    assert.deepEqual(
      validateApplicantData(birth, birthData(), ev).filter((i) => i.code === 'additionalProperties'),
      [],
    );
    const proc = minimalProcedure();
    proc.form.schema = {
      type: 'object',
      properties: {
        kind: { type: 'string' },
        rows: { type: 'array', items: { type: 'object', properties: { a: { type: 'string' } } } },
      },
      if: { properties: { kind: { const: 'x' } } },
      then: { properties: { extraX: { type: 'string' } } },
    };
    const pointers = (d: unknown) =>
      validateApplicantData(proc, d, ev)
        .filter((i) => i.code === 'additionalProperties')
        .map((i) => i.pointer);
    assert.deepEqual(pointers({ kind: 'x', extraX: 'ok', rows: [{ a: '1' }] }), []);
    assert.deepEqual(pointers({ kind: 'y', rows: [{ a: '1', b: 2 }], z: 1 }), ['/data/rows/0/b', '/data/z']);
  });

  test('a schema that allows more (additionalProperties) is open', () => {
    const proc = minimalProcedure();
    proc.form.schema = {
      type: 'object',
      properties: { a: { type: 'string' } },
      additionalProperties: { type: 'string' },
    };
    assert.deepEqual(
      validateApplicantData(proc, { a: 'x', b: 'y' }, ev).filter((i) => i.code === 'additionalProperties'),
      [],
    );
  });
});
