// A mock of the staff API's administration routes (agencies, calendars, staff, grants, tokens,
// procedure drafts) for the browser tests of runtime/src/staff/admin, as web-test-runner
// middleware. URLs: /mock-admin/api/v1/…; POST /mock-admin/reset restores the seed; GET
// /mock-admin/log lists the changes received ({ method, path, body, headers }). It answers like
// the server: error bodies with vi + en messages, issues with JSON pointers, 409 on a stale revision.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';

const repo = (p) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
const readJson = async (p) => JSON.parse(await readFile(repo(p), 'utf8'));

const KINDS = [
  { id: 'province', title: { vi: 'Tỉnh', en: 'Province' }, level: 1 },
  { id: 'public-service-centre', title: { vi: 'Trung tâm phục vụ hành chính công', en: 'Service centre' }, level: 1 },
  { id: 'province-department', title: { vi: 'Sở, ngành', en: 'Provincial department' }, level: 1 },
  { id: 'commune', title: { vi: 'Xã, phường', en: 'Commune' }, level: 2 },
];
const PROCEDURES = [
  '1.001193-dang-ky-khai-sinh',
  '1.001612-dang-ky-thanh-lap-ho-kinh-doanh',
  '1.013225-cap-giay-phep-xay-dung-nha-o-rieng-le',
];
const AGENCY_CODE = /^[0-9A-Za-z][0-9A-Za-z._]*$/;
const PHONE = /^[0-9+ .-]{6,20}$/;
const ROLES = ['admin', 'designer', 'reception', 'specialist', 'leader', 'viewer'];

const send = (ctx, status, body) => {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(body);
};
const error = (ctx, status, code, vi, en, extra = {}) =>
  send(ctx, status, { error: { status, code, message: { vi, en }, ...extra } });
const invalid = (ctx, issues) =>
  error(ctx, 400, 'invalid_request', 'Dữ liệu không hợp lệ', 'Invalid input', { issues });
const issue = (pointer, vi, en) => ({ pointer, code: 'invalid', message: { vi, en } });

async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

const now = () => new Date().toISOString();

async function seed() {
  const province = await readJson('examples/province/agencies.json');
  const vn = await readJson('examples/calendars/vn-2025-2026.json');
  const agencies = province.agencies.map((a) => ({
    code: a.code,
    name: a.name,
    kind: a.kind,
    parent: a.parent,
    calendarId: 'vn',
    timeZone: 'Asia/Ho_Chi_Minh',
    active: true,
    successor: null,
    revision: 1,
  }));
  const calendars = [
    { id: 'vn', name: { vi: 'Lịch nhà nước', en: 'National calendar' }, owner: null, revision: 1, calendar: vn },
  ];
  const staff = [
    ['admin.tinh', 'Trần Quản Trị', '000.00.00.H56', [{ agency: '000.00.00.H56', role: 'admin' }]],
    ['tiepnhan.trungtam', 'Lê Thị Tiếp', '000.20.01.H56', [{ agency: '000.20.01.H56', role: 'reception' }]],
    [
      'chuyenvien.trungtam',
      'Phạm Văn Xử',
      '000.20.01.H56',
      [
        { agency: '000.20.01.H56', role: 'specialist' },
        { agency: '000.00.10.H56', role: 'viewer' },
      ],
    ],
  ].map(([username, fullName, agencyCode, roles], i) => ({
    id: `00000000-0000-4000-8000-00000000000${i + 1}`,
    username,
    fullName,
    email: null,
    phone: null,
    agencyCode,
    active: true,
    hasPassword: true,
    roles,
    revision: 1,
    createdAt: '2026-01-05T08:00:00Z',
    updatedAt: '2026-01-05T08:00:00Z',
  }));
  const tokens = new Map(staff.map((s) => [s.id, []]));
  tokens.get(staff[0].id).push({
    id: '10000000-0000-4000-8000-000000000001',
    name: 'Cổng dịch vụ công',
    createdAt: '2026-02-01T08:00:00Z',
    expiresAt: null,
    lastUsedAt: '2026-03-01T08:00:00Z',
    revokedAt: null,
  });
  const procedures = new Map();
  for (const file of PROCEDURES) {
    const def = await readJson(`examples/procedures/${file}.json`);
    procedures.set(def.code, { draft: def, draftRevision: 1, versions: [def] });
  }
  const history = new Map();
  return { agencies, calendars, staff, tokens, procedures, history };
}

