/**
 * What the applicant holds: a counter receipt that prints the tracking secret with a QR code that
 * opens the tracking page on the dossier, and the slips issued to them, downloadable again through
 * tracking with the secret (never the agency's internal control slip, never without the secret).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer, type TestServer } from '../../test/support/server.ts';
import { bearer, json } from '../../test/support/http.ts';
import { birthData, birthFiles, counterBirthFiles, submissionForm } from '../../test/support/intake.ts';
import { decodeQr, pdfInfo, pdfText } from '../print/testing/pdf-tools.ts';

interface Slip {
  id: string;
  kind: string;
  format: string;
  sha256: string;
}

forEachDatabase('slips in the applicant’s hands', (db) => {
  let server: TestServer;
  let token: string;
  let code: string;
  let secret: string;

  const post = (path: string, body: unknown) =>
    server.request(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const track = (path: string, key = secret) =>
    server.request(`/api/v1/public/dossiers/${code}${path}`, { headers: { 'x-tracking-secret': key } });

  before(async () => {
    server = await testServer(db(), { config: { trackingUrl: 'https://dichvucong.example.gov.vn/tra-cuu' } });
    token = await bearer(server, 'reception.trung-tam');
    const res = await server.request('/api/v1/agencies/000.20.01.H56/procedures/1.001193/dossiers', {
      method: 'POST',
      body: submissionForm({ version: 1, channel: 'direct', data: birthData() }, counterBirthFiles()),
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 201, await res.clone().text());
    ({ code, secret } = await json<{ code: string; secret: string }>(res));
  });
  after(() => server.dispose());

  test('a wrong secret, or a secret on another slip, is refused and issues nothing', async () => {
    const wrong = await post(`/api/v1/dossiers/${code}/slips`, {
      kind: 'receipt',
      trackingSecret: 'ABCDE-FGHJK-MNPQR-STUVW',
    });
    assert.equal(wrong.status, 422);
    const body = await json<{ error: { issues: Array<{ pointer: string }> } }>(wrong);
    assert.equal(body.error.issues[0]!.pointer, '/trackingSecret');
    const control = await post(`/api/v1/dossiers/${code}/slips`, { kind: 'control', trackingSecret: secret });
    assert.equal(control.status, 422);
    const listed = await json<{ items: Slip[] }>(
      await server.request(`/api/v1/dossiers/${code}/slips`, { headers: { authorization: `Bearer ${token}` } }),
    );
    assert.deepEqual(listed.items, [], 'nothing issued');
  });

  test('the counter receipt prints the secret and a QR code that opens tracking on this dossier', async () => {
    const res = await post(`/api/v1/dossiers/${code}/slips`, { kind: 'receipt', trackingSecret: secret.toLowerCase() });
    assert.equal(res.status, 200, await res.clone().text());
    const { items } = await json<{ items: Slip[] }>(res);
    const pdf = items.find((s) => s.format === 'pdf')!;
    const bytes = new Uint8Array(
      await (
        await server.request(`/api/v1/dossiers/${code}/slips/${pdf.id}`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).arrayBuffer(),
    );
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    assert.ok(text.includes(`Mã bí mật tra cứu: ${secret}`), `the secret in groups of five: ${text}`);
    assert.ok(text.includes('tra cứu tại dichvucong.example.gov.vn/tra-cuu'), 'where to type it');
    const link = `https://dichvucong.example.gov.vn/tra-cuu#motcua-code=${encodeURIComponent(code)}&motcua-secret=${secret.replace(/-/g, '')}`;
    assert.deepEqual(decodeQr(bytes), [link], 'the QR code opens tracking (its link carries the code)');
    assert.equal(pdfInfo(bytes).Pages, '1', 'still one page');
    const page = await (
      await server.request(`/api/v1/dossiers/${code}/slips/${items.find((s) => s.format === 'html')!.id}`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).text();
    assert.match(page, /aria-label="Mã QR tra cứu hồ sơ"/);
    assert.ok(page.includes(secret), 'the HTML copy says the same');
  });

  test('tracking lists the slips issued to the applicant and serves them exactly as issued', async () => {
    await post(`/api/v1/dossiers/${code}/slips`, { kind: 'control' });
    const view = await json<{ slips: Array<{ id: string; kind: string; size: number }> }>(await track(''));
    assert.deepEqual(
      view.slips.map((s) => s.kind),
      ['receipt'],
      'the PDF of each applicant slip; the control slip stays with the agencies',
    );
    const staffList = await json<{ items: Slip[] }>(
      await server.request(`/api/v1/dossiers/${code}/slips`, { headers: { authorization: `Bearer ${token}` } }),
    );
    const receipt = staffList.items.find((s) => s.kind === 'receipt' && s.format === 'pdf')!;
    const control = staffList.items.find((s) => s.kind === 'control' && s.format === 'pdf')!;
    assert.equal(view.slips[0]!.id, receipt.id);

    const got = await track(`/slips/${receipt.id}`);
    assert.equal(got.status, 200);
    assert.equal(got.headers.get('content-type'), 'application/pdf');
    const bytes = Buffer.from(await got.arrayBuffer());
    assert.equal(createHash('sha256').update(bytes).digest('hex'), receipt.sha256);

    assert.equal((await track(`/slips/${control.id}`)).status, 404, 'the control slip is not the applicant’s');
    assert.equal((await track(`/slips/${receipt.id}`, 'ABCDE-FGHJK-MNPQR-STUVW')).status, 404, 'wrong secret');
  });

  test('a reprint serves the receipt already issued, and never re-renders it', async () => {
    const first = await json<{ items: Slip[] }>(await post(`/api/v1/dossiers/${code}/slips`, { kind: 'receipt' }));
    const again = await json<{ items: Slip[] }>(
      await post(`/api/v1/dossiers/${code}/slips`, { kind: 'receipt', trackingSecret: secret }),
    );
    assert.deepEqual(
      again.items.map((s) => s.sha256),
      first.items.map((s) => s.sha256),
    );
  });
});
