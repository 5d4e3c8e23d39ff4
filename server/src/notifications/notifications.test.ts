import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { formatVnDateTime } from '@motcua/core';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { doAction, staffOf, type Staff } from '../../test/support/cases.ts';
import {
  birthData,
  birthFiles,
  counterBirthFiles,
  rowCounts,
  submissionForm,
  submitOnline,
} from '../../test/support/intake.ts';
import { json } from '../../test/support/http.ts';
import { startSmtpSink, type SmtpSink } from '../../test/support/smtp-sink.ts';
import { execute } from '../db/client.ts';
import { claimDue, syncDestinations } from '../outbox/queue.ts';
import { startOutboxWorker } from '../outbox/worker.ts';
import { startSmsSimulator, type SmsSimulator } from './simulators/sms-simulator.ts';
import { startNotifications, type Notifications } from './start.ts';
import { NOTIFY_EMAIL, NOTIFY_SMS } from './destinations.ts';

const TZ = 'Asia/Ho_Chi_Minh';
const PAGE = 'http://motcua.test/site/tra-cuu.html';

forEachDatabase('notifications', (db) => {
  let server: TestServer;
  let sink: SmtpSink;
  let sms: SmsSimulator;
  let notifications: Notifications;
  let reception: Staff;
  let leader: Staff;

  before(async () => {
    sink = await startSmtpSink();
    sms = await startSmsSimulator();
    server = await testServer(db(), {
      config: {
        notifications: {
          smtpUrl: sink.url,
          mailFrom: '"Bộ phận Một cửa" <no-reply@motcua.test>',
          sms: { url: sms.url, token: sms.token },
          digestHour: 7,
        },
      },
    });
    notifications = startNotifications(server.ctx, {}, false);
    await syncDestinations(
      server.ctx.db,
      notifications.destinations.map((d) => d.name),
    );
    reception = await staffOf(server, 'reception.trung-tam');
    leader = await staffOf(server, 'leader.trung-tam');
  });
  after(async () => {
    notifications.stop();
    await sink.close();
    await sms.close();
    server.dispose();
  });

  const worker = (batch = 50) =>
    startOutboxWorker(
      { db: server.ctx.db, destinations: notifications.destinations, backoffMs: () => 0, batch },
      false,
    );
  const drain = async () => {
    const w = worker();
    await w.drain();
    await w.stop();
  };
  const reset = () => {
    sink.received.length = 0;
    sms.messages.length = 0;
    sms.requests = 0;
  };

  async function apply(notify: Record<string, unknown> | undefined, data: Record<string, unknown> = {}) {
    const res = await submitOnline(
      server,
      '1.001193',
      { version: 1, agency: '000.20.01.H56', data: birthData(data), ...(notify ? { notify } : {}) },
      birthFiles(),
    );
    assert.equal(res.status, 201, await res.clone().text());
    return (await json<{ code: string }>(res)).code;
  }

  const notifyRows = (code: string) =>
    execute<{ destination: string; delivered: boolean }>(
      server.ctx.db,
      sql`select o.destination, o.delivered_at is not null as delivered
            from outbox o join dossiers d on d.id = o.dossier_id where d.code = ${code} order by o.id`,
    );

  test('the applicant who chose e-mail and SMS hears of the receipt and the apology, in Vietnamese', async () => {
    reset();
    const code = await apply({ channels: ['email', 'sms'], phone: '+84 988 000 111' });
    await drain();
    assert.equal(sink.received.length, 0, 'an online submission waits for reception: no receipt yet');
    assert.ok((await notifyRows(code)).every((r) => r.delivered));

    const accepted = await doAction(server, reception, code, { kind: 'accept' });
    await drain();
    assert.equal(sink.received.length, 1);
    const mail = sink.received[0]!;
    assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.text : '', 'an@example.vn', 'the address from the form');
    assert.equal(mail.from?.text, '"Bộ phận Một cửa" <no-reply@motcua.test>');
    assert.equal(mail.subject, `Tiếp nhận hồ sơ ${code}`);
    const due = formatVnDateTime(Date.parse(accepted.dossier.dueAt!), TZ);
    assert.match(mail.text ?? '', new RegExp(`Thời gian hẹn trả kết quả: ${due.replace(/\//g, '\\/')}\\.`));
    assert.ok(
      mail.text?.startsWith(
        `Kính gửi ông/bà,\n\nPhường Trung Tâm đã tiếp nhận hồ sơ ${code} (Đăng ký khai sinh) lúc 02/03/2026 09:00.\n`,
      ),
      mail.text,
    );
    assert.ok(mail.text?.includes(`${PAGE}#motcua-code=${encodeURIComponent(code)}`), mail.text);
    assert.match(mail.messageId ?? '', /^<motcua\.notify\.\d+@motcua\.test>$/);
    assert.equal(sms.messages.length, 1);
    assert.equal(sms.messages[0]!.to, '84988000111', 'the typed number, normalised');
    assert.ok(sms.messages[0]!.text.includes(code));
    assert.match(sms.messages[0]!.text, /^[\x20-\x7e]+$/, 'unaccented');

    // The leader apologises and sets a new date: the second e-mail.
    const newDue = Date.parse(accepted.dossier.dueAt!) + 2 * 86_400_000;
    await doAction(server, leader, code, {
      kind: 'extend',
      params: { newDueAt: newDue, reason: 'Cần xác minh thông tin khai sinh tại nơi sinh' },
    });
    await drain();
    assert.equal(sink.received.length, 2);
    const apology = sink.received[1]!;
    assert.equal(apology.subject, `Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${code}`);
    assert.match(apology.text ?? '', /Lý do: Cần xác minh thông tin khai sinh tại nơi sinh\n/);
    assert.ok(apology.text?.includes(`Thời gian hẹn trả kết quả mới: ${formatVnDateTime(newDue, TZ)}.`));
    assert.equal(sms.messages.length, 2);
  });

  test('in English when asked; only the channels chosen', async () => {
    reset();
    const code = await apply({ channels: ['email'], email: 'family@example.org', lang: 'en' });
    await doAction(server, reception, code, { kind: 'accept' });
    await drain();
    assert.deepEqual(
      sink.received.map((m) => m.subject),
      [`Dossier ${code} received`],
    );
    assert.match(sink.received[0]!.text ?? '', /^Dear applicant,\n/);
    assert.equal(sms.messages.length, 0);
    assert.deepEqual(
      [...new Set((await notifyRows(code)).map((r) => r.destination))],
      [NOTIFY_EMAIL],
      'no SMS rows are queued for a dossier that chose e-mail only',
    );
  });

  test('counter intake is accepted at once: the receipt goes out with the appointment', async () => {
    reset();
    const res = await server.request('/api/v1/agencies/000.20.01.H56/procedures/1.001193/dossiers', {
      method: 'POST',
      body: submissionForm(
        { version: 1, data: birthData(), notify: { channels: ['sms'], phone: '0977 123 456' } },
        counterBirthFiles(),
      ),
      headers: { authorization: `Bearer ${reception.token}` },
    });
    assert.equal(res.status, 201, await res.clone().text());
    const { code, dueAt } = await json<{ code: string; dueAt: string }>(res);
    await drain();
    assert.equal(sink.received.length, 0, 'SMS only');
    assert.deepEqual(
      sms.messages.map((m) => m.to),
      ['84977123456'],
    );
    const text = sms.messages[0]!.text;
    assert.ok(text.includes(code) && text.includes(formatVnDateTime(Date.parse(dueAt), TZ).slice(0, 10)), text);
  });

  test('a dossier without a choice queues nothing for notifications', async () => {
    const code = await apply(undefined);
    await doAction(server, reception, code, { kind: 'accept' });
    assert.deepEqual(await notifyRows(code), []);
  });

  test('a chosen channel without a valid address is a 400 at its pointer; nothing is stored', async () => {
    const before = await rowCounts(server);
    const res = await submitOnline(
      server,
      '1.001193',
      {
        version: 1,
        agency: '000.20.01.H56',
        data: birthData({ requester: { ...(birthData().requester as object), email: undefined } }),
        notify: { channels: ['email', 'sms'], phone: '0241234567' },
      },
      birthFiles(),
    );
    assert.equal(res.status, 400);
    const body = await json<{ error: { issues: { pointer: string; message: { vi: string; en: string } }[] } }>(res);
    assert.deepEqual(body.error.issues.map((i) => i.pointer).sort(), [
      '/submission/notify/email',
      '/submission/notify/phone',
    ]);
    assert.ok(body.error.issues.every((i) => i.message.vi && i.message.en));
    assert.deepEqual(await rowCounts(server), before);
    const shape = await submitOnline(
      server,
      '1.001193',
      { version: 1, agency: '000.20.01.H56', data: birthData(), notify: { channels: ['fax'] } },
      birthFiles(),
    );
    assert.equal(shape.status, 400);
  });

  test('a worker killed between the send and "delivered" loses nothing; the repeat has the same Message-ID', async () => {
    const code = await apply({ channels: ['email', 'sms'] });
    await drain();
    reset();
    await doAction(server, reception, code, { kind: 'accept' });
    // The dying worker claims the receipt’s rows (a 3 s lease), sends, and dies before marking them delivered.
    const claimed = await claimDue(server.ctx.db, [NOTIFY_EMAIL, NOTIFY_SMS], 10, 3000);
    assert.equal(claimed.length, 2);
    for (const m of claimed) await notifications.destinations.find((d) => d.name === m.destination)!.deliver(m);
    assert.equal(sink.received.length, 1);
    const survivor = worker();
    await survivor.drain();
    assert.equal(sink.received.length, 1, 'its rows wait for the lease');
    await new Promise((r) => setTimeout(r, 3100));
    await survivor.drain();
    await survivor.stop();
    assert.equal(sink.received.length, 2, 'at least once: sent again after the lease');
    assert.equal(sink.received[0]!.messageId, sink.received[1]!.messageId);
    assert.equal(sink.unique().length, 1, 'the receiver drops the repeat by its Message-ID');
    assert.equal(sms.requests, 2);
    assert.equal(sms.messages.length, 1, 'the gateway drops the repeat by its id');
    assert.ok((await notifyRows(code)).every((r) => r.delivered));
  });

  test('workers side by side send each notification once; a gateway outage is retried', async () => {
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push(await apply({ channels: ['email', 'sms'] }));
    await drain();
    reset();
    for (const code of codes) await doAction(server, reception, code, { kind: 'accept' });
    sms.failNext(2);
    const workers = [worker(1), worker(1), worker(1)];
    await Promise.all(workers.map((w) => w.drain()));
    await Promise.all(workers.map((w) => w.drain()));
    await Promise.all(workers.map((w) => w.stop()));
    assert.equal(sink.received.length, 3);
    assert.equal(sink.unique().length, 3);
    assert.deepEqual(sink.received.map((m) => /hồ sơ (\S+)/.exec(m.subject ?? '')![1]).sort(), [...codes].sort());
    assert.equal(sms.messages.length, 3);
    assert.equal(sms.requests, 3, 'the two refused requests are not counted as taken');
    for (const code of codes) assert.ok((await notifyRows(code)).every((r) => r.delivered));
  });

  test('the staff daily digest: once a day, per staff member’s agencies, due today and overdue', async () => {
    reset();
    const at = (iso: string) => Date.parse(iso);
    server.clock.set(at('2026-03-02T09:00:00+07:00'));
    const a = await apply(undefined);
    const acceptedA = await doAction(server, reception, a, { kind: 'accept' });
    server.clock.set(at('2026-03-03T09:00:00+07:00'));
    const b = await apply(undefined);
    const acceptedB = await doAction(server, reception, b, { kind: 'accept' });
    const dueA = Date.parse(acceptedA.dossier.dueAt!);
    const dueB = Date.parse(acceptedB.dossier.dueAt!);
    // The demo accounts' own addresses (the seed's); one account without an address gets none.
    await execute(server.ctx.db, sql`update staff set email = null where username = 'viewer.trung-tam'`);
    // The morning B is due (A is then past due): before 07:00 nothing goes out.
    const dayOfB = new Date(dueB).toLocaleDateString('en-CA', { timeZone: TZ });
    server.clock.set(at(`${dayOfB}T06:30:00+07:00`));
    assert.equal(await notifications.runDigest(), 0);
    assert.equal(sink.received.length, 0);
    server.clock.set(at(`${dayOfB}T07:05:00+07:00`));
    assert.ok(dueA < server.clock.now(), 'A is overdue by then');
    // Two processes at once: each digest goes out once.
    await Promise.all([notifications.runDigest(), notifications.runDigest()]);
    const digests = sink.received.filter((m) => m.subject?.startsWith('Hồ sơ đến hạn'));
    const to = digests.map((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '')).sort();
    assert.deepEqual(
      to,
      ['admin', 'leader', 'reception', 'specialist'].map((r) => `${r}.trung-tam@motcua.invalid`),
      'each account with a role at the ward and an address; no other agency has anything due',
    );
    const text = digests[0]!.text ?? '';
    const [, overdue] = /Quá hạn \/ Overdue \((\d+)\):\n((?: {2}- .*\n)+)/.exec(text) ?? [];
    assert.ok(Number(overdue) >= 1, text);
    assert.match(
      text,
      new RegExp(`Quá hạn / Overdue \\(\\d+\\):\\n(?: {2}- .*\\n)*? {2}- ${a.replace(/\./g, '\\.')} — `),
    );
    assert.match(
      text,
      new RegExp(`Đến hạn hôm nay / Due today \\(\\d+\\):\\n(?: {2}- .*\\n)*? {2}- ${b.replace(/\./g, '\\.')} — `),
    );
    assert.match(text, /Mở hồ sơ \/ Open the dossiers: http:\/\/motcua\.test\/staff\//);
    // Later the same day: nothing more.
    server.clock.set(at(`${dayOfB}T15:00:00+07:00`));
    assert.equal(await notifications.runDigest(), 0);
    assert.equal(sink.received.filter((m) => m.subject?.startsWith('Hồ sơ đến hạn')).length, 4);
    const rows = await execute<{ n: number; addressed: number }>(
      server.ctx.db,
      sql`select (select count(*)::int from staff_digests where day = ${dayOfB}::date and sent_at is not null) as n,
                 (select count(*)::int from staff where active and email is not null) as addressed`,
    );
    assert.equal(rows[0]!.n, rows[0]!.addressed, 'every addressed account’s day is done, with or without a mail');
  });
});