export function mockAdmin() {
  let db = null;
  let log = [];
  /** POST /mock-admin/expire: the session ends (every call answers 401) until the next sign-in. */
  let expired = false;

  const agency = (code) => db.agencies.find((a) => a.code === code);
  const subtree = (code) => {
    const out = new Set([code]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const a of db.agencies)
        if (a.parent && out.has(a.parent) && !out.has(a.code)) (out.add(a.code), (grew = true));
    }
    return out;
  };
  const remember = (code, change, reason = null, before = null, after = null) => {
    const list = db.history.get(code) ?? [];
    list.push({ at: now(), change, before, after, reason });
    db.history.set(code, list);
  };
  const staffById = (id) => db.staff.find((s) => s.id === id);
  const summary = (def) => {
    const r = def.receiving;
    const receiving =
      r.mode === 'condition' ? { mode: 'condition', agencies: [...new Set(r.cases.map((c) => c.agency))] } : r;
    return { code: def.code, title: def.title, field: def.field, serviceLevel: 'full', receiving };
  };

  return async (ctx, next) => {
    const url = new URL(ctx.url, 'http://x');
    if (!url.pathname.startsWith('/mock-admin/')) return next();
    db ??= await seed();
    const path = url.pathname.slice('/mock-admin'.length);
    if (path === '/reset' && ctx.method === 'POST') {
      db = await seed();
      log = [];
      expired = false;
      return send(ctx, 200, { ok: true });
    }
    if (path === '/log') return send(ctx, 200, log);
    if (path === '/expire' && ctx.method === 'POST') {
      expired = true;
      return send(ctx, 200, { ok: true });
    }
    if (path === '/api/v1/auth/login' && ctx.method === 'POST') {
      expired = false;
      const { id, username, fullName, agencyCode, roles } = db.staff[0];
      return send(ctx, 200, {
        staff: { id, username, fullName, agencyCode, roles },
        csrfToken: 'csrf-1',
        via: 'session',
      });
    }
    if (expired) return error(ctx, 401, 'unauthenticated', 'Phiên đăng nhập đã hết', 'The session has ended');
    const body = ctx.method === 'GET' ? undefined : await readBody(ctx.req);
    if (ctx.method !== 'GET') {
      log.push({ method: ctx.method, path, body, ifMatch: ctx.get('if-match') || null });
    }
    let m;

    if (path === '/api/v1/auth/session') {
      const { id, username, fullName, agencyCode, roles } = db.staff[0];
      const viaToken = !!ctx.get('authorization');
      return send(ctx, 200, {
        staff: { id, username, fullName, agencyCode, roles },
        csrfToken: viaToken ? null : 'csrf-1',
        via: viaToken ? 'token' : 'session',
      });
    }
    if (path === '/api/v1/agency-kinds') return send(ctx, 200, { items: KINDS });
    if (path === '/api/v1/agencies' && ctx.method === 'GET') {
      const active = url.searchParams.get('active');
      const items = db.agencies.filter((a) => active === null || String(a.active) === active);
      return send(ctx, 200, { items });
    }
    if ((m = /^\/api\/v1\/agencies\/([^/]+)\/history$/.exec(path))) {
      return send(ctx, 200, { items: db.history.get(decodeURIComponent(m[1])) ?? [] });
    }
    if ((m = /^\/api\/v1\/agencies\/([^/]+)\/children$/.exec(path)) && ctx.method === 'POST') {
      const parent = agency(decodeURIComponent(m[1]));
      if (!parent) return error(ctx, 404, 'not_found', 'Không tìm thấy', 'Not found');
      if (!AGENCY_CODE.test(body.code))
        return invalid(ctx, [issue('/body/code', 'Mã cơ quan không đúng dạng', 'Not an agency code')]);
      if (agency(body.code)) return error(ctx, 409, 'agency_exists', 'Mã cơ quan đã có', 'The code exists');
      const a = {
        code: body.code,
        name: body.name,
        kind: body.kind,
        parent: parent.code,
        calendarId: body.calendarId ?? parent.calendarId,
        timeZone: parent.timeZone,
        active: true,
        successor: null,
        revision: 1,
      };
      db.agencies.push(a);
      remember(a.code, 'created');
      return send(ctx, 201, a);
    }
    if ((m = /^\/api\/v1\/agencies\/([^/]+)\/(move|merge)$/.exec(path)) && ctx.method === 'POST') {
      const a = agency(decodeURIComponent(m[1]));
      if (!a) return error(ctx, 404, 'not_found', 'Không tìm thấy', 'Not found');
      const target = m[2] === 'move' ? body.parent : body.into;
      if (subtree(a.code).has(target))
        return error(ctx, 422, 'agency_cycle', 'Không thể chọn chính nó hoặc cấp dưới', 'Not itself or below', {
          issues: [issue(m[2] === 'move' ? '/body/parent' : '/body/into', 'Cơ quan cấp dưới', 'Below itself')],
        });
      if (m[2] === 'move') {
        remember(a.code, 'moved', body.reason ?? null, { parent: a.parent }, { parent: target });
        a.parent = target;
      } else {
        a.active = false;
        a.successor = target;
        for (const c of db.agencies) if (c.parent === a.code) c.parent = target;
        remember(a.code, 'merged', body.reason ?? null, { active: true }, { active: false, successor: target });
      }
      a.revision += 1;
      return send(ctx, 200, a);
    }
    if ((m = /^\/api\/v1\/agencies\/([^/]+)\/calendars$/.exec(path)) && ctx.method === 'POST') {
      if (db.calendars.some((c) => c.id === body.id))
        return error(ctx, 409, 'calendar_exists', 'Mã lịch đã có', 'The id exists');
      db.calendars.push({
        id: body.id,
        name: body.name,
        owner: decodeURIComponent(m[1]),
        revision: 1,
        calendar: body.calendar,
      });
      return send(ctx, 201, { ok: true });
    }
    if ((m = /^\/api\/v1\/agencies\/([^/]+)\/staff$/.exec(path))) {
      const code = decodeURIComponent(m[1]);
      if (ctx.method === 'GET') {
        const within = url.searchParams.get('subtree') === 'true' ? subtree(code) : new Set([code]);
        return send(ctx, 200, { items: db.staff.filter((s) => within.has(s.agencyCode)) });
      }
      const issues = [];
      if (body.phone && !PHONE.test(body.phone))
        issues.push(issue('/body/phone', 'Số điện thoại không đúng dạng', 'Not a phone number'));
      if (body.username.length < 2) issues.push(issue('/body/username', 'Tên đăng nhập quá ngắn', 'Too short'));
      if (issues.length) return invalid(ctx, issues);
      if (db.staff.some((s) => s.username === body.username))
        return error(ctx, 409, 'username_taken', 'Tên đăng nhập đã có', 'Username taken');
      const s = {
        id: randomUUID(),
        username: body.username,
        fullName: body.fullName,
        email: body.email ?? null,
        phone: body.phone ?? null,
        agencyCode: code,
        active: true,
        hasPassword: !!body.password,
        roles: body.roles,
        revision: 1,
        createdAt: now(),
        updatedAt: now(),
      };
      db.staff.push(s);
      db.tokens.set(s.id, []);
      return send(ctx, 201, s);
    }
    if ((m = /^\/api\/v1\/agencies\/([^/]+)$/.exec(path)) && ctx.method === 'PATCH') {
      const a = agency(decodeURIComponent(m[1]));
      if (!a) return error(ctx, 404, 'not_found', 'Không tìm thấy', 'Not found');
      if (body.revision !== undefined && body.revision !== a.revision)
        return error(ctx, 409, 'stale', 'Cơ quan đã được người khác sửa', 'Changed by someone else', {
          revision: a.revision,
        });
      if (body.name && JSON.stringify(body.name) !== JSON.stringify(a.name))
        remember(a.code, 'renamed', body.reason ?? null, { name: a.name }, { name: body.name });
      Object.assign(a, {
        name: body.name ?? a.name,
        kind: body.kind ?? a.kind,
        calendarId: body.calendarId ?? a.calendarId,
      });
      a.revision += 1;
      return send(ctx, 200, a);
    }
    if (path === '/api/v1/calendars') return send(ctx, 200, { items: db.calendars });
    if ((m = /^\/api\/v1\/calendars\/([^/]+)$/.exec(path))) {
      const c = db.calendars.find((x) => x.id === decodeURIComponent(m[1]));
      if (!c) return error(ctx, 404, 'not_found', 'Không tìm thấy', 'Not found');
      if (ctx.method === 'GET') return send(ctx, 200, c);
      if (body.revision !== undefined && body.revision !== c.revision)
        return error(ctx, 409, 'stale', 'Lịch đã được người khác sửa', 'Changed by someone else');
      c.calendar = body.calendar;
      c.revision += 1;
      return send(ctx, 200, { revision: c.revision });
    }
    if ((m = /^\/api\/v1\/staff\/([^/]+)\/roles$/.exec(path)) && ctx.method === 'PUT') {
      const s = staffById(m[1]);
      if (!s) return error(ctx, 404, 'not_found', 'Không tìm thấy', 'Not found');
      const bad = body.roles.findIndex((g) => !ROLES.includes(g.role));
      if (bad >= 0) return invalid(ctx, [issue(`/body/roles/${bad}/role`, 'Vai trò không có', 'Unknown role')]);
      s.roles = body.roles;
      s.revision += 1;
      return send(ctx, 200, s);
    }
    if ((m = /^\/api\/v1\/staff\/([^/]+)\/tokens(?:\/([^/]+))?$/.exec(path))) {
      const s = staffById(m[1]);
      if (!s) return error(ctx, 404, 'not_found', 'Không tìm thấy', 'Not found');
      const list = db.tokens.get(s.id);
      if (ctx.method === 'GET') return send(ctx, 200, { items: list });
      if (ctx.method === 'POST') {
        const t = {
          id: randomUUID(),
          name: body.name,
          createdAt: now(),
          expiresAt: body.expiresAt ?? null,
          lastUsedAt: null,
          revokedAt: null,
        };
        list.push(t);
        return send(ctx, 201, { ...t, token: `mct_${randomUUID().replaceAll('-', '')}` });
      }
      const t = list.find((x) => x.id === m[2]);
      if (!t) return error(ctx, 404, 'not_found', 'Không tìm thấy', 'Not found');
      t.revokedAt = now();
      return send(ctx, 200, { ok: true });
    }
    if ((m = /^\/api\/v1\/staff\/([^/]+)$/.exec(path)) && ctx.method === 'PATCH') {
      const s = staffById(m[1]);
      if (!s) return error(ctx, 404, 'not_found', 'Không tìm thấy', 'Not found');
      if (body.revision !== undefined && body.revision !== s.revision)
        return error(ctx, 409, 'stale', 'Tài khoản đã được người khác sửa', 'Changed by someone else');
      if (body.password !== undefined && body.password.length < 8)
        return invalid(ctx, [issue('/body/password', 'Mật khẩu cần ít nhất 8 ký tự', 'At least 8 characters')]);
      if (body.active !== undefined) s.active = body.active;
      if (body.password) s.hasPassword = true;
      s.revision += 1;
      return send(ctx, 200, s);
    }
    if (path === '/api/v1/public/procedures') {
      return send(ctx, 200, {
        items: [...db.procedures.values()].map((p) => ({ ...summary(p.versions.at(-1)), version: p.versions.length })),
      });
    }
    if ((m = /^\/api\/v1\/procedures\/([^/]+)(\/draft|\/versions(?:\/(\d+))?)?$/.exec(path))) {
      const p = db.procedures.get(decodeURIComponent(m[1]));
      if (!p) return error(ctx, 404, 'not_found', 'Không tìm thấy', 'Not found');
      const def = p.versions.at(-1);
      const detail = () => ({
        code: def.code,
        owner: def.owner,
        title: def.title,
        field: def.field.code,
        latestVersion: p.versions.length,
        versionInForce: p.versions.length,
        draftRevision: p.draftRevision,
        retiredAt: null,
        draft: p.draft,
        draftUpdatedAt: null,
        validation: { valid: true, issues: [] },
        retireReason: null,
      });
      if (!m[2] && ctx.method === 'GET') return send(ctx, 200, detail());
      if (m[2] === '/draft' && ctx.method === 'PUT') {
        if (ctx.get('if-match') && ctx.get('if-match') !== String(p.draftRevision))
          return error(ctx, 409, 'stale', 'Bản nháp đã thay đổi', 'The draft changed');
        p.draft = body;
        p.draftRevision += 1;
        return send(ctx, 200, detail());
      }
      if (m[3] && ctx.method === 'GET') {
        const v = p.versions[Number(m[3]) - 1];
        return send(ctx, 200, {
          code: def.code,
          version: Number(m[3]),
          effectiveFrom: '2026-01-01',
          effectiveUntil: null,
          publishedAt: now(),
          definition: v,
        });
      }
      if (m[2] === '/versions' && ctx.method === 'POST') {
        if (body.draftRevision !== undefined && body.draftRevision !== p.draftRevision)
          return error(ctx, 409, 'stale', 'Bản nháp đã thay đổi', 'The draft changed');
        p.versions.push(p.draft);
        const version = p.versions.length;
        return send(ctx, 201, {
          code: def.code,
          version,
          effectiveFrom: '2026-01-01',
          effectiveUntil: null,
          publishedAt: now(),
          publishedBy: null,
          validatorsSha256: '0',
          inForce: true,
        });
      }
    }
    return error(ctx, 404, 'not_found', 'Không có đường dẫn này trong mô phỏng', 'No such mock route');
  };
}
