import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { VIETNAM_TIME_ZONE } from '@motcua/core';

/**
 * The server's configuration, read once from the environment. Every value has a safe default so
 * that `npm start` works on an empty machine (embedded PGlite under ./.motcua, port 8080).
 */
export interface ServerConfig {
  port: number;
  host: string;
  /** The URL at which browsers reach the server (links in responses, e.g. validator modules). */
  publicUrl: string | null;
  /**
   * The province's page that embeds <motcua-track>: a printed receipt's QR code opens it on the
   * dossier (MOTCUA_TRACKING_URL; default the sample site's tracking page on the public URL).
   */
  trackingUrl: string | null;
  /** postgres://… when set; otherwise PGlite under `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  /** Where uploaded bytes live (local directory file store). */
  filesDir: string;
  /** Origins allowed to call the public API from a browser; `*` allows any. */
  corsOrigins: string[];
  /** Trust X-Forwarded-Proto/For from a reverse proxy (Secure cookies behind HTTPS, client IPs). */
  trustProxy: boolean;
  /**
   * How many trusted proxies stand in front of the server (MOTCUA_TRUST_PROXY=2, default 1): the
   * client address is the X-Forwarded-For entry the outermost trusted proxy appended, counted from
   * the right — entries further left were written by the client and prove nothing.
   */
  proxyHops: number;
  /** Force the Secure flag on cookies even without HTTPS being detected. */
  secureCookies: boolean;
  sessionTtlMinutes: number;
  /** Whole request body limit for uploads (bytes). */
  maxRequestBytes: number;
  /** Limit of one uploaded file before its document's own limit is known (bytes). */
  maxFileBytes: number;
  maxFilesPerRequest: number;
  /** Failed logins allowed per account or per client address within the window. */
  loginMaxFailures: number;
  loginWindowMinutes: number;
  /** Slow-client limits (http/timeouts): header arrival, idle connection, whole request, keep-alive. */
  timeouts: { headersMs: number; idleMs: number; requestMs: number; keepAliveMs: number };
  /** Seed the demo province when the database is empty. */
  seedDemo: boolean;
  /** Password for the demo accounts; a random one is generated (and printed) when unset. */
  demoPassword: string | null;
  /**
   * Sample dossiers the demo seed creates over the past twelve months (MOTCUA_DEMO_SAMPLES, default
   * 60, a first start of seconds; 0: none). Only when the demo province is first created; tests set 0 unless they test it.
   */
  demoSamples: number;
  logLevel: string;
  /** The province's default time zone (used for "today" when no agency is involved). */
  timeZone: string;
  /** Idempotency keys are remembered this long (hours). */
  idempotencyTtlHours: number;
  /** Test-only: freeze the start of the clock at this instant (honoured only with NODE_ENV=test). */
  fakeNow: number | null;
  /** Requests per minute and client address: public submissions, tracking calls, login attempts. */
  rateLimits: { submit: number; track: number; login: number };
  /** Server processes (`--workers`); null → one per CPU on PostgreSQL, one on PGlite. */
  workers: number | null;
  /** Where the runtime bundle and the sample site are served from (built files). */
  runtimeDist: string;
  siteDir: string;
  /** The built staff workspace served at /staff. */
  staffDist: string;
  /** Where the designer app is served from (designer/dist, built). */
  designerDist: string;
  /** Signed webhooks every dossier event is delivered to (MOTCUA_WEBHOOKS, JSON; secrets never logged). */
  webhooks: WebhookConfig[];
  /** Online payment providers (null: not offered). Secrets only from here, never logged. */
  payments: {
    vnpay: { tmnCode: string; hashSecret: string; payUrl: string } | null;
    paygov: { url: string; partnerCode: string; secret: string } | null;
  };
  /**
   * The demo's loopback payment simulators (`npm start`): on by default with the demo seed when no
   * provider is configured, outside production (MOTCUA_DEMO_PAYMENTS). The secret they share with
   * the server is random per start (handed to the worker processes), never a real provider's.
   */
  demoPayments: { secret: string } | null;
  /** The outbox delivery worker of every process. */
  outbox: { pollMs: number; leaseMs: number; maxAttempts: number };
  /** Notifications to applicants and the staff digest (see server/README.md, Notifications). */
  notifications: NotificationsConfig;
}

export interface NotificationsConfig {
  /** smtp(s)://user:pass@host:port (MOTCUA_SMTP_URL); null: e-mails are written to `$MOTCUA_DATA_DIR/mail/`. */
  smtpUrl: string | null;
  /** The From header (MOTCUA_MAIL_FROM). */
  mailFrom: string;
  /** The SMS provider's HTTP endpoint and token; null: messages are written to `$MOTCUA_DATA_DIR/sms/`. */
  sms: { url: string; token: string } | null;
  /** The local hour (province's zone) from which the staff digest of the day goes out; null: no digest. */
  digestHour: number | null;
}

