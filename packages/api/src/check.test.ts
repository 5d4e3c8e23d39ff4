import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFetchResponse, checkResponse, matchRoute } from './check.ts';

const json = 'application/json; charset=utf-8';
const view = {
  code: 'D-1',
  procedure: { code: '1.001193', version: 1, title: { vi: 'Đăng ký khai sinh' } },
  agency: { code: '000.20.01.H56', name: { vi: 'Phường Trung Tâm' } },
  status: 1,
  statusLabel: { vi: 'Mới đăng ký', en: 'Newly submitted' },
  submittedAt: '2026-03-02T08:00:00+07:00',
  acceptedAt: null,
  dueAt: null,
  fees: { collect: 'before', items: [], total: 0 },
  timeline: [{ kind: 'submit', label: { vi: 'Nộp', en: 'Submit' }, at: '2026-03-02T08:00:00+07:00', status: 1 }],
  supplement: null,
  onlinePayment: null,
  payment: null,
  canSupplement: false,
  canWithdraw: true,
  withdrawalRequested: false,
  files: [],
  slips: [],
};

test('a body that keeps the contract passes', () => {
  assert.deepEqual(checkResponse('publicTrackDossier', { status: 200, contentType: json, body: view }), []);
});

test('a tracking view with fees still owed carries what for, the total and how to pay', () => {
  const payment = {
    collect: 'before',
    items: [{ id: 'le-phi', title: { vi: 'Lệ phí', en: 'Charge' }, amount: 8000 }],
    total: 8000,
    bankTransfer: { bank: 'Kho bạc', accountNumber: '3511', payee: 'UBND', content: 'LE PHI D-1' },
    counter: { vi: 'Tại quầy' },
    note: null,
  };
  assert.deepEqual(
    checkResponse('publicTrackDossier', { status: 200, contentType: json, body: { ...view, payment } }),
    [],
  );
  const { total, ...noTotal } = payment;
  void total;
  const wrong = checkResponse('publicTrackDossier', {
    status: 200,
    contentType: json,
    body: { ...view, payment: noTotal },
  });
  assert.ok(
    wrong.some((i) => i.pointer.startsWith('/body/payment')),
    JSON.stringify(wrong),
  );
});

test('the check catches a wrong body: a missing field, an extra one, a wrong type', () => {
  const { procedure, ...noProcedure } = view;
  void procedure;
  const missing = checkResponse('publicTrackDossier', { status: 200, contentType: json, body: noProcedure });
  assert.deepEqual(
    missing.map((i) => [i.pointer, i.code]),
    [['/body/procedure', 'required']],
  );
  const extra = checkResponse('publicTrackDossier', {
    status: 200,
    contentType: json,
    body: { ...view, procedure: { ...view.procedure, owner: 'x' } },
  });
  assert.deepEqual(
    extra.map((i) => [i.pointer, i.code]),
    [['/body/procedure', 'additionalProperties']],
  );
  assert.match(extra[0]!.message.en, /owner/);
  const wrong = checkResponse('publicTrackDossier', {
    status: 200,
    contentType: json,
    body: { ...view, supplement: { requestedAt: 'x', dueBy: 'y', items: [{ documentId: 'a' }], provided: false } },
  });
  assert.deepEqual(wrong.map((i) => [i.pointer, i.code]).slice(0, 1), [
    ['/body/supplement/items/0/reason', 'required'],
  ]);
});

test('error bodies: their status is the HTTP status; undeclared statuses and media types are caught', () => {
  const err = (status: number) => ({ error: { status, code: 'x', message: { vi: 'a', en: 'b' } } });
  assert.deepEqual(checkResponse('publicTrackDossier', { status: 404, contentType: json, body: err(404) }), []);
  assert.deepEqual(
    checkResponse('publicTrackDossier', { status: 404, contentType: json, body: err(5) }).map((i) => i.code),
    ['status'],
  );
  assert.deepEqual(
    checkResponse('publicTrackDossier', { status: 418, contentType: json, body: err(418) }).map((i) => i.code),
    ['undeclared-status'],
  );
  assert.deepEqual(
    checkResponse('publicTrackDossier', { status: 200, contentType: 'text/html', body: undefined }).map((i) => i.code),
    ['media-type'],
  );
  assert.deepEqual(checkResponse('getDossierSlip', { status: 200, contentType: 'application/pdf' }), []);
  assert.deepEqual(
    checkResponse('performDossierAction', { status: 409, contentType: json, body: err(409) }).map((i) => i.pointer),
    ['/body/error/current'],
    'a refused action carries the dossier now (`current`)',
  );
});

test('requests find their operation by method and path', async () => {
  assert.deepEqual(matchRoute('GET', '/api/v1/public/procedures/1.001193/versions/3/validators.js'), {
    operationId: 'publicGetValidators',
    params: { procedureCode: '1.001193', version: '3' },
  });
  assert.equal(
    matchRoute('POST', '/api/v1/dossiers/A-1/actions/with-files')?.operationId,
    'performDossierActionWithFiles',
  );
  assert.equal(matchRoute('DELETE', '/api/v1/health'), null);
  // A segment that is not UTF-8 (a lone surrogate's bytes) is kept as sent rather than throwing.
  assert.deepEqual(matchRoute('GET', '/api/v1/public/procedures/x%ED%BF%BFy')?.params, {
    procedureCode: 'x%ED%BF%BFy',
  });
  const notFound = new Response(
    JSON.stringify({ error: { status: 404, code: 'not_found', message: { vi: 'a', en: 'b' } } }),
    {
      status: 404,
      headers: { 'content-type': json },
    },
  );
  assert.deepEqual(await checkFetchResponse('GET', 'http://x/api/v1/nothing', notFound), []);
  const page = new Response('<p>', { status: 404, headers: { 'content-type': 'text/html' } });
  assert.equal((await checkFetchResponse('GET', 'http://x/api/v1/nothing', page)).length, 1);
  assert.deepEqual(await checkFetchResponse('GET', 'http://x/site/', page), [], 'not the API');
});
