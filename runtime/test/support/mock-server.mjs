// A mock of the server's public API (the contract, @motcua/api) for the browser tests of <motcua-form>
// and <motcua-track>, as web-test-runner middleware. URLs: /mock/<scenario>/api/v1/public/…
// Every body it serves is checked against the contract first: a mock that drifts from the server
// answers 500 and names what breaks the contract, failing the test that met it.
// Scenarios change how submissions are answered: ok, 400, 413, 415, flaky (POSTs lose their
// connection until POST /mock/heal), 500, conflict (422 idempotency). /mock/log lists the POSTs
// received; POST /mock/reset clears them. POST /mock/block?path=… makes a file fail to load.
import { readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { conditionSchemas, paymentDue, STATUSES } from '@motcua/core';
import { compileValidatorModule } from '@motcua/compile';
import { checkFetchResponse } from '@motcua/api/check';
import { currentValidatorsModule } from '@motcua/api';

const NO_FEES = { items: [], total: 0, collect: 'before' };

const repo = (p) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));

/** Birth registration, whose fees and ways to pay the dossiers owing money here take (core's paymentDue). */
const BIRTH = JSON.parse(readFileSync(repo('examples/procedures/1.001193-dang-ky-khai-sinh.json'), 'utf8'));

async function loadProcedure(code) {
  for (const dir of ['examples/procedures', 'runtime/test/fixtures/procedures']) {
    let files = [];
    try {
      files = await readdir(repo(dir));
    } catch {
      continue;
    }
    const file = files.find((f) => f.startsWith(`${code}-`) || f === `${code}.json`);
    if (file) return JSON.parse(await readFile(repo(`${dir}/${file}`), 'utf8'));
  }
  return null;
}

/** The ways a response of the mock's API breaks the contract (none for the mock's own control routes). */
async function contractIssues(ctx, status, type, text) {
  const api = ctx.state.contractPath;
  if (!api) return [];
  const res = new Response(status === 304 ? null : text, { status, headers: { 'content-type': type } });
  return checkFetchResponse(ctx.method, `http://mock${api}`, res);
}

/** Serves a body the contract allows, or 500 naming what breaks it. */
async function send(ctx, status, type, text) {
  const issues = await contractIssues(ctx, status, type, text);
  if (issues.length) {
    const why = issues.map((i) => `${i.pointer}: ${i.message.en}`).join('\n');
    console.error(`mock server: ${ctx.method} ${ctx.url} breaks the API contract:\n${why}`);
    ctx.status = 500;
    ctx.type = 'text/plain';
    ctx.body = `the mock broke the API contract:\n${why}`;
    return;
  }
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.type = type;
  ctx.body = text;
}

const json = (ctx, status, body) => send(ctx, status, 'application/json', JSON.stringify(body));

const error = (ctx, status, code, vi, en, issues = []) =>
  json(ctx, status, { error: { status, code, message: { vi, en }, issues } });

async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks);
}

/** What a dossier waiting for 8,000 đồng before acceptance says of paying online. */
const owing = () => ({
  amount: 8000,
  requestedAt: '2026-03-02T08:00:00+07:00',
  paidAt: null,
  providers: ['vnpay', 'paygov'],
  latest: null,
});

