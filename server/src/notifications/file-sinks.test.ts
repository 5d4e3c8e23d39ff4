import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { fileMailer } from './mailer.ts';
import { fileSmsProvider } from './sms.ts';

test('without SMTP, each e-mail is an .eml file named by its Message-ID; a repeat overwrites it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-mail-'));
  try {
    const lines: { obj: Record<string, unknown>; msg: string }[] = [];
    const log = { info: (obj: Record<string, unknown>, msg: string) => void lines.push({ obj, msg }) };
    const mailer = fileMailer(join(dir, 'mail'), '"Bộ phận Một cửa" <no-reply@tinh.gov.vn>', log as never);
    assert.equal(mailer.domain, 'tinh.gov.vn');
    const m = {
      to: 'an@example.vn',
      subject: 'Tiếp nhận hồ sơ 000.20.01.H56-260302-0001',
      text: 'Kính gửi ông/bà,\n\nThời gian hẹn trả kết quả: 09/03/2026 17:00.\n',
      messageId: '<motcua.notify.7@tinh.gov.vn>',
    };
    await mailer.send(m);
    await mailer.send(m);
    const files = readdirSync(join(dir, 'mail'));
    assert.deepEqual(files, ['_motcua.notify.7@tinh.gov.vn_.eml'], '<…> become _');
    const mail = await simpleParser(readFileSync(join(dir, 'mail', files[0]!)));
    assert.equal(mail.subject, m.subject);
    assert.equal(mail.text, m.text);
    assert.equal(mail.messageId, m.messageId);
    // The demo's console shows each file (path and subject, never the address).
    assert.deepEqual(lines[0], {
      obj: { file: join(dir, 'mail', files[0]!), subject: m.subject },
      msg: 'e-mail written to a file (no SMTP server configured)',
    });
    assert.equal(lines.length, 2);
    mailer.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('without a gateway, each SMS is a text file named by its id', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-sms-'));
  try {
    const sms = fileSmsProvider(dir);
    await sms.send({
      id: 'motcua-notify-7',
      to: '84912345678',
      text: 'Ho so 000.20.01.H56-260302-0001 da co ket qua.',
    });
    assert.equal(
      readFileSync(join(dir, 'motcua-notify-7.txt'), 'utf8'),
      'To: 84912345678\n\nHo so 000.20.01.H56-260302-0001 da co ket qua.\n',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
