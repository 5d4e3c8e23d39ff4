import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitSms, gsmSeptets, toGsmText } from './sms-text.ts';

test('Vietnamese folds to the GSM-7 alphabet', () => {
  assert.equal(toGsmText('Đã tiếp nhận hồ sơ — “Đăng ký khai sinh”…'), 'Da tiep nhan ho so - "Dang ky khai sinh"...');
  assert.equal(gsmSeptets('Hồ sơ'), null, 'diacritics need UCS-2');
  assert.equal(gsmSeptets('Ho so'), 5);
  assert.equal(gsmSeptets('a€[b]'), 8, 'the extension table counts twice');
  assert.equal(toGsmText('漢字 ok'), '?? ok');
});

test('the first candidate that fits one message wins; else the last is cut', () => {
  const long = 'x'.repeat(170);
  assert.equal(fitSms([long, 'Ngắn gọn']), 'Ngan gon');
  const cut = fitSms([long]);
  assert.equal(cut.length, 160);
  assert.ok(cut.endsWith('...'));
});
