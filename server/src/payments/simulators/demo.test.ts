import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { forEachDatabase } from '../../../test/support/databases.ts';
import { testServer, type TestServer } from '../../../test/support/server.ts';
import { onlineBirth } from '../../../test/support/cases.ts';
import { bornOn } from '../../../test/support/intake.ts';
import { ConfigError, loadConfig } from '../../config/config.ts';
import { execute } from '../../db/client.ts';
import { banner } from '../../commands/serve.ts';
import type { RunningServer } from '../../server.ts';
import { startDemoPayments, type DemoPayments } from './demo.ts';

test('the demo pays through the simulators: with the demo seed, no provider, outside production', () => {
  assert.ok(loadConfig({}).demoPayments, 'npm start');
  assert.match(loadConfig({}).demoPayments!.secret, /^[0-9a-f]{48}$/);
  assert.notEqual(loadConfig({}).demoPayments!.secret, loadConfig({}).demoPayments!.secret, 'random per start');
  assert.equal(
    loadConfig({ MOTCUA_DEMO_PAYMENT_SECRET: 's' }).demoPayments!.secret,
    's',
    'a worker gets the primary’s',
  );
  assert.equal(loadConfig({ NODE_ENV: 'production' }).demoPayments, null);
  assert.equal(loadConfig({ MOTCUA_SEED_DEMO: 'false' }).demoPayments, null);
  assert.equal(loadConfig({}, { seedDemo: false }).demoPayments, null, '--no-seed');
  assert.equal(loadConfig({ MOTCUA_DEMO_PAYMENTS: 'off' }).demoPayments, null);
  assert.ok(loadConfig({ NODE_ENV: 'production', MOTCUA_DEMO_PAYMENTS: 'on' }).demoPayments, 'asked for');
  const vnpay = { MOTCUA_VNPAY_TMN_CODE: 'T', MOTCUA_VNPAY_HASH_SECRET: 'h', MOTCUA_VNPAY_PAY_URL: 'https://p' };
  assert.equal(loadConfig(vnpay).demoPayments, null, 'a real provider is configured');
  assert.throws(() => loadConfig({ ...vnpay, MOTCUA_DEMO_PAYMENTS: 'on' }), ConfigError);
});