/** A provider's settings `${prefix}_${NAME}`: all set, or none (not offered). */
function group<K extends string>(env: Env, prefix: string, names: Record<K, string>): Record<K, string> | null {
  const entries = Object.entries(names) as [K, string][];
  const set = entries.filter(([, n]) => env[`${prefix}_${n}`]);
  if (!set.length) return null;
  if (set.length < entries.length) {
    const missing = entries.filter(([, n]) => !env[`${prefix}_${n}`]).map(([, n]) => `${prefix}_${n}`);
    throw new ConfigError(`${missing.join(', ')}: thiếu cấu hình / missing`);
  }
  return Object.fromEntries(entries.map(([k, n]) => [k, env[`${prefix}_${n}`]!])) as Record<K, string>;
}

/** MOTCUA_WEBHOOKS: `[{"name":"…","url":"https://…","secret":"…"}]`. */
function webhooks(env: Env): WebhookConfig[] {
  const raw = env.MOTCUA_WEBHOOKS;
  if (!raw) return [];
  const bad = (why: string) => new ConfigError(`MOTCUA_WEBHOOKS: ${why} (cần/expects [{"name","url","secret"}])`);
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    throw bad('không phải JSON / not JSON');
  }
  if (!Array.isArray(list)) throw bad('không phải mảng / not an array');
  const names = new Set<string>();
  return list.map((w: unknown, i) => {
    const o = (w ?? {}) as Record<string, unknown>;
    if (typeof o.name !== 'string' || !/^[a-z0-9][a-z0-9-]{0,40}$/.test(o.name))
      throw bad(`[${i}].name: chữ thường, số, "-" / lower-case letters, digits, "-"`);
    if (names.has(o.name)) throw bad(`[${i}].name: trùng / repeated "${o.name}"`);
    names.add(o.name);
    if (typeof o.url !== 'string' || !/^https?:\/\//.test(o.url)) throw bad(`[${i}].url: http(s)://…`);
    if (typeof o.secret !== 'string' || o.secret.length < 16)
      throw bad(`[${i}].secret: ít nhất 16 ký tự / at least 16 characters`);
    return { name: o.name, url: o.url, secret: o.secret };
  });
}

/** A configured webhook: where to POST and the shared secret of its HMAC. */
export interface WebhookConfig {
  name: string;
  url: string;
  secret: string;
}

