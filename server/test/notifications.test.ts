/**
 * Notifications through real `motcua serve` processes, configured by the environment only: a staff
 * action over HTTP → the event's outbox row → the process's own worker → nodemailer → a real SMTP
 * server on loopback. Then (PostgreSQL: a second process takes over) kill -9 of the process while
 * the SMTP server holds its message unanswered: nothing is lost, and the one repeat carries the
 * same Message-ID, as does every repeated webhook its delivery id.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { createPostgresDatabase } from './support/databases.ts';
import { startServerProcess, type ServerProcess } from './support/processes.ts';
import { birthData, birthFiles, submissionForm } from './support/intake.ts';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.ts';
import { startReceiver, type Receiver } from './support/receiver.ts';
import { WEBHOOK_HEADERS } from '../src/outbox/webhook.ts';

const AGENCY = '000.20.01.H56';
const PASSWORD = 'demo-password-for-tests';
const FROM = '"Bộ phận Một cửa" <no-reply@motcua.test>';
const TRACKING = 'http://motcua.test/site/tra-cuu.html';
const NOW = Date.parse('2026-03-02T02:00:00Z');

interface Session {
  cookie: string;
  csrf: string;
}

async function login(url: string, username: string): Promise<Session> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  assert.equal(res.status, 200, await res.clone().text());
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: body.csrfToken };
}

async function act(url: string, who: Session, code: string, action: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${url}/api/v1/dossiers/${code}/actions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: who.cookie, 'x-csrf-token': who.csrf },
    body: JSON.stringify(action),
  });
  assert.equal(res.status, 200, `${String(action.kind)} on ${code}: ${await res.clone().text()}`);
}

async function apply(url: string, notify: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${url}/api/v1/public/procedures/1.001193/dossiers`, {
    method: 'POST',
    body: submissionForm({ version: 1, agency: AGENCY, data: birthData(), notify }, birthFiles()),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return ((await res.json()) as { code: string }).code;
}

/** The seq of every event of a dossier, read through the staff API. */
async function eventSeqs(url: string, who: Session, code: string): Promise<number[]> {
  const res = await fetch(`${url}/api/v1/dossiers/${code}/events`, { headers: { cookie: who.cookie } });
  assert.equal(res.status, 200);
  return ((await res.json()) as { items: { seq: number }[] }).items.map((e) => e.seq);
}

