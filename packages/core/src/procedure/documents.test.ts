import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { requiredDocuments, checkDocuments, type ProvidedFile } from '../index.ts';
import { createAjvEvaluator } from '../conditions/ajv-evaluator.ts';
import { exampleProcedure, minimalProcedure } from '../testing/procedures.ts';

const ev = createAjvEvaluator();
const birth = exampleProcedure('1.001193');
const permit = exampleProcedure('1.013225');
const pdf = (size = 1000, name?: string): ProvidedFile => ({
  mediaType: 'application/pdf',
  size,
  ...(name ? { name } : {}),
});

const required = (p: typeof birth, data: unknown) =>
  requiredDocuments(p, data, ev)
    .filter((c) => c.required)
    .map((c) => c.document.id);

describe('requiredDocuments', () => {
  test('birth registration: the proof of birth follows the answer', () => {
    assert.deepEqual(
      required(birth, { birthEvidence: 'giay-chung-sinh', filedByProxy: false, feeExemptionGroup: 'khong' }),
      ['to-khai', 'giay-chung-sinh'],
    );
    assert.deepEqual(
      required(birth, { birthEvidence: 'nguoi-lam-chung', filedByProxy: false, feeExemptionGroup: 'khong' }),
      ['to-khai', 'van-ban-lam-chung'],
    );
    assert.deepEqual(
      required(birth, { birthEvidence: 'cam-doan', filedByProxy: true, feeExemptionGroup: 'ho-ngheo' }),
      ['to-khai', 'giay-cam-doan', 'giay-to-mien-le-phi', 'van-ban-uy-quyen'],
    );
  });

  test('every document is listed, in order, with a reason in both languages', () => {
    const checks = requiredDocuments(birth, { birthEvidence: 'giay-chung-sinh', filedByProxy: false }, ev);
    assert.deepEqual(
      checks.map((c) => c.document.id),
      birth.documents.map((d) => d.id),
    );
    const byId = new Map(checks.map((c) => [c.document.id, c]));
    assert.deepEqual(byId.get('to-khai')!.reason, { vi: 'Luôn phải nộp', en: 'Always required' });
    assert.equal(byId.get('giay-chung-sinh')!.reason.vi, 'Phải nộp vì trẻ được sinh tại cơ sở y tế');
    assert.equal(byId.get('giay-chung-sinh')!.reason.en, 'Required because the child was born at a medical facility');
    const witness = byId.get('van-ban-lam-chung')!;
    assert.equal(witness.required, false);
    assert.equal(witness.applicable, false);
    assert.match(witness.reason.vi, /^Không áp dụng: chỉ nộp khi không có Giấy chứng sinh nhưng có người làm chứng$/);
  });

  test('construction permit: the neighbour safety commitment only when the house adjoins another', () => {
    assert.ok(!required(permit, { building: { adjoinsExisting: false } }).includes('cam-ket-an-toan-lien-ke'));
    assert.ok(required(permit, { building: { adjoinsExisting: true } }).includes('cam-ket-an-toan-lien-ke'));
  });

  test('an optional document applies but is not required; an untitled condition gets a generic reason', () => {
    const p = minimalProcedure();
    p.documents.push(
      { ...p.documents[0]!, id: 'anh', optional: true },
      { ...p.documents[0]!, id: 'khac', when: { required: ['x'] } },
    );
    const [don, anh, khac] = requiredDocuments(p, { x: 1 }, ev);
    assert.deepEqual([don!.required, anh!.required, anh!.applicable, khac!.required], [true, false, true, true]);
    assert.match(anh!.reason.en, /^Optional/);
    assert.equal(khac!.reason.en, 'Required because the dossier meets its condition');
    assert.equal(requiredDocuments(p, {}, ev)[2]!.reason.en, 'Not applicable to this dossier');
  });
});

describe('checkDocuments', () => {
  const data = { birthEvidence: 'giay-chung-sinh', filedByProxy: false, feeExemptionGroup: 'khong' };
  const codes = (provided: Record<string, ProvidedFile[]>, d: unknown = data) =>
    checkDocuments(birth, d, ev, provided).map((i) => [i.pointer, i.code]);

  test('a complete set passes', () => {
    assert.deepEqual(codes({ 'to-khai': [pdf()], 'giay-chung-sinh': [{ mediaType: 'image/jpeg', size: 5000 }] }), []);
  });

  test('a missing required document', () => {
    const issues = checkDocuments(birth, data, ev, { 'to-khai': [pdf()] });
    assert.deepEqual(
      issues.map((i) => [i.pointer, i.code]),
      [['/documents/giay-chung-sinh', 'missing-document']],
    );
    assert.equal(issues[0]!.message.vi, 'Thiếu giấy tờ "Giấy chứng sinh" (Phải nộp vì trẻ được sinh tại cơ sở y tế)');
    assert.deepEqual(codes({ 'to-khai': [], 'giay-chung-sinh': [pdf()] }), [
      ['/documents/to-khai', 'missing-document'],
    ]);
  });

  test('too many files, and too few', () => {
    assert.deepEqual(codes({ 'to-khai': [pdf(), pdf(), pdf(), pdf()], 'giay-chung-sinh': [pdf()] }), [
      ['/documents/to-khai', 'too-many-files'],
    ]);
    const p = minimalProcedure();
    p.documents[0]!.minFiles = 2;
    assert.deepEqual(
      checkDocuments(p, {}, ev, { don: [pdf()] }).map((i) => i.code),
      ['too-few-files'],
    );
  });

  test('media type and size per file, with the file pointer', () => {
    const issues = checkDocuments(birth, data, ev, {
      'to-khai': [pdf(), { mediaType: 'application/zip', size: 10, name: 'a.zip' }, pdf(20 * 1024 * 1024)],
      'giay-chung-sinh': [{ mediaType: 'Image/PNG; foo=bar', size: 1 }, pdf(0)],
    });
    assert.deepEqual(
      issues.map((i) => [i.pointer, i.code]),
      [
        ['/documents/to-khai/1', 'media-type'],
        ['/documents/to-khai/2', 'too-large'],
        ['/documents/giay-chung-sinh/1', 'empty-file'],
      ],
    );
    assert.match(
      issues[0]!.message.vi,
      /"a\.zip".*application\/zip; chỉ chấp nhận application\/pdf, image\/jpeg, image\/png/,
    );
    assert.match(issues[1]!.message.en, /too large \(20 MB\); at most 10 MB/);
  });

  test('unknown document ids and documents that do not apply', () => {
    assert.deepEqual(codes({ 'to-khai': [pdf()], 'giay-chung-sinh': [pdf()], 'giay/la': [pdf()] }), [
      ['/documents/giay~1la', 'unknown-document'],
    ]);
    assert.deepEqual(codes({ 'to-khai': [pdf()], 'giay-chung-sinh': [pdf()], 'giay-cam-doan': [pdf()] }), [
      ['/documents/giay-cam-doan', 'document-not-applicable'],
    ]);
  });

  test('an optional document obeys its limits only when provided', () => {
    const p = minimalProcedure();
    p.documents[0]!.optional = true;
    assert.deepEqual(checkDocuments(p, {}, ev, {}), []);
    assert.deepEqual(
      checkDocuments(p, {}, ev, { don: [pdf(), pdf(), pdf()] }).map((i) => i.code),
      ['too-many-files'],
    );
  });

  test('a document required with zero files (paper only) is not missing online', () => {
    const p = minimalProcedure();
    p.documents[0]!.minFiles = 0;
    assert.deepEqual(checkDocuments(p, {}, ev, {}), []);
  });
});
