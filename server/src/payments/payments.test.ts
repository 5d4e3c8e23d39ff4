import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { onlineBirth, staffOf } from '../../test/support/cases.ts';
import { bornOn } from '../../test/support/intake.ts';
import { execute } from '../db/client.ts';
import { payments } from '../db/schema/index.ts';
import { startVnpaySimulator, type VnpaySimulator } from './simulators/vnpay-simulator.ts';
import { startPaygovSimulator, type PaygovSimulator } from './simulators/paygov-simulator.ts';
import { vnpaySign } from './vnpay.ts';
import { paygovChecksum, CALLBACK_ORDER } from './paygov.ts';
import { paygovProvider } from './providers.ts';

const VNPAY = { tmnCode: 'MOTCUA01', hashSecret: 'vnpay-secret-of-the-tests-0123456789' };
const PAYGOV = { partnerCode: 'MOTCUA', secret: 'paygov-secret-of-the-tests-0123456789' };
const AGENCY = '000.20.01.H56';

forEachDatabase('online payments', (db) => {
  let server: TestServer;
  let http: ServerType;
  let base = '';
  let vnpay: VnpaySimulator;
  let paygov: PaygovSimulator;

  before(async () => {
    let app: TestServer['app'] | null = null;
    http = await new Promise((resolve) => {
      const s = serve({ fetch: (req) => app!.fetch(req), port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    vnpay = await startVnpaySimulator({ ...VNPAY, ipnUrl: `${base}/api/v1/public/payments/vnpay/ipn` });
    paygov = await startPaygovSimulator({
      ...PAYGOV,
      callbackUrl: `${base}/api/v1/public/payments/paygov/callback`,
      returnUrl: `${base}/api/v1/public/payments/paygov/return`,
    });
    server = await testServer(db(), {
      config: {
        publicUrl: base,
        payments: { vnpay: { ...VNPAY, payUrl: vnpay.payUrl }, paygov: { ...PAYGOV, url: paygov.url } },
      },
    });
    app = server.app;
  });
  after(async () => {
    await vnpay.close();
    await paygov.close();
    (http as unknown as { closeAllConnections(): void }).closeAllConnections();
    await new Promise((r) => http.close(r));
    server.dispose();
  });

  /** An online late birth registration: 8,000 đồng due before acceptance, so it waits in status 6. */
  async function owing() {
    // Born 1 December 2025, filed 2 March 2026: past the 60 days, the charge is owed.
    const d = await onlineBirth(server, bornOn('2025-12-01'));
    return d;
  }
  async function status(code: string) {
    const [r] = await execute<{ status: number }>(server.ctx.db, sql`select status from dossiers where code = ${code}`);
    return r!.status;
  }
  async function start(d: { code: string; secret: string }, provider: 'vnpay' | 'paygov') {
    const res = await server.request(`/api/v1/public/dossiers/${d.code}/payments`, {
      method: 'POST',
      headers: { 'x-tracking-secret': d.secret, 'content-type': 'application/json' },
      body: JSON.stringify({ provider, backTo: 'https://site.test/ho-so' }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    const started = (await res.json()) as { paymentId: string; orderRef: string; amount: number; redirectUrl: string };
    // The provider's page opens (the simulator checks the signature / MaXacThuc as the provider does).
    const page = await fetch(started.redirectUrl);
    assert.equal(page.status, 200);
    assert.match(await page.text(), new RegExp(started.orderRef));
    return started;
  }
  async function tracked(d: { code: string; secret: string }) {
    const res = await server.request(`/api/v1/public/dossiers/${d.code}`, {
      headers: { 'x-tracking-secret': d.secret },
    });
    assert.equal(res.status, 200);
    return (await res.json()) as { payment: { total: number; bankTransfer: { content: string } | null } | null };
  }
  async function payment(id: string) {
    return (await server.ctx.db.select().from(payments).where(eq(payments.id, id)))[0]!;
  }
  async function callbacks(ref: string) {
    return execute<{ channel: string; outcome: string; reason: string | null }>(
      server.ctx.db,
      sql`select channel, outcome, reason from payment_callbacks where order_ref = ${ref} order by id`,
    );
  }
  const vnpReturn = async (url: string) => {
    const res = await server.request(new URL(url).pathname + new URL(url).search);
    assert.equal(res.status, 200);
    return (await res.json()) as { outcome: string; state: string; dossierCode: string; backTo: string };
  };

  test('VNPay success: the IPN settles, the dossier moves on; the return and a repeated IPN change nothing', async () => {
    const d = await owing();
    assert.equal(await status(d.code), 6);
    const due = (await tracked(d)).payment;
    assert.equal(due?.total, 8000, 'tracking says how to pay until it is paid');
    assert.equal(due?.bankTransfer?.content, `LE PHI KHAI SINH ${d.code}`);
    const p = await start(d, 'vnpay');
    assert.equal(p.amount, 8000);
    assert.equal((await payment(p.paymentId)).state, 'pending');
    const fields = vnpay.result(p.orderRef, 'success');
    assert.deepEqual(await vnpay.sendIpn(fields), { RspCode: '00', Message: 'Confirm Success' });
    assert.equal((await payment(p.paymentId)).state, 'paid');
    assert.equal(await status(d.code), 1, 'out of status 6 by itself');
    assert.equal((await tracked(d)).payment, null, 'paid: nothing more to pay');
    assert.deepEqual(await vnpay.sendIpn(fields), { RspCode: '02', Message: 'Order already confirmed' });
    const back = await vnpReturn(vnpay.returnUrl(p.orderRef, fields));
    assert.deepEqual(back, {
      outcome: 'duplicate',
      state: 'paid',
      dossierCode: d.code,
      backTo: 'https://site.test/ho-so',
    });
    const events = await execute<{ kind: string }>(
      server.ctx.db,
      sql`select e.kind from dossier_events e join dossiers d on d.id = e.dossier_id where d.code = ${d.code} and e.kind = 'payment_recorded'`,
    );
    assert.equal(events.length, 1, 'one payment event');
    assert.deepEqual(
      (await callbacks(p.orderRef)).map((c) => c.outcome),
      ['accepted', 'duplicate', 'duplicate'],
    );
    // Nothing left to pay.
    const again = await server.request(`/api/v1/public/dossiers/${d.code}/payments`, {
      method: 'POST',
      headers: { 'x-tracking-secret': d.secret, 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'vnpay' }),
    });
    assert.equal(again.status, 409);
  });

  test('VNPay: the return before the IPN settles once; the IPN is then "already confirmed"', async () => {
    const d = await owing();
    const p = await start(d, 'vnpay');
    const fields = vnpay.result(p.orderRef, 'success');
    assert.equal((await vnpReturn(vnpay.returnUrl(p.orderRef, fields))).state, 'paid');
    assert.equal((await vnpay.sendIpn(fields)).RspCode, '02');
    assert.equal(await status(d.code), 1);
  });

  test('VNPay failure and cancellation end failed; the dossier still waits and can be paid again', async () => {
    const d = await owing();
    for (const outcome of ['failure', 'cancel'] as const) {
      const p = await start(d, 'vnpay');
      assert.equal((await vnpay.sendIpn(vnpay.result(p.orderRef, outcome))).RspCode, '00');
      const row = await payment(p.paymentId);
      assert.equal(row.state, 'failed');
      assert.equal(row.providerCode, outcome === 'cancel' ? '24' : '51');
      assert.equal(await status(d.code), 6);
    }
    const p = await start(d, 'vnpay');
    assert.equal((await vnpay.sendIpn(vnpay.result(p.orderRef, 'success'))).RspCode, '00');
    assert.equal(await status(d.code), 1);
  });

  test('VNPay: tampered signature, wrong amount and unknown order are refused and recorded', async () => {
    const d = await owing();
    const p = await start(d, 'vnpay');
    const good = vnpay.result(p.orderRef, 'success');
    const tampered = { ...good, vnp_Amount: '100' };
    assert.equal((await vnpay.sendIpn(tampered)).RspCode, '97');
    const forged = { ...good, vnp_SecureHash: vnpaySign('another secret', good) };
    assert.equal((await vnpay.sendIpn(forged)).RspCode, '97');
    const { vnp_SecureHash: _, ...unsigned } = good;
    const wrongAmount = { ...unsigned, vnp_Amount: '100000' };
    assert.equal(
      (await vnpay.sendIpn({ ...wrongAmount, vnp_SecureHash: vnpaySign(VNPAY.hashSecret, wrongAmount) })).RspCode,
      '04',
    );
    const unknown = { ...unsigned, vnp_TxnRef: 'MCNOTOURS' };
    assert.equal(
      (await vnpay.sendIpn({ ...unknown, vnp_SecureHash: vnpaySign(VNPAY.hashSecret, unknown) })).RspCode,
      '01',
    );
    assert.equal((await payment(p.paymentId)).state, 'pending');
    assert.equal(await status(d.code), 6);
    assert.deepEqual(
      (await callbacks(p.orderRef)).map((c) => c.reason),
      ['bad-signature', 'bad-signature', 'wrong-amount'],
    );
    assert.equal((await callbacks('MCNOTOURS'))[0]?.reason, 'unknown-order');
    // The genuine result still settles it.
    assert.equal((await vnpay.sendIpn(good)).RspCode, '00');
    assert.equal(await status(d.code), 1);
  });

  test('PayGov: pay page, callback, return, status query and e-receipt', async () => {
    const d = await owing();
    const p = await start(d, 'paygov');
    // The payer pays on the platform's page: it posts the callback, then sends the browser back.
    const done = await fetch(`${new URL(p.redirectUrl).origin}/sim/complete?ref=${p.orderRef}&outcome=success`, {
      redirect: 'manual',
    });
    assert.equal(done.status, 302);
    assert.equal((await payment(p.paymentId)).state, 'paid');
    assert.equal(await status(d.code), 1);
    const back = await server.request(
      new URL(done.headers.get('location')!).pathname + new URL(done.headers.get('location')!).search,
    );
    assert.deepEqual(((await back.json()) as { outcome: string }).outcome, 'duplicate');
    const provider = paygovProvider({ ...PAYGOV, url: paygov.url });
    const q = await provider.query(p.orderRef, Date.now());
    assert.deepEqual({ ok: q!.ok, amount: q!.amount }, { ok: true, amount: 8000 });
    const pdf = await provider.receipt(p.orderRef, Date.now());
    assert.match(new TextDecoder().decode(pdf!), new RegExp(`^%PDF-[\\s\\S]*${p.orderRef}`));
    assert.deepEqual(
      (await callbacks(p.orderRef)).map((c) => `${c.channel}:${c.outcome}`),
      ['callback:accepted', 'return:duplicate'],
    );
  });

  test('PayGov: tampered, wrong amount and failed callbacks; the platform refuses a bad MaXacThuc', async () => {
    const d = await owing();
    const p = await start(d, 'paygov');
    const post = async (f: Record<string, string>) => {
      const res = await server.request('/api/v1/public/payments/paygov/callback', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(f),
      });
      return ((await res.json()) as { error_code: string }).error_code;
    };
    const good = paygov.result(p.orderRef, 'success');
    assert.equal(await post({ ...good, SoTien: '1' }), '97');
    const wrong = { ...good, SoTien: '9000' };
    assert.equal(await post({ ...wrong, MaXacThuc: paygovChecksum(CALLBACK_ORDER, wrong, PAYGOV.secret) }), '97');
    assert.equal((await callbacks(p.orderRef)).map((c) => c.reason).join(), 'bad-signature,wrong-amount');
    assert.equal((await payment(p.paymentId)).state, 'pending');
    const failed = paygov.result(p.orderRef, 'failure');
    assert.equal(await post(failed), '0');
    assert.equal((await payment(p.paymentId)).state, 'failed');
    assert.equal(await post(good), '0', 'a settled order is a duplicate, not a second verdict');
    assert.equal((await payment(p.paymentId)).state, 'failed');
    await assert.rejects(
      paygovProvider({ ...PAYGOV, secret: 'not the secret', url: paygov.url }).query(p.orderRef, Date.now()),
      /QUERY refused/,
    );
  });

  test('refund with a reason; reconciliation per provider and day', async () => {
    const d = await owing();
    const p = await start(d, 'vnpay');
    await vnpay.sendIpn(vnpay.result(p.orderRef, 'success'));
    const reception = await staffOf(server, 'reception.trung-tam');
    const auth = { authorization: `Bearer ${reception.token}` };
    const list = await server.request(`/api/v1/dossiers/${d.code}/payments`, { headers: auth });
    const items = ((await list.json()) as { items: { id: string; state: string }[] }).items;
    assert.deepEqual(
      items.map((i) => i.state),
      ['paid'],
    );
    const refund = (reason: string) =>
      server.request(`/api/v1/dossiers/${d.code}/payments/${p.paymentId}/refund`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ reason }),
      });
    assert.equal((await refund('')).status, 400);
    const r = await refund('Nộp trùng / paid twice');
    assert.equal(r.status, 200);
    assert.equal(((await r.json()) as { refundReason: string }).refundReason, 'Nộp trùng / paid twice');
    assert.equal((await refund('again')).status, 409);
    const admin = await staffOf(server, 'admin.trung-tam');
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
      (await payment(p.paymentId)).paidAt!,
    );
    const rec = await server.request(`/api/v1/agencies/${AGENCY}/payments/reconciliation?provider=vnpay&day=${day}`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    assert.equal(rec.status, 200);
    const report = (await rec.json()) as {
      count: number;
      paid: number;
      refunded: number;
      net: number;
      items: { orderRef: string; state: string }[];
    };
    const all = await execute<{ n: number; s: number }>(
      server.ctx.db,
      sql`select count(*)::int as n, coalesce(sum(amount), 0)::int as s from payments where provider = 'vnpay' and paid_at is not null`,
    );
    assert.equal(report.count, all[0]!.n);
    assert.equal(report.paid, all[0]!.s);
    assert.equal(report.refunded, 8000);
    assert.equal(report.net, report.paid - 8000);
    assert.equal(report.items.find((i) => i.orderRef === p.orderRef)?.state, 'refunded');
  });
});
