import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Issue } from '@motcua/core';
import { sameMessage, uploadRefusal, uploadRows } from './upload-rows.ts';
import type { UploadedFile } from './multipart.ts';

const issue = (code: string, field: string): Issue => ({
  pointer: `/documents/${field}`,
  code,
  message: { vi: code, en: code },
});
const messages = {
  400: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' },
  413: { vi: 'Tệp quá lớn', en: 'File too large' },
  415: { vi: 'Kiểu tệp không được chấp nhận', en: 'Unsupported media type' },
};

test('a refusal of files: too large wins over a wrong type, a wrong type over the rest; each with its message and every issue', () => {
  const cases: [Issue[], number, string][] = [
    [[issue('required', 'a'), issue('media-type', 'b'), issue('too-large', 'c')], 413, 'too_large'],
    [[issue('required', 'a'), issue('media-type', 'b')], 415, 'unsupported_media_type'],
    [[issue('required', 'a'), issue('too-many', 'b')], 400, 'invalid_data'],
  ];
  for (const [issues, status, code] of cases) {
    const e = uploadRefusal(issues, messages);
    assert.equal(e.status, status);
    assert.equal(e.code, code);
    assert.deepEqual(e.userMessage, messages[status as 400 | 413 | 415]);
    assert.deepEqual(e.issues, issues);
  }
  const one = { vi: 'Tệp bổ sung không hợp lệ', en: 'Invalid supplement' };
  assert.deepEqual(uploadRefusal([issue('media-type', 'a')], sameMessage(one)).userMessage, one);
});

test('stored uploads become file rows and links, in order, with the long name cut to the column', () => {
  const file = (documentId: string, ordinal: number, name: string | null): UploadedFile => ({
    field: `documents.${documentId}`,
    documentId,
    ordinal,
    name,
    declaredType: 'application/pdf',
    mediaType: 'application/pdf',
    activeContent: ordinal === 1,
    size: 100 + ordinal,
    sha256: `h${ordinal}`,
    key: `k${ordinal}`,
    tooLarge: false,
  });
  const at = new Date('2026-03-02T02:00:00Z');
  const rows = uploadRows([file('cccd', 0, 'x'.repeat(300)), file('cccd', 1, null)], ['id0', 'id1'], {
    dossierId: 'd1',
    provenance: 'counter-scan',
    uploadedBy: 's1',
    purpose: 'supplement',
    eventSeq: 4,
    at,
  });
  assert.deepEqual(
    rows.files.map((f) => [f.id, f.storageKey, f.originalName?.length ?? null, f.activeContent, f.uploadedBy]),
    [
      ['id0', 'k0', 255, false, 's1'],
      ['id1', 'k1', null, true, 's1'],
    ],
  );
  assert.deepEqual(
    rows.links.map((l) => [l.dossierId, l.fileId, l.documentId, l.ordinal, l.purpose, l.eventSeq, l.addedAt]),
    [
      ['d1', 'id0', 'cccd', 0, 'supplement', 4, at],
      ['d1', 'id1', 'cccd', 1, 'supplement', 4, at],
    ],
  );
});