/** Waits for a condition the processes bring about; the bound only ends a hung test (no speed is asserted). */
async function until(what: string, ok: () => boolean, ms = 120_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const toOf = (m: SmtpSink['received'][number]) => (m.to && !Array.isArray(m.to) ? m.to.text : '');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`notifications through motcua serve [${kind}]`, () => {
    let db: { url: string; drop(): Promise<void> } | null = null;
    let dir: string;
    let sink: SmtpSink;
    let receiver: Receiver;
    let env: Record<string, string>;
    let a: ServerProcess;
    let b: ServerProcess | null = null;

    before(async () => {
      sink = await startSmtpSink();
      receiver = await startReceiver();
      dir = mkdtempSync(join(tmpdir(), 'motcua-notify-'));
      if (kind === 'postgres') db = await createPostgresDatabase();
      env = {
        ...(db ? { DATABASE_URL: db.url } : {}),
        MOTCUA_DATA_DIR: join(dir, 'data'),
        MOTCUA_FILES_DIR: join(dir, 'files'),
        MOTCUA_DEMO_PASSWORD: PASSWORD,
        MOTCUA_FAKE_NOW: new Date(NOW).toISOString(),
        MOTCUA_SMTP_URL: sink.url,
        MOTCUA_MAIL_FROM: FROM,
        MOTCUA_TRACKING_URL: TRACKING,
        MOTCUA_DIGEST_HOUR: 'off',
        MOTCUA_DEMO_PAYMENTS: 'off',
        MOTCUA_WEBHOOKS: JSON.stringify([
          { name: 'registry', url: receiver.url, secret: 'a-webhook-secret-of-the-test' },
        ]),
        MOTCUA_OUTBOX_POLL_MS: '50',
        // A dead process's claims come back after 2 s (the default minute is too long for a test).
        MOTCUA_OUTBOX_LEASE_MS: '2000',
      };
      a = await startServerProcess(env, undefined, { serveArgs: ['--workers', '1'], readyTimeoutMs: 240_000 });
    });

    after(async () => {
      await Promise.allSettled([a?.stop(), b?.stop()]);
      await Promise.allSettled([sink?.close(), receiver?.close()]);
      await db?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('accepted, or asked for a supplement: the e-mail arrives at the SMTP server, in Vietnamese or English', async () => {
      const reception = await login(a.url, 'reception.trung-tam');
      const vi = await apply(a.url, { channels: ['email'] });
      const en = await apply(a.url, { channels: ['email'], email: 'family@example.org', lang: 'en' });
      await act(a.url, reception, vi, { kind: 'accept' });
      await act(a.url, reception, en, {
        kind: 'request_supplement',
        params: {
          items: [{ documentId: 'giay-chung-sinh', reason: 'Giấy chứng sinh bị mờ, không đọc được' }],
          dueBy: NOW + 5 * 86_400_000,
        },
      });
      await until('two e-mails', () => sink.received.length >= 2);

      const receipt = sink.received.find((m) => m.subject?.includes(vi));
      assert.ok(receipt, sink.received.map((m) => m.subject).join(', '));
      assert.equal(toOf(receipt), 'an@example.vn', 'the applicant’s address from the form');
      assert.equal(receipt.from?.text, FROM);
      assert.equal(receipt.subject, `Tiếp nhận hồ sơ ${vi}`);
      assert.match(
        receipt.text ?? '',
        new RegExp(`^Kính gửi ông/bà,\\n\\nPhường Trung Tâm đã tiếp nhận hồ sơ ${escape(vi)} \\(Đăng ký khai sinh\\)`),
      );
      assert.match(receipt.text ?? '', /Thời gian hẹn trả kết quả: \d\d\/\d\d\/\d{4} \d\d:\d\d\./);
      assert.ok(receipt.text?.includes(`${TRACKING}#motcua-code=${encodeURIComponent(vi)}`), receipt.text);
      assert.match(receipt.messageId ?? '', /^<motcua\.notify\.\d+@motcua\.test>$/);

      const supplement = sink.received.find((m) => m.subject?.includes(en));
      assert.ok(supplement);
      assert.equal(toOf(supplement), 'family@example.org', 'the address typed with the choice');
      assert.equal(supplement.subject, `Dossier ${en}: a supplement is requested`);
      assert.match(supplement.text ?? '', /^Dear applicant,\n/);
      assert.ok(supplement.text?.includes(`Dossier ${en} (`), supplement.text);
      assert.ok(supplement.text?.includes('- Giấy chứng sinh bị mờ, không đọc được\n'), 'the reason, as typed');
      assert.match(supplement.text ?? '', /Please supplement it by \d\d\/\d\d\/\d{4}, online on the tracking page/);
      assert.ok(supplement.text?.includes(`${TRACKING}#motcua-code=${encodeURIComponent(en)}`));
      assert.equal(sink.received.length, 2, 'the submissions themselves call for no e-mail');
    });

    if (kind === 'postgres')
      test('kill -9 while the SMTP server holds a message: another process delivers everything, repeats keep their ids', async () => {
        const reception = await login(a.url, 'reception.trung-tam');
        const codes: string[] = [];
        for (let i = 0; i < 3; i++) codes.push(await apply(a.url, { channels: ['email'] }));
        await until('the submissions’ webhooks', () =>
          codes.every((c) => receiver.requests.some((r) => r.body.includes(c))),
        );
        sink.received.length = 0;
        // The first receipt reaches the SMTP server, which keeps it unanswered until the sender is dead.
        let release!: () => void;
        const released = new Promise<void>((r) => (release = r));
        sink.hold = () => released;
        for (const code of codes) await act(a.url, reception, code, { kind: 'accept' });
        await until('the first receipt', () => sink.received.length === 1);
        const held = sink.received[0]!.messageId;
        await a.kill9();
        sink.hold = null;
        release();

        b = await startServerProcess(env, undefined, { serveArgs: ['--workers', '1'], readyTimeoutMs: 240_000 });
        await until('every receipt', () => codes.every((c) => sink.unique().some((m) => m.subject?.includes(c))));
        // The held message goes again only once its lease ends, which may be after the others.
        await until('the held message sent again', () => sink.received.filter((m) => m.messageId === held).length >= 2);
        const viewer = await login(b.url, 'reception.trung-tam');
        const expected = new Set<string>();
        for (const code of codes)
          for (const seq of await eventSeqs(b.url, viewer, code)) expected.add(`${code}#${seq}`);
        const bodies = () =>
          receiver.requests.map((r) => ({
            id: String(r.headers[WEBHOOK_HEADERS.delivery]),
            ...(JSON.parse(r.body) as { event: { code: string; seq: number; kind: string } }),
          }));
        const arrived = () => new Set(bodies().map((x) => `${x.event.code}#${x.event.seq}`));
        await until('every event at the webhook', () => [...expected].every((k) => arrived().has(k)));

        // E-mail: one receipt per dossier; the held one was sent again, with its Message-ID.
        assert.deepEqual(
          sink
            .unique()
            .map((m) => /hồ sơ (\S+)$/.exec(m.subject ?? '')![1])
            .sort(),
          [...codes].sort(),
        );
        assert.equal(sink.received.length, codes.length + 1, 'exactly one repeat: the message held at the kill');
        assert.deepEqual(
          sink.received.filter((m) => m.messageId === held).length,
          2,
          'the repeat is the held message, with the same Message-ID',
        );
        // Webhooks: every event arrived; a repeat (if the kill caught one) has the same delivery id and event.
        const got = bodies();
        assert.ok(got.some((x) => codes.includes(x.event.code) && x.event.kind === 'accept'));
        for (const k of expected) {
          const copies = got.filter((x) => `${x.event.code}#${x.event.seq}` === k);
          assert.equal(new Set(copies.map((x) => x.id)).size, 1, `one delivery id for ${k}`);
          assert.equal(new Set(copies.map((x) => JSON.stringify(x.event))).size, 1);
        }
        // In the database: every row of these dossiers delivered, none dead; the held row took two attempts.
        const sql = postgres(db!.url, { max: 1, onnotice: () => {} });
        try {
          const rows = await sql<{ destination: string; delivered: boolean; dead: boolean; attempts: number }[]>`
            select o.destination, o.delivered_at is not null as delivered, o.dead_at is not null as dead, o.attempts
              from outbox o join dossiers d on d.id = o.dossier_id where d.code in ${sql(codes)}`;
          assert.ok(rows.length >= 3 * codes.length, 'the webhook’s submit and accept, the accept’s e-mail');
          assert.ok(
            rows.every((r) => r.delivered && !r.dead),
            JSON.stringify(rows.filter((r) => !r.delivered || r.dead)),
          );
          const [id] = /^<motcua\.notify\.(\d+)@/.exec(held ?? '')!.slice(1);
          const [heldRow] = await sql<{ attempts: number }[]>`select attempts from outbox where id = ${Number(id)}`;
          assert.equal(heldRow!.attempts, 2, 'the killed attempt counts');
        } finally {
          await sql.end({ timeout: 1 });
        }
      });
  });
}