export function mockServer() {
  const validators = new Map();
  /** The validator module of a procedure (every version of a mock procedure has the same one). */
  const validatorsOf = async (code) => {
    if (!validators.has(code)) {
      const procedure = await loadProcedure(code);
      validators.set(code, await compileValidatorModule(conditionSchemas(procedure).map((c) => c.schema)));
    }
    return validators.get(code);
  };
  let log = [];
  const replies = new Map(); // Idempotency-Key → { fingerprint, body }
  const dossiers = new Map(); // code → { secret, view }
  let seq = 0;
  const flakySeen = new Set();
  const blocked = new Set();

  const seedTracking = () => {
    dossiers.set('000.20.01.H56-260301-0007', {
      secret: 'bi-mat-7',
      view: {
        code: '000.20.01.H56-260301-0007',
        procedure: { code: '1.001193', version: 1, title: { vi: 'Đăng ký khai sinh', en: 'Birth registration' } },
        agency: { code: '000.20.01.H56', name: { vi: 'Phường Trung Tâm', en: 'Trung Tâm ward' } },
        status: 5,
        statusLabel: STATUSES[5],
        submittedAt: '2026-03-01T08:10:00+07:00',
        acceptedAt: '2026-03-01T09:00:00+07:00',
        dueAt: '2026-03-01T17:00:00+07:00',
        fees: NO_FEES,
        timeline: [
          {
            kind: 'submit',
            label: { vi: 'Nộp trực tuyến', en: 'Submitted online' },
            at: '2026-03-01T08:10:00+07:00',
            status: 1,
          },
          {
            kind: 'accept',
            label: { vi: 'Tiếp nhận', en: 'Accepted' },
            at: '2026-03-01T09:00:00+07:00',
            status: 2,
          },
          {
            kind: 'request-supplement',
            label: { vi: 'Yêu cầu bổ sung', en: 'Supplement requested' },
            at: '2026-03-01T10:00:00+07:00',
            status: 5,
            comment: 'Ảnh giấy chứng sinh bị mờ',
          },
        ],
        supplement: {
          requestedAt: '2026-03-01T10:00:00+07:00',
          dueBy: '2026-03-06T17:00:00+07:00',
          items: [{ documentId: 'giay-chung-sinh', reason: 'Ảnh bị mờ, không đọc được' }],
          provided: false,
        },
        onlinePayment: null,
        payment: null,
        canSupplement: true,
        canWithdraw: true,
        withdrawalRequested: false,
        files: [],
        slips: [],
      },
    });
    // A dossier whose result has been returned: the result document is the applicant's to download.
    dossiers.set('000.20.01.H56-260301-0010', {
      secret: 'bi-mat-10',
      view: {
        ...dossiers.get('000.20.01.H56-260301-0007').view,
        code: '000.20.01.H56-260301-0010',
        status: 10,
        statusLabel: STATUSES[10],
        supplement: null,
        canSupplement: false,
        canWithdraw: false,
        files: [
          {
            id: '6f1c0d2e-0000-4000-8000-000000000010',
            documentId: 'ket-qua',
            purpose: 'result',
            name: 'trich-luc-khai-sinh.pdf',
            size: 15,
            mediaType: 'application/pdf',
            addedAt: '2026-03-02T10:00:00+07:00',
          },
        ],
        slips: [
          {
            id: '6f1c0d2e-0000-4000-8000-0000000000a1',
            kind: 'receipt',
            issuedAt: '2026-03-01T09:05:00+07:00',
            formNo: 'Mẫu số 01',
            size: 21,
          },
        ],
      },
    });
    // A returned dossier the applicant has not rated yet: the satisfaction rating is offered.
    dossiers.set('000.20.01.H56-260301-0011', {
      secret: 'bi-mat-11',
      view: {
        ...dossiers.get('000.20.01.H56-260301-0010').view,
        code: '000.20.01.H56-260301-0011',
        satisfaction: { canRate: true, ratedAt: null },
      },
    });
    // A dossier waiting for its fees (status 6).
    dossiers.set('000.20.01.H56-260301-0006', {
      secret: 'bi-mat-6',
      view: {
        ...dossiers.get('000.20.01.H56-260301-0010').view,
        code: '000.20.01.H56-260301-0006',
        status: 6,
        statusLabel: STATUSES[6],
        files: [],
        slips: [],
        onlinePayment: owing(),
        fees: {
          collect: 'before',
          total: 8000,
          items: [
            {
              id: 'ban-sao',
              title: { vi: 'Phí cấp bản sao Trích lục khai sinh', en: 'Birth extract copies' },
              kind: 'fee',
              unitAmount: 8000,
              amount: 8000,
              quantity: 1,
              unit: null,
              exemption: null,
              reason: { vi: '1 bản sao', en: '1 copy' },
            },
          ],
        },
      },
    });
    const owed = dossiers.get('000.20.01.H56-260301-0006').view;
    owed.payment = paymentDue(BIRTH, owed.code, owed.fees, false);
  };
  seedTracking();

  return async (ctx, next) => {
    const url = new URL(ctx.url, 'http://x');
    if (url.pathname === '/mock/log') return json(ctx, 200, log);
    // POST /mock/block?path=P makes every GET of P fail with 503 (a chunk that cannot be fetched) until /mock/unblock.
    if (url.pathname === '/mock/block' && ctx.method === 'POST') {
      blocked.add(url.searchParams.get('path'));
      return json(ctx, 200, {});
    }
    if (url.pathname === '/mock/unblock' && ctx.method === 'POST') {
      blocked.clear();
      return json(ctx, 200, {});
    }
    if (blocked.has(url.pathname)) {
      ctx.status = 503;
      ctx.body = 'blocked by the test';
      return;
    }
    if (url.pathname === '/mock/heal' && ctx.method === 'POST') {
      flakySeen.add('healed');
      return json(ctx, 200, {});
    }
    if (url.pathname === '/mock/reset' && ctx.method === 'POST') {
      log = [];
      seq = 0;
      replies.clear();
      flakySeen.clear();
      dossiers.clear();
      seedTracking();
      return json(ctx, 200, {});
    }
    if (url.pathname === '/mock/settle' && ctx.method === 'POST') {
      const d = dossiers.get(url.searchParams.get('code'));
      const state = url.searchParams.get('state');
      const at = '2026-03-02T08:06:00+07:00';
      const p = d.view.onlinePayment;
      const paid = state === 'paid';
      d.view = {
        ...d.view,
        ...(paid ? { status: 1, statusLabel: STATUSES[1] } : {}),
        onlinePayment: {
          ...p,
          paidAt: paid ? at : null,
          providers: paid ? [] : p.providers,
          // Paid at the counter when no online payment was begun.
          latest: p.latest ? { ...p.latest, state, at } : null,
        },
        payment: paid ? null : d.view.payment,
      };
      return json(ctx, 200, {});
    }
    const m = /^\/mock\/([\w-]+)\/api\/v1\/public\/(.*)$/.exec(url.pathname);
    if (!m) return next();
    const [, scenario, rest] = m;
    ctx.state.contractPath = `/api/v1/public/${rest}`;
    let r;

    if ((r = /^procedures\/([^/]+)$/.exec(rest)) && ctx.method === 'GET') {
      const code = decodeURIComponent(r[1]);
      // 'slowview': the procedure answers late, to show what the form fetches meanwhile.
      if (scenario === 'slowview') await new Promise((r) => setTimeout(r, 500));
      const procedure = scenario === 'missing' ? null : await loadProcedure(code);
      if (!procedure) return error(ctx, 404, 'not_found', 'Không có thủ tục này', 'No such procedure');
      const province = JSON.parse(await readFile(repo('examples/province/agencies.json'), 'utf8'));
      const calendar = JSON.parse(await readFile(repo('examples/calendars/vn-2025-2026.json'), 'utf8'));
      const rule = procedure.receiving;
      const agencies = province.agencies.filter((a) =>
        rule.mode === 'choice' ? a.kind === rule.kind : rule.mode === 'fixed' ? a.code === rule.agency : true,
      );
      return json(ctx, 200, {
        code: procedure.code,
        version: 1,
        publishedAt: '2026-02-01T00:00:00+07:00',
        procedure,
        validators: `${ctx.origin}/mock/${scenario}/api/v1/public/procedures/${encodeURIComponent(code)}/versions/1/validators.js`,
        agencies: agencies.map(({ code, name, kind, parent }) => ({ code, name, kind, parent: parent ?? null })),
        calendars: Object.fromEntries(agencies.map((a) => [a.code, calendar])),
      });
    }

    if ((r = /^procedures\/([^/]+)\/validators\.js$/.exec(rest)) && ctx.method === 'GET') {
      const code = decodeURIComponent(r[1]);
      // 'nocurrent': a server from before this address existed.
      if (scenario === 'missing' || scenario === 'nocurrent' || !(await loadProcedure(code))) {
        return error(ctx, 404, 'not_found', 'Không tìm thấy thủ tục', 'Procedure not found');
      }
      // 'republished': version 2 came into force after the procedure (version 1) was answered.
      const version = scenario === 'republished' ? 2 : 1;
      ctx.set('X-Procedure-Version', String(version));
      return send(ctx, 200, 'text/javascript', currentValidatorsModule(version, await validatorsOf(code)));
    }

    if ((r = /^procedures\/([^/]+)\/versions\/(\d+)\/validators\.js$/.exec(rest))) {
      const code = decodeURIComponent(r[1]);
      if (scenario === 'novalidators') return error(ctx, 404, 'not_found', 'Không có', 'Not found');
      return send(ctx, 200, 'text/javascript', await validatorsOf(code));
    }

    if ((r = /^procedures\/([^/]+)\/dossiers$/.exec(rest)) && ctx.method === 'POST') {
      const raw = await readBody(ctx.req);
      const form = await new Response(raw, { headers: { 'content-type': ctx.get('content-type') } }).formData();
      const key = ctx.get('idempotency-key');
      const submission = JSON.parse(String(form.get('submission')));
      const files = [];
      for (const [field, value] of form.entries()) {
        if (field.startsWith('documents.')) files.push({ field, name: value.name, size: value.size, type: value.type });
      }
      const fingerprint = JSON.stringify({ submission, files });
      log.push({ scenario, key, submission, files });
      if (scenario === 'flaky' && !flakySeen.has('healed')) {
        // No answer at all: the connection drops (the browser may retry once by itself).
        ctx.req.socket.destroy();
        ctx.respond = false;
        return;
      }
      if (scenario === '400') {
        return error(ctx, 400, 'invalid_data', 'Dữ liệu không hợp lệ', 'Invalid data', [
          {
            pointer: '/data/requester/address',
            code: 'address_unknown',
            message: { vi: 'Địa chỉ không có trong cơ sở dữ liệu', en: 'Unknown address' },
          },
          {
            pointer: '/documents/giay-chung-sinh/0',
            code: 'unreadable',
            message: { vi: 'Tệp không đọc được', en: 'The file cannot be read' },
          },
          {
            pointer: '/agency',
            code: 'agency-closed',
            message: { vi: 'Cơ quan tạm ngừng tiếp nhận', en: 'The agency is not receiving now' },
          },
        ]);
      }
      if (scenario === '413') return error(ctx, 413, 'too_large', 'Dữ liệu gửi lên quá lớn', 'Payload too large');
      if (scenario === '415') {
        return error(ctx, 415, 'media_type', 'Kiểu tệp không được chấp nhận', 'Unsupported media type', [
          {
            pointer: '/documents/giay-chung-sinh/0',
            code: 'media-type',
            message: { vi: 'Tệp không phải PDF hay ảnh', en: 'The file is neither a PDF nor an image' },
          },
        ]);
      }
      if (scenario === '500') return error(ctx, 500, 'internal', 'Lỗi máy chủ', 'Server error');
      if (scenario === 'slow') await new Promise((r) => setTimeout(r, 800));
      if (scenario === 'conflict')
        return error(
          ctx,
          422,
          'idempotency_key_reused',
          'Mã yêu cầu đã dùng cho nội dung khác',
          'Idempotency key reused with another body',
        );
      const previous = replies.get(key);
      if (previous) {
        if (previous.fingerprint !== fingerprint)
          return error(ctx, 422, 'idempotency_key_reused', 'Mã yêu cầu đã dùng', 'Key reused');
        return json(ctx, 201, previous.body);
      }
      const agencyCode = submission.agency ?? '000.00.00.H56';
      const code = `${agencyCode}-260302-${String(++seq).padStart(4, '0')}`;
      const status = scenario === 'owing' ? 6 : 1;
      const fees = scenario === 'owing' ? dossiers.get('000.20.01.H56-260301-0006').view.fees : NO_FEES;
      const body = {
        code,
        secret: `secret-${seq}`,
        status,
        statusLabel: STATUSES[status],
        fees,
        dueAt: null,
        expectedDueAt: '2026-03-03T17:00:00+07:00',
        agency: { code: agencyCode, name: { vi: 'Phường Trung Tâm', en: 'Trung Tâm ward' } },
        payment: paymentDue(BIRTH, code, fees, false),
      };
      replies.set(key, { fingerprint, body });
      dossiers.set(code, {
        secret: body.secret,
        view: {
          code,
          procedure: { code: '1.001193', version: 1, title: { vi: 'Đăng ký khai sinh', en: 'Birth registration' } },
          agency: body.agency,
          status,
          statusLabel: STATUSES[status],
          submittedAt: '2026-03-02T08:00:00+07:00',
          acceptedAt: null,
          dueAt: null,
          fees,
          timeline: [
            {
              kind: 'submit',
              label: { vi: 'Nộp trực tuyến', en: 'Submitted online' },
              at: '2026-03-02T08:00:00+07:00',
              status: 1,
            },
          ],
          supplement: null,
          onlinePayment: status === 6 ? owing() : null,
          payment: body.payment,
          canSupplement: false,
          canWithdraw: true,
          withdrawalRequested: false,
          files: [],
          slips: [],
        },
      });
      return json(ctx, 201, body);
    }

    if ((r = /^dossiers\/([^/]+)\/files\/([^/]+)$/.exec(rest)) && ctx.method === 'GET') {
      const d = dossiers.get(decodeURIComponent(r[1]));
      const f = d?.view.files.find((x) => x.id === r[2]);
      if (!d || !f || ctx.get('x-tracking-secret') !== d.secret)
        return error(ctx, 404, 'not_found', 'Không tìm thấy hồ sơ', 'No such dossier');
      return send(ctx, 200, f.mediaType, '%PDF-1.4 result');
    }
    if ((r = /^dossiers\/([^/]+)\/slips\/([^/]+)$/.exec(rest)) && ctx.method === 'GET') {
      const d = dossiers.get(decodeURIComponent(r[1]));
      const slip = d?.view.slips.find((x) => x.id === r[2]);
      if (!d || !slip || ctx.get('x-tracking-secret') !== d.secret)
        return error(ctx, 404, 'not_found', 'Không tìm thấy phiếu', 'No such slip');
      return send(ctx, 200, 'application/pdf', '%PDF-1.4 receipt slip');
    }
    // Paying online: the "provider" is /mock/provider; POST /mock/settle?code=C&state=paid|failed plays its verdict.
    if ((r = /^dossiers\/([^/]+)\/payments$/.exec(rest)) && ctx.method === 'POST') {
      const code = decodeURIComponent(r[1]);
      const d = dossiers.get(code);
      if (!d || ctx.get('x-tracking-secret') !== d.secret)
        return error(ctx, 404, 'not_found', 'Không tìm thấy hồ sơ', 'No such dossier');
      const body = JSON.parse((await readBody(ctx.req)).toString('utf8'));
      log.push({ scenario, payment: body, code });
      if (scenario === 'paydown')
        return error(ctx, 503, 'payment_provider_unavailable', 'Cổng không phản hồi', 'No answer');
      if (d.view.status !== 6) return error(ctx, 409, 'not_awaiting_payment', 'Không chờ thanh toán', 'Not waiting');
      const orderRef = `MC${++seq}`;
      d.view = {
        ...d.view,
        onlinePayment: {
          ...d.view.onlinePayment,
          latest: { provider: body.provider, state: 'pending', at: '2026-03-02T08:05:00+07:00' },
        },
      };
      return json(ctx, 201, {
        paymentId: `6f1c0d2e-0000-4000-8000-${String(seq).padStart(12, '0')}`,
        orderRef,
        amount: d.view.onlinePayment.amount,
        redirectUrl: `${ctx.origin}/mock/provider?ref=${orderRef}&backTo=${encodeURIComponent(body.backTo)}`,
      });
    }
    if ((r = /^dossiers\/([^/]+)\/rating$/.exec(rest)) && ctx.method === 'POST') {
      const code = decodeURIComponent(r[1]);
      const d = dossiers.get(code);
      if (!d || ctx.get('x-tracking-secret') !== d.secret)
        return error(ctx, 404, 'not_found', 'Không tìm thấy hồ sơ', 'No such dossier');
      if (!d.view.satisfaction?.canRate)
        return error(ctx, 409, 'already_rated', 'Hồ sơ này đã được đánh giá', 'This dossier has already been rated');
      const rating = JSON.parse((await readBody(ctx.req)).toString('utf8'));
      log.push({ scenario, rating, code });
      const ratedAt = '2026-03-03T10:00:00+07:00';
      d.view = { ...d.view, satisfaction: { canRate: false, ratedAt } };
      return json(ctx, 201, { ratedAt });
    }
    if ((r = /^dossiers\/([^/]+)(\/(supplement|withdrawal))?$/.exec(rest))) {
      const code = decodeURIComponent(r[1]);
      const d = dossiers.get(code);
      if (!d || ctx.get('x-tracking-secret') !== d.secret)
        return error(ctx, 404, 'not_found', 'Không tìm thấy hồ sơ', 'No such dossier');
      if (!r[3] && ctx.method === 'GET') return json(ctx, 200, d.view);
      if (r[3] === 'supplement' && ctx.method === 'POST') {
        const raw = await readBody(ctx.req);
        const form = await new Response(raw, { headers: { 'content-type': ctx.get('content-type') } }).formData();
        const files = [];
        for (const [field, value] of form.entries())
          if (field.startsWith('documents.')) files.push({ field, name: value.name, size: value.size });
        log.push({ scenario, supplement: JSON.parse(String(form.get('supplement'))), files, code });
        d.view = {
          ...d.view,
          status: 4,
          statusLabel: STATUSES[4],
          supplement: { ...d.view.supplement, provided: true },
          canSupplement: false,
          timeline: [
            ...d.view.timeline,
            {
              kind: 'supplement',
              label: { vi: 'Đã bổ sung giấy tờ', en: 'Documents supplemented' },
              at: '2026-03-02T09:00:00+07:00',
              status: 4,
            },
          ],
        };
        return json(ctx, 200, d.view);
      }
      if (r[3] === 'withdrawal' && ctx.method === 'POST') {
        const body = JSON.parse((await readBody(ctx.req)).toString('utf8'));
        log.push({ scenario, withdrawal: body, code });
        if (!body.reason)
          return error(ctx, 400, 'invalid_data', 'Thiếu lý do', 'Missing reason', [
            { pointer: '/reason', code: 'required', message: { vi: 'Thiếu lý do', en: 'Missing reason' } },
          ]);
        d.view = { ...d.view, canWithdraw: false, withdrawalRequested: true };
        return json(ctx, 200, d.view);
      }
    }
    return error(ctx, 404, 'not_found', 'Không tìm thấy', 'Not found');
  };
}
