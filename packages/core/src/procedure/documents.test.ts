import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  CHANNEL_NAMES,
  type Channel,
  requiredDocuments,
  checkDocuments,
  uploadLimits,
  type ProvidedFile,
} from '../index.ts';
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

const required = (p: typeof birth, data: unknown, channel: Channel = 'online') =>
  requiredDocuments(p, data, ev, channel)
    .filter((c) => c.required)
    .map((c) => c.document.id);

describe('requiredDocuments', () => {
  test('birth registration: the proof of birth follows the answer', () => {
    assert.deepEqual(
      required(birth, { birthEvidence: 'giay-chung-sinh', filedByProxy: false, feeExemptionGroup: 'khong' }),
      ['giay-to-tuy-than', 'giay-chung-sinh'],
    );
    assert.deepEqual(
      required(birth, { birthEvidence: 'nguoi-lam-chung', filedByProxy: false, feeExemptionGroup: 'khong' }),
      ['giay-to-tuy-than', 'van-ban-lam-chung'],
    );
    assert.deepEqual(
      required(birth, { birthEvidence: 'cam-doan', filedByProxy: true, feeExemptionGroup: 'ho-ngheo' }),
      ['giay-to-tuy-than', 'giay-cam-doan', 'giay-to-mien-le-phi', 'van-ban-uy-quyen'],
    );
  });

  test('birth registration: the paper declaration at the counter or by post, never online; the ID shown', () => {
    const data = { birthEvidence: 'giay-chung-sinh', filedByProxy: false, feeExemptionGroup: 'khong' };
    assert.deepEqual(required(birth, data, 'direct'), ['to-khai', 'giay-to-tuy-than', 'giay-chung-sinh']);
    assert.deepEqual(required(birth, data, 'postal'), ['to-khai', 'giay-chung-sinh']);
    const online = new Map(requiredDocuments(birth, data, ev, 'online').map((c) => [c.document.id, c]));
    assert.equal(online.get('to-khai')!.asked, false);
    assert.equal(online.get('giay-to-tuy-than')!.show, true);
    assert.match(online.get('giay-to-tuy-than')!.document.description!.vi, /Cơ sở dữ liệu quốc gia về dân cư/);
  });

  test('every document is listed, in order, with a reason in both languages', () => {
    const checks = requiredDocuments(birth, { birthEvidence: 'giay-chung-sinh', filedByProxy: false }, ev);
    assert.deepEqual(
      checks.map((c) => c.document.id),
      birth.documents.map((d) => d.id),
    );
    const byId = new Map(checks.map((c) => [c.document.id, c]));
    assert.deepEqual(byId.get('to-khai')!.reason, {
      vi: 'Không yêu cầu khi nộp theo kênh trực tuyến',
      en: 'Not asked when filing through the channel "online"',
    });
    assert.deepEqual(byId.get('giay-to-tuy-than')!.reason, { vi: 'Luôn phải xuất trình', en: 'Always to be shown' });
    const counter = requiredDocuments(birth, { birthEvidence: 'giay-chung-sinh' }, ev, 'direct');
    assert.deepEqual(counter[0]!.reason, { vi: 'Luôn phải nộp', en: 'Always required' });
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
  const codes = (provided: Record<string, ProvidedFile[]>, channel: Channel = 'online') =>
    checkDocuments(birth, data, ev, provided, channel).map((i) => [i.pointer, i.code]);

  test('a complete set passes', () => {
    assert.deepEqual(codes({ 'giay-chung-sinh': [{ mediaType: 'image/jpeg', size: 5000 }] }), []);
    assert.deepEqual(codes({ 'to-khai': [pdf()], 'giay-chung-sinh': [pdf()] }, 'direct'), []);
  });

  test('online, an upload of the paper declaration is refused, naming its part', () => {
    const issues = checkDocuments(birth, data, ev, { 'to-khai': [pdf()], 'giay-chung-sinh': [pdf()] }, 'online');
    assert.deepEqual(
      issues.map((i) => [i.pointer, i.code]),
      [['/documents/to-khai', 'document-not-asked-on-channel']],
    );
    assert.match(issues[0]!.message.vi, /documents\.to-khai.*trực tuyến/);
    assert.match(issues[0]!.message.en, /documents\.to-khai.*online/);
  });

  test('a missing required document', () => {
    const issues = checkDocuments(birth, data, ev, {});
    assert.deepEqual(
      issues.map((i) => [i.pointer, i.code]),
      [['/documents/giay-chung-sinh', 'missing-document']],
    );
    assert.equal(issues[0]!.message.vi, 'Thiếu giấy tờ "Giấy chứng sinh" (Phải nộp vì trẻ được sinh tại cơ sở y tế)');
    assert.deepEqual(codes({ 'to-khai': [], 'giay-chung-sinh': [pdf()] }, 'direct'), [
      ['/documents/to-khai', 'missing-document'],
    ]);
  });

  test('too many files, and too few', () => {
    assert.deepEqual(codes({ 'giay-chung-sinh': [pdf(), pdf(), pdf()] }), [
      ['/documents/giay-chung-sinh', 'too-many-files'],
    ]);
    const p = minimalProcedure();
    p.documents[0]!.minFiles = 2;
    assert.deepEqual(
      checkDocuments(p, {}, ev, { don: [pdf()] }).map((i) => i.code),
      ['too-few-files'],
    );
  });

  test('media type and size per file, with the file pointer', () => {
    const issues = checkDocuments(
      birth,
      data,
      ev,
      {
        'to-khai': [pdf(), { mediaType: 'application/zip', size: 10, name: 'a.zip' }, pdf(20 * 1024 * 1024)],
        'giay-chung-sinh': [{ mediaType: 'Image/PNG; foo=bar', size: 1 }, pdf(0)],
      },
      'direct',
    );
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
    assert.deepEqual(codes({ 'giay-chung-sinh': [pdf()], 'giay/la': [pdf()] }), [
      ['/documents/giay~1la', 'unknown-document'],
    ]);
    assert.deepEqual(codes({ 'giay-chung-sinh': [pdf()], 'giay-cam-doan': [pdf()] }), [
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

describe('documents per channel, and documents to show', () => {
  /** The minimal procedure's "don", plus a paper declaration asked only at the counter and an ID to show. */
  const withChannelsAndShow = () => {
    const p = minimalProcedure();
    const don = p.documents[0]!;
    p.documents.push(
      { ...don, id: 'to-khai-giay', channels: ['direct', 'postal'] },
      { id: 'cccd', title: { vi: 'Căn cước', en: 'Identity card' }, show: true, originals: 1, copies: 0 },
    );
    return p;
  };

  test('a document not asked online is neither required nor accepted there', () => {
    const p = withChannelsAndShow();
    const online = requiredDocuments(p, {}, ev, 'online').find((c) => c.document.id === 'to-khai-giay')!;
    assert.deepEqual([online.asked, online.applicable, online.required], [false, false, false]);
    assert.equal(online.reason.vi, 'Không yêu cầu khi nộp theo kênh trực tuyến');
    const counter = requiredDocuments(p, {}, ev, 'direct').find((c) => c.document.id === 'to-khai-giay')!;
    assert.deepEqual([counter.asked, counter.applicable, counter.required], [true, true, true]);

    const refused = checkDocuments(p, {}, ev, { don: [pdf()], 'to-khai-giay': [pdf()] }, 'online');
    assert.deepEqual(
      refused.map((i) => [i.pointer, i.code]),
      [['/documents/to-khai-giay', 'document-not-asked-on-channel']],
    );
    assert.match(refused[0]!.message.vi, /phần documents\.to-khai-giay/);
    assert.match(refused[0]!.message.en, /part documents\.to-khai-giay.*not accepted/);
    assert.deepEqual(checkDocuments(p, {}, ev, { don: [pdf()] }, 'online'), []);
    assert.deepEqual(
      checkDocuments(p, {}, ev, { don: [pdf()] }, 'direct').map((i) => [i.pointer, i.code]),
      [['/documents/to-khai-giay', 'missing-document']],
    );
  });

  test('the default channel is online', () => {
    const p = withChannelsAndShow();
    assert.deepEqual(requiredDocuments(p, {}, ev), requiredDocuments(p, {}, ev, 'online'));
  });

  test('a document to show is required, listed, never missing and never a file', () => {
    const p = withChannelsAndShow();
    const cccd = requiredDocuments(p, {}, ev, 'online').find((c) => c.document.id === 'cccd')!;
    assert.deepEqual([cccd.show, cccd.required, cccd.applicable], [true, true, true]);
    assert.deepEqual(cccd.reason, { vi: 'Luôn phải xuất trình', en: 'Always to be shown' });
    assert.equal(uploadLimits(cccd.document), undefined);
    assert.deepEqual(checkDocuments(p, {}, ev, { don: [pdf()] }, 'online'), []);
    const uploaded = checkDocuments(p, {}, ev, { don: [pdf()], cccd: [pdf()] }, 'online');
    assert.deepEqual(
      uploaded.map((i) => [i.pointer, i.code]),
      [['/documents/cccd', 'document-to-show']],
    );
    assert.match(uploaded[0]!.message.en, /shown for checking, not uploaded \(part documents\.cccd\)/);
  });

  test("an uploaded document's limits are its own four fields", () => {
    const don = minimalProcedure().documents[0]!;
    assert.deepEqual(uploadLimits(don), {
      mediaTypes: don.mediaTypes,
      maxSizeBytes: don.maxSizeBytes,
      minFiles: don.minFiles,
      maxFiles: don.maxFiles,
    });
    assert.equal(uploadLimits({ ...don, show: true }), undefined);
  });

  test('property: files are never accepted for a document not asked on the channel or to show', () => {
    const file = fc.record({ mediaType: fc.constant('application/pdf'), size: fc.integer({ min: 1, max: 1000 }) });
    fc.assert(
      fc.property(
        fc.constantFrom(...CHANNEL_NAMES),
        fc.subarray(CHANNEL_NAMES, { minLength: 1 }),
        fc.boolean(),
        fc.array(file, { minLength: 1, maxLength: 3 }),
        (channel, channels, show, files) => {
          const p = minimalProcedure();
          const don = p.documents[0]!;
          p.documents[0] = show
            ? { id: don.id, title: don.title, show, channels, originals: 1, copies: 0 }
            : { ...don, channels };
          const asked = channels.includes(channel);
          const checks = requiredDocuments(p, {}, ev, channel);
          assert.equal(checks[0]!.asked, asked);
          assert.equal(checks[0]!.required, asked);
          const issues = checkDocuments(p, {}, ev, { [don.id]: files }, channel).map((i) => i.code);
          if (!asked) assert.deepEqual(issues, ['document-not-asked-on-channel']);
          else if (show) assert.deepEqual(issues, ['document-to-show']);
          else assert.ok(!issues.includes('document-to-show') && !issues.includes('document-not-asked-on-channel'));
          // Nothing sent is never a problem for what the channel does not take as a file.
          const none = checkDocuments(p, {}, ev, {}, channel);
          if (!asked || show) assert.deepEqual(none, []);
        },
      ),
    );
  });
});
