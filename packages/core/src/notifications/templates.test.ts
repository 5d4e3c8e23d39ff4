import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DossierEvent } from '../workflow/types.ts';
import { renderNotification, notificationKind, formatMoney, NOTIFICATION_KINDS } from './templates.ts';
import { gsmSeptets, SMS_MAX_SEPTETS } from './sms-text.ts';

const TZ = 'Asia/Ho_Chi_Minh';
// 2026-03-02 08:30 in Hà Nội; due 2026-03-09 17:00.
const AT = Date.UTC(2026, 2, 2, 1, 30);
const DUE = Date.UTC(2026, 2, 9, 10, 0);
const FACTS = {
  code: '000.20.01.H56-260302-0001',
  procedureName: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
  agencyName: { vi: 'UBND phường Trung Tâm', en: 'Trung Tâm Ward People’s Committee' },
  timeZone: TZ,
  trackingUrl: 'https://dichvucong.example.gov.vn/tra-cuu.html#motcua-code=000.20.01.H56-260302-0001',
};

const base = { seq: 2, at: AT, actor: { kind: 'staff', id: 's1' }, fromStatus: 1, toStatus: 2 } as const;
const ev = (kind: string, data: unknown) => ({ ...base, kind, data }) as unknown as DossierEvent;

const EVENTS: Record<string, DossierEvent> = {
  receipt: ev('accept', { dueAt: DUE }),
  supplement: ev('request_supplement', {
    items: [{ reason: 'Thiếu bản sao giấy chứng nhận kết hôn' }, { reason: 'Tờ khai chưa ký' }],
    dueBy: Date.UTC(2026, 2, 16, 10, 0),
    pausesClock: true,
    returnTo: 2,
    renewed: false,
  }),
  apology: ev('extend', {
    reason: 'Cần xác minh thêm thông tin hộ tịch',
    previousDueAt: DUE,
    dueAt: DUE + 3 * 86400_000,
  }),
  result: ev('approve', {}),
  payment: ev('payment_recorded', { amount: 8000, reference: 'VNP14123456', method: 'vnpay', preAcceptance: true }),
};

test('each of the five events renders in Vietnamese with its facts', () => {
  const vi = Object.fromEntries(
    Object.entries(EVENTS).map(([k, e]) => [k, renderNotification(e, FACTS, 'vi')!] as const),
  );
  assert.equal(vi.receipt!.subject, 'Tiếp nhận hồ sơ 000.20.01.H56-260302-0001');
  assert.match(
    vi.receipt!.text,
    /UBND phường Trung Tâm đã tiếp nhận hồ sơ .* \(Đăng ký khai sinh\) lúc 02\/03\/2026 08:30\./,
  );
  assert.match(vi.receipt!.text, /Thời gian hẹn trả kết quả: 09\/03\/2026 17:00\./);
  assert.match(vi.supplement!.text, /- Thiếu bản sao giấy chứng nhận kết hôn\n- Tờ khai chưa ký\n/);
  assert.match(vi.supplement!.text, /Hạn bổ sung: 16\/03\/2026/);
  assert.match(vi.apology!.subject, /^Thư xin lỗi và hẹn lại ngày trả kết quả/);
  assert.match(
    vi.apology!.text,
    /Lý do: Cần xác minh thêm thông tin hộ tịch\nThời gian hẹn trả kết quả mới: 12\/03\/2026 17:00\./,
  );
  assert.match(vi.result!.text, /đã được giải quyết/);
  assert.match(vi.payment!.text, /đã nhận 8\.000 đồng phí, lệ phí .*\nMã giao dịch: VNP14123456\./);
  for (const n of Object.values(vi)) {
    assert.ok(n.text.includes(`Tra cứu hồ sơ (nhập mã tra cứu in trên giấy tiếp nhận): ${FACTS.trackingUrl}`));
    assert.ok(n.text.startsWith('Kính gửi ông/bà,\n'));
  }
  const kinds = Object.values(vi).map((n) => n.kind);
  assert.deepEqual([...kinds].sort(), [...NOTIFICATION_KINDS].sort());
});

test('English texts say the same', () => {
  const en = renderNotification(EVENTS.apology!, FACTS, 'en')!;
  assert.equal(en.subject, 'Apology and a new date for dossier 000.20.01.H56-260302-0001');
  assert.match(en.text, /^Dear applicant,\n/);
  assert.match(en.text, /Trung Tâm Ward People’s Committee apologises: .* 09\/03\/2026 17:00/);
  assert.match(en.text, /The new date for the result: 12\/03\/2026 17:00\./);
  assert.match(renderNotification(EVENTS.payment!, FACTS, 'en')!.text, /received VND 8,000 in fees/);
  assert.match(renderNotification(ev('deny', {}), FACTS, 'en')!.text, /was not granted/);
});

test('every SMS is one unaccented GSM-7 message of at most 160 characters', () => {
  for (const lang of ['vi', 'en'] as const)
    for (const e of Object.values(EVENTS)) {
      const { sms } = renderNotification(e, FACTS, lang)!;
      const septets = gsmSeptets(sms);
      assert.ok(septets !== null, `GSM-7 only: ${sms}`);
      assert.ok(septets <= SMS_MAX_SEPTETS, `${septets}: ${sms}`);
      assert.doesNotMatch(sms, /[ăâđêôơưáàảãạ]/i);
    }
  // A short link fits: it is kept; a long one is left out, the message still says what happened.
  const receipt = renderNotification(EVENTS.receipt!, FACTS, 'vi')!.sms;
  assert.equal(
    receipt,
    'UBND phuong Trung Tam da tiep nhan ho so 000.20.01.H56-260302-0001. Hen tra ket qua 09/03/2026.',
  );
  const short = renderNotification(EVENTS.result!, { ...FACTS, trackingUrl: 'https://dvc.vn/t#c=1' }, 'vi')!.sms;
  assert.equal(short, 'Ho so 000.20.01.H56-260302-0001 da co ket qua. Moi ong/ba nhan ket qua: https://dvc.vn/t#c=1');
});

test('events the applicant does not hear about render nothing', () => {
  assert.equal(notificationKind(ev('claim', { assignee: 'x', assigneeName: null })), null);
  assert.equal(renderNotification(ev('forward', {}), FACTS, 'vi'), null);
  // Online submission waits for reception: the receipt comes with acceptance.
  assert.equal(notificationKind(ev('submit', { acceptance: null })), null);
  assert.equal(notificationKind(ev('submit', { acceptance: { dueAt: DUE } })), 'receipt');
});

test('money in both languages', () => {
  assert.equal(formatMoney(8000, 'vi'), '8.000 đồng');
  assert.equal(formatMoney(1250000, 'en'), 'VND 1,250,000');
  assert.equal(formatMoney(500, 'vi'), '500 đồng');
});
