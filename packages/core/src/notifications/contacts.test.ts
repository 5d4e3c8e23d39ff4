import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeVnMobile, resolveNotifyContacts } from './contacts.ts';

const P = '/submission/notify';

test('typed addresses win over the form’s; numbers are normalised', () => {
  const r = resolveNotifyContacts(
    { channels: ['email', 'sms'], phone: '+84 912.345.678' },
    { email: 'an@example.vn', phone: '0988000111' },
    P,
  );
  assert.deepEqual(r, { ok: true, contacts: { email: 'an@example.vn', phone: '84912345678', lang: 'vi' } });
  const only = resolveNotifyContacts(
    { channels: ['sms'], lang: 'en' },
    { email: 'an@example.vn', phone: '0988 000 111' },
    P,
  );
  assert.deepEqual(only, { ok: true, contacts: { email: null, phone: '84988000111', lang: 'en' } });
});

test('a chosen channel without a valid address is refused at its pointer, in both languages', () => {
  const r = resolveNotifyContacts({ channels: ['email', 'sms'], email: 'not-an-address' }, {}, P);
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual(
    r.issues.map((i) => [i.pointer, i.code]),
    [
      ['/submission/notify/email', 'format'],
      ['/submission/notify/phone', 'required'],
    ],
  );
  assert.ok(r.issues.every((i) => i.message.vi && i.message.en));
  const none = resolveNotifyContacts({ channels: [] }, {}, P);
  assert.equal(none.ok, false);
});

test('Vietnamese mobile numbers', () => {
  assert.equal(normalizeVnMobile('0912345678'), '84912345678');
  assert.equal(normalizeVnMobile('84 3 2345 6789'), '84323456789');
  assert.equal(normalizeVnMobile('0241234567'), null, 'a landline');
  assert.equal(normalizeVnMobile('091234567'), null);
});