function notifications(env: Env): NotificationsConfig {
  const smtpUrl = env.MOTCUA_SMTP_URL || null;
  if (smtpUrl && !/^smtps?:\/\/[^/]/.test(smtpUrl))
    throw new ConfigError('MOTCUA_SMTP_URL: phải là smtp:// hoặc smtps:// / must be smtp:// or smtps://');
  const sms = group(env, 'MOTCUA_SMS', { url: 'URL', token: 'TOKEN' });
  if (sms) httpUrl(env, 'MOTCUA_SMS_URL');
  const digest = env.MOTCUA_DIGEST_HOUR;
  return {
    smtpUrl,
    mailFrom: env.MOTCUA_MAIL_FROM || '"Bộ phận Một cửa" <no-reply@localhost>',
    sms,
    digestHour: digest === 'off' ? null : Math.min(int(env, 'MOTCUA_DIGEST_HOUR', 7), 23),
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function httpUrl(env: Env, name: string): string | null {
  const raw = env[name];
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigError(`${name}: phải là địa chỉ http(s) / must be an http(s) URL (got "${raw}")`);
  return url.toString();
}

function int(env: Env, name: string, dflt: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    throw new ConfigError(`${name}: phải là số nguyên ≥ ${min} / must be an integer ≥ ${min} (got "${raw}")`);
  }
  return n;
}

function bool(env: Env, name: string, dflt: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name}: phải là true/false / must be true or false (got "${raw}")`);
}

/** MOTCUA_TRUST_PROXY: true/false, or the number of trusted proxies in front of the server. */
function trustedProxies(env: Env): { trustProxy: boolean; proxyHops: number } {
  const raw = env.MOTCUA_TRUST_PROXY ?? '';
  if (/^\d+$/.test(raw)) {
    const hops = int(env, 'MOTCUA_TRUST_PROXY', 0);
    return { trustProxy: hops > 0, proxyHops: Math.max(hops, 1) };
  }
  return { trustProxy: bool(env, 'MOTCUA_TRUST_PROXY', false), proxyHops: 1 };
}

const REPO_ROOT = resolve(new URL('../../..', import.meta.url).pathname);

/** Reads the configuration; `overrides` win over the environment (tests, CLI flags). */
export function loadConfig(env: Env = process.env, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const dataDir = resolve(env.MOTCUA_DATA_DIR || './.motcua');
  const databaseUrl = env.DATABASE_URL || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL: phải bắt đầu bằng postgres:// / must start with postgres://');
  }
  const timeZone = env.MOTCUA_TIME_ZONE || VIETNAM_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new ConfigError(`MOTCUA_TIME_ZONE: múi giờ không hợp lệ / unknown time zone "${timeZone}"`);
  }
  let fakeNow: number | null = null;
  if (env.MOTCUA_FAKE_NOW && env.NODE_ENV === 'test') {
    fakeNow = Date.parse(env.MOTCUA_FAKE_NOW);
    if (Number.isNaN(fakeNow)) throw new ConfigError(`MOTCUA_FAKE_NOW: not an ISO instant (${env.MOTCUA_FAKE_NOW})`);
  }
  const config: ServerConfig = {
    port: int(env, 'PORT', 8080),
    host: env.HOST || '0.0.0.0',
    publicUrl: env.MOTCUA_PUBLIC_URL ? env.MOTCUA_PUBLIC_URL.replace(/\/+$/, '') : null,
    trackingUrl: httpUrl(env, 'MOTCUA_TRACKING_URL'),
    databaseUrl,
    dataDir,
    filesDir: resolve(env.MOTCUA_FILES_DIR || resolve(dataDir, 'files')),
    corsOrigins: (env.MOTCUA_CORS_ORIGINS ?? '*')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    ...trustedProxies(env),
    secureCookies: bool(env, 'MOTCUA_SECURE_COOKIES', false),
    sessionTtlMinutes: int(env, 'MOTCUA_SESSION_TTL_MINUTES', 8 * 60, 1),
    maxRequestBytes: int(env, 'MOTCUA_MAX_REQUEST_BYTES', 100 * 1024 * 1024, 1024),
    maxFileBytes: int(env, 'MOTCUA_MAX_FILE_BYTES', 20 * 1024 * 1024, 1),
    maxFilesPerRequest: int(env, 'MOTCUA_MAX_FILES', 50, 1),
    loginMaxFailures: int(env, 'MOTCUA_LOGIN_MAX_FAILURES', 5, 1),
    loginWindowMinutes: int(env, 'MOTCUA_LOGIN_WINDOW_MINUTES', 15, 1),
    timeouts: {
      headersMs: int(env, 'MOTCUA_HEADERS_TIMEOUT_MS', 20_000, 1),
      idleMs: int(env, 'MOTCUA_IDLE_TIMEOUT_MS', 30_000, 1),
      requestMs: int(env, 'MOTCUA_REQUEST_TIMEOUT_MS', 600_000, 1),
      keepAliveMs: int(env, 'MOTCUA_KEEPALIVE_TIMEOUT_MS', 5_000, 1),
    },
    seedDemo: bool(env, 'MOTCUA_SEED_DEMO', true),
    demoPassword: env.MOTCUA_DEMO_PASSWORD || null,
    demoSamples: Math.min(int(env, 'MOTCUA_DEMO_SAMPLES', 60), 5000),
    logLevel: env.LOG_LEVEL || 'info',
    timeZone,
    idempotencyTtlHours: int(env, 'MOTCUA_IDEMPOTENCY_TTL_HOURS', 24, 1),
    fakeNow,
    rateLimits: {
      submit: int(env, 'MOTCUA_RATE_SUBMIT_PER_MINUTE', 120, 1),
      track: int(env, 'MOTCUA_RATE_TRACK_PER_MINUTE', 300, 1),
      login: int(env, 'MOTCUA_RATE_LOGIN_PER_MINUTE', 30, 1),
    },
    workers: env.MOTCUA_WORKERS ? int(env, 'MOTCUA_WORKERS', 1, 1) : null,
    runtimeDist: resolve(env.MOTCUA_RUNTIME_DIST || resolve(REPO_ROOT, 'runtime/dist')),
    siteDir: resolve(env.MOTCUA_SITE_DIR || resolve(REPO_ROOT, 'examples/site')),
    staffDist: resolve(env.MOTCUA_STAFF_DIST || resolve(REPO_ROOT, 'runtime/dist-staff')),
    designerDist: resolve(env.MOTCUA_DESIGNER_DIST || resolve(REPO_ROOT, 'designer/dist')),
    webhooks: webhooks(env),
    payments: {
      vnpay: group(env, 'MOTCUA_VNPAY', { tmnCode: 'TMN_CODE', hashSecret: 'HASH_SECRET', payUrl: 'PAY_URL' }),
      paygov: group(env, 'MOTCUA_PAYGOV', { url: 'URL', partnerCode: 'PARTNER_CODE', secret: 'SECRET' }),
    },
    demoPayments: null,
    outbox: {
      pollMs: int(env, 'MOTCUA_OUTBOX_POLL_MS', 1000, 10),
      leaseMs: int(env, 'MOTCUA_OUTBOX_LEASE_MS', 60_000, 100),
      maxAttempts: int(env, 'MOTCUA_OUTBOX_MAX_ATTEMPTS', 8, 1),
    },
    notifications: notifications(env),
    ...overrides,
  };
  if (!('demoPayments' in overrides)) {
    const none = !config.payments.vnpay && !config.payments.paygov;
    const demo = bool(env, 'MOTCUA_DEMO_PAYMENTS', config.seedDemo && none && env.NODE_ENV !== 'production');
    if (demo && !none)
      throw new ConfigError(
        'MOTCUA_DEMO_PAYMENTS: không dùng cùng cổng thanh toán thật / not with a real payment provider configured',
      );
    config.demoPayments = demo ? { secret: env.MOTCUA_DEMO_PAYMENT_SECRET || randomBytes(24).toString('hex') } : null;
  }
  return config;
}

export const REPOSITORY_ROOT = REPO_ROOT;