forEachDatabase('the demo payment simulators', (db) => {
  let server: TestServer;
  let http: ServerType;
  let base = '';
  let demo: DemoPayments;

  before(async () => {
    let app: TestServer['app'] | null = null;
    http = await new Promise((resolve) => {
      const s = serve({ fetch: (req) => app!.fetch(req), port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    server = await testServer(db(), { config: { publicUrl: base } });
    app = server.app;
    assert.deepEqual(server.ctx.config.payments, { vnpay: null, paygov: null });
    demo = await startDemoPayments(server.ctx.config, { secret: 'demo-secret-of-the-tests' }, base);
  });
  after(async () => {
    await demo.close();
    (http as unknown as { closeAllConnections(): void }).closeAllConnections();
    await new Promise((r) => http.close(r));
    server.dispose();
  });

  const status = async (code: string) =>
    (await execute<{ status: number }>(server.ctx.db, sql`select status from dossiers where code = ${code}`))[0]!
      .status;

  /** What a browser does: the provider's page, its "pay" link, then every redirect back to the site. */
  async function payInBrowser(code: string, secret: string, provider: 'vnpay' | 'paygov'): Promise<string> {
    const track = async () => {
      const res = await fetch(`${base}/api/v1/public/dossiers/${code}`, { headers: { 'x-tracking-secret': secret } });
      return (await res.json()) as { status: number; onlinePayment: Record<string, unknown> | null };
    };
    const before = await track();
    assert.deepEqual(before.onlinePayment?.providers, ['vnpay', 'paygov'], 'both offered while due');
    const res = await fetch(`${base}/api/v1/public/dossiers/${code}/payments`, {
      method: 'POST',
      headers: { 'x-tracking-secret': secret, 'content-type': 'application/json' },
      body: JSON.stringify({ provider, backTo: 'https://tinh.example/nop-ho-so?thu-tuc=1.001193#old' }),
    });
    assert.equal(res.status, 201);
    const { redirectUrl } = (await res.json()) as { redirectUrl: string };
    const page = await (await fetch(redirectUrl)).text();
    const pay = /<a href="([^"]+)">Thanh toán \/ Pay<\/a>/.exec(page)![1]!.replace(/&amp;/g, '&');
    let at = new URL(pay, redirectUrl).href;
    for (let hop = 0; hop < 5 && at.startsWith('http://127.0.0.1'); hop++) {
      const r = await fetch(at, { redirect: 'manual', headers: { accept: 'text/html,application/xhtml+xml' } });
      assert.ok(r.status === 302 || r.status === 303, `${at} → ${r.status}`);
      at = new URL(r.headers.get('location')!, at).href;
    }
    const after = await track();
    assert.deepEqual(after.onlinePayment?.providers, [], 'nothing more to pay');
    assert.equal((after.onlinePayment?.latest as { state: string }).state, 'paid');
    assert.ok(after.onlinePayment?.paidAt);
    return at;
  }

  for (const provider of ['vnpay', 'paygov'] as const)
    test(`${provider}: a late birth registration is paid on the simulator's page; the browser comes back to the site`, async () => {
      const d = await onlineBirth(server, bornOn('2025-12-01'));
      assert.equal(await status(d.code), 6);
      const back = await payInBrowser(d.code, d.secret, provider);
      assert.equal(
        back,
        `https://tinh.example/nop-ho-so?thu-tuc=1.001193#motcua-payment=paid&motcua-dossier=${d.code}`,
      );
      assert.equal(await status(d.code), 1, 'received, out of status 6 by itself');
    });

  test('the page to come back to must be http(s): anything else is refused before any payment', async () => {
    const d = await onlineBirth(server, bornOn('2025-12-01'));
    for (const backTo of ['javascript:alert(1)', 'data:text/html,x', 'ftp://tinh.example/']) {
      const res = await fetch(`${base}/api/v1/public/dossiers/${d.code}/payments`, {
        method: 'POST',
        headers: { 'x-tracking-secret': d.secret, 'content-type': 'application/json' },
        body: JSON.stringify({ provider: 'vnpay', backTo }),
      });
      assert.equal(res.status, 400, backTo);
      const body = (await res.json()) as { error: { issues: { pointer: string }[] } };
      assert.deepEqual(
        body.error.issues.map((i) => i.pointer),
        ['/body/backTo'],
      );
    }
    const [row] = await execute<{ n: number }>(
      server.ctx.db,
      sql`select count(*)::int as n from payments p join dossiers d on d.id = p.dossier_id where d.code = ${d.code}`,
    );
    assert.equal(row?.n, 0, 'no payment recorded');
  });

  test('a program coming back gets the verdict as JSON; the banner names the simulators', async () => {
    const text = banner({
      url: base,
      ctx: server.ctx,
      seed: null,
      demoPayments: demo,
      notifications: { mail: 'files in /tmp/mail', sms: 'files in /tmp/sms' },
    } as unknown as RunningServer);
    assert.match(text, /VNPay \(mô phỏng \/ simulator\): +http:\/\/127\.0\.0\.1:\d+\/paymentv2\/vpcpay\.html/);
    assert.match(text, /PayGov \(mô phỏng \/ simulator\): +http:\/\/127\.0\.0\.1:\d+\//);
    const bad = await fetch(`${base}/api/v1/public/payments/vnpay/return?vnp_TxnRef=X&vnp_SecureHash=00`);
    assert.equal(bad.status, 200);
    assert.equal(((await bad.json()) as { outcome: string }).outcome, 'refused');
  });
});
