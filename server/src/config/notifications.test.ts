import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './config.ts';

test('notification settings: defaults, SMTP URL, the SMS gateway as a pair, the digest hour', () => {
  assert.deepEqual(loadConfig({}).notifications, {
    smtpUrl: null,
    mailFrom: '"Bộ phận Một cửa" <no-reply@localhost>',
    sms: null,
    digestHour: 7,
  });
  const set = loadConfig({
    MOTCUA_SMTP_URL: 'smtps://mailer:secret@mail.tinh.gov.vn:465',
    MOTCUA_MAIL_FROM: 'Một cửa tỉnh <motcua@tinh.gov.vn>',
    MOTCUA_SMS_URL: 'https://sms.example.vn/send',
    MOTCUA_SMS_TOKEN: 'token',
    MOTCUA_DIGEST_HOUR: '6',
  }).notifications;
  assert.equal(set.smtpUrl, 'smtps://mailer:secret@mail.tinh.gov.vn:465');
  assert.deepEqual(set.sms, { url: 'https://sms.example.vn/send', token: 'token' });
  assert.equal(set.digestHour, 6);
  assert.equal(loadConfig({ MOTCUA_DIGEST_HOUR: 'off' }).notifications.digestHour, null);
  assert.throws(() => loadConfig({ MOTCUA_SMTP_URL: 'http://mail' }), ConfigError);
  assert.throws(() => loadConfig({ MOTCUA_SMS_URL: 'https://sms.example.vn/send' }), /MOTCUA_SMS_TOKEN/);
  assert.throws(() => loadConfig({ MOTCUA_SMS_URL: 'ftp://x', MOTCUA_SMS_TOKEN: 't' }), ConfigError);
  assert.throws(() => loadConfig({ MOTCUA_DIGEST_HOUR: 'seven' }), ConfigError);
});
