import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderDigest } from './digest.ts';

const TZ = 'Asia/Ho_Chi_Minh';
const DAY = Date.UTC(2026, 2, 9, 0, 0); // 09/03/2026 07:00 in Hà Nội

test('the digest lists overdue then due-today dossiers per agency, in both languages', () => {
  const d = renderDigest({
    staffName: 'Nguyễn Thị Lan',
    day: DAY,
    timeZone: TZ,
    workspaceUrl: 'https://motcua.example.vn/staff/',
    agencies: [
      {
        code: 'A',
        name: { vi: 'UBND phường Trung Tâm', en: 'Trung Tâm Ward' },
        dueToday: [
          { code: 'A-260302-0001', procedureName: { vi: 'Đăng ký khai sinh' }, dueAt: Date.UTC(2026, 2, 9, 10) },
        ],
        overdue: [{ code: 'A-260220-0007', procedureName: { vi: 'Chứng thực' }, dueAt: Date.UTC(2026, 2, 6, 10) }],
      },
      { code: 'B', name: { vi: 'Xã Bình' }, dueToday: [], overdue: [] },
    ],
  })!;
  assert.equal(d.count, 2);
  assert.equal(d.subject, 'Hồ sơ đến hạn ngày 09/03/2026 / Dossiers due on 09/03/2026: 1 + 1 quá hạn / overdue');
  assert.match(d.text, /^Kính gửi Nguyễn Thị Lan,\n/);
  assert.match(
    d.text,
    /UBND phường Trung Tâm \/ Trung Tâm Ward\nQuá hạn \/ Overdue \(1\):\n {2}- A-260220-0007 — Chứng thực — hạn \/ due 06\/03\/2026 17:00\nĐến hạn hôm nay \/ Due today \(1\):\n {2}- A-260302-0001/,
  );
  assert.doesNotMatch(d.text, /Xã Bình/, 'an agency with nothing due is left out');
});

test('nothing due: no digest', () => {
  assert.equal(renderDigest({ staffName: 'X', day: DAY, timeZone: TZ, workspaceUrl: 'u', agencies: [] }), null);
});
