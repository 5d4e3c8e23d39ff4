import { ApiError, createClient, expandPath, type Client } from '@motcua/api/client';
import type { ActionRequest, SlipKind, StaffPreferences } from '@motcua/api';
import type { Bieu06Report, InboxFilter, StaffData } from './staff-data.ts';
import { watchLive, type EventSourceFactory } from './live.ts';

export interface ClientDataOptions {
  /** The server's origin; '' for the page's own. */
  baseUrl?: string;
  /**
   * Asked when a call finds the session ended: resolves once the person has signed in again (the
   * call is then retried once), rejects if they gave up. What they typed stays on screen meanwhile.
   */
  reauthenticate?: () => Promise<void>;
  /** How often the fallback for the live event stream looks for changes (ms). */
  pollMs?: number;
  /** Opens the live event stream; default the browser's EventSource (none: polling only). */
  eventSource?: EventSourceFactory | null;
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

/** The largest page the inbox route gives: the polling fallback compares this many open dossiers. */
const POLL_PAGE = 200;

const browserEventSource: EventSourceFactory | null =
  typeof EventSource === 'function' ? (url) => new EventSource(url, { withCredentials: true }) : null;

const isUnauthenticated = (e: unknown) => e instanceof ApiError && e.status === 401;

/** StaffData over the typed client of the contract (cookie session and CSRF token). */
export function createClientData(options: ClientDataOptions = {}): StaffData {
  const base = (options.baseUrl ?? '').replace(/\/+$/, '');
  const client: Client = createClient({
    baseUrl: base,
    session: true,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  let signedIn = false;
  /** The preferences of this sign-in: asked as soon as it starts, beside the first screen's own calls. */
  let preferences: Promise<StaffPreferences> | null = null;
  const expiredListeners = new Set<() => void>();
  let reauth: Promise<void> | null = null;

  /** One re-login for all the calls that failed together. */
  function reauthenticate(): Promise<void> {
    if (!options.reauthenticate) return Promise.reject(new Error('session ended'));
    reauth ??= options.reauthenticate().finally(() => (reauth = null));
    return reauth;
  }

  async function guarded<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (e) {
      if (!signedIn || !isUnauthenticated(e) || !options.reauthenticate) throw e;
      for (const l of expiredListeners) l();
      await reauthenticate();
      return call();
    }
  }

  const inboxQuery = (filter: InboxFilter) => ({ ...filter, q: filter.q?.trim() || undefined });

  return {
    client,
    async session() {
      const s = await client.session();
      signedIn = true;
      return s;
    },
    async login(username, password) {
      const s = await client.login({ username, password });
      signedIn = true;
      preferences = null;
      return s;
    },
    async logout() {
      signedIn = false;
      preferences = null;
      await client.logout().catch(() => undefined);
    },
    async changePassword(currentPassword, newPassword) {
      await guarded(() => client.post('/api/v1/auth/password', { body: { currentPassword, newPassword } }));
    },
    preferences() {
      preferences ??= guarded(() => client.get('/api/v1/me/preferences', {}));
      preferences.catch(() => (preferences = null));
      return preferences;
    },
    async savePreferences(next) {
      const stored = await guarded(() => client.put('/api/v1/me/preferences', { body: next }));
      preferences = Promise.resolve(stored);
      return stored;
    },
    onSessionExpired(listener) {
      expiredListeners.add(listener);
      return () => expiredListeners.delete(listener);
    },

    inbox: (agency, filter, signal) =>
      guarded(() =>
        client.get('/api/v1/agencies/{agencyCode}/inbox', {
          params: { agencyCode: agency },
          query: inboxQuery(filter),
          ...(signal ? { signal } : {}),
        }),
      ),
    queues: (agency, scope, signal) =>
      guarded(() =>
        client.get('/api/v1/agencies/{agencyCode}/inbox/queues', {
          params: { agencyCode: agency },
          query: { scope },
          ...(signal ? { signal } : {}),
        }),
      ),
    exportUrl(agency, filter) {
      const query = new URLSearchParams();
      for (const [k, v] of Object.entries(inboxQuery(filter)))
        if (v !== undefined && k !== 'cursor' && k !== 'limit') query.set(k, String(v));
      const path = expandPath('/api/v1/agencies/{agencyCode}/inbox/export', { agencyCode: agency });
      return `${base}${path}${query.size ? `?${query}` : ''}`;
    },
    oversight: (agency, query, signal) =>
      guarded(() =>
        client.get('/api/v1/agencies/{agencyCode}/reports/oversight', {
          params: { agencyCode: agency },
          query,
          ...(signal ? { signal } : {}),
        }),
      ),
    oversightDossiers: (agency, query, signal) =>
      guarded(() =>
        client.get('/api/v1/agencies/{agencyCode}/reports/oversight/dossiers', {
          params: { agencyCode: agency },
          query,
          ...(signal ? { signal } : {}),
        }),
      ),
    bieu06: (agency, query, signal) =>
      guarded(() =>
        client.get('/api/v1/agencies/{agencyCode}/reports/bieu06', {
          params: { agencyCode: agency },
          query: { ...query, format: 'json' },
          ...(signal ? { signal } : {}),
        }),
      ) as Promise<Bieu06Report>,
    bieu06Url(agency, query, format) {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries({ ...query, format })) if (v !== undefined) q.set(k, String(v));
      return `${base}${expandPath('/api/v1/agencies/{agencyCode}/reports/bieu06', { agencyCode: agency })}?${q}`;
    },
    async agenciesWithin(agency) {
      const [{ items }, kinds] = await Promise.all([
        guarded(() => client.get('/api/v1/agencies', { query: { within: agency, active: true } })),
        guarded(() => client.get('/api/v1/agency-kinds', {})),
      ]);
      const title = new Map(kinds.items.map((k) => [k.id, k.title]));
      return items
        .map((a) => ({
          code: a.code,
          name: a.name,
          kind: a.kind,
          kindTitle: title.get(a.kind) ?? { vi: a.kind },
          parent: a.parent,
        }))
        .sort((a, b) => (a.code === agency ? -1 : b.code === agency ? 1 : 0));
    },
    watch(agency, onChange) {
      // The fallback where the stream never answers: the open dossiers' versions, compared.
      let last: string | null = null;
      const poll = async () => {
        if (!signedIn) return false;
        const page = await client.get('/api/v1/agencies/{agencyCode}/inbox', {
          params: { agencyCode: agency },
          query: { view: 'open', limit: POLL_PAGE },
        });
        const now = page.items.map((d) => `${d.code}:${d.lockVersion}`).join(',');
        const changed = last !== null && now !== last;
        last = now;
        return changed;
      };
      const open = options.eventSource === undefined ? browserEventSource : options.eventSource;
      return watchLive({
        url: `${base}${expandPath('/api/v1/agencies/{agencyCode}/inbox/events', { agencyCode: agency })}`,
        ...(open ? { open } : {}),
        poll,
        pollMs: options.pollMs ?? 10_000,
        onChange: (change) => onChange(change ? { agency, change } : { agency }),
      });
    },

    dossier: (code) => guarded(() => client.get('/api/v1/dossiers/{dossierCode}', { params: { dossierCode: code } })),
    events: async (code) =>
      (await guarded(() => client.get('/api/v1/dossiers/{dossierCode}/events', { params: { dossierCode: code } })))
        .items,
    payments: async (code) =>
      (await guarded(() => client.get('/api/v1/dossiers/{dossierCode}/payments', { params: { dossierCode: code } })))
        .items,
    slips: async (code) =>
      (await guarded(() => client.get('/api/v1/dossiers/{dossierCode}/slips', { params: { dossierCode: code } })))
        .items,
    actions: (code) =>
      guarded(() => client.get('/api/v1/dossiers/{dossierCode}/actions', { params: { dossierCode: code } })),
    act: (code, action: ActionRequest, files) =>
      guarded(() => {
        const named = Object.entries(files ?? {}).filter(([, list]) => list.length > 0);
        if (named.length === 0)
          return client.post('/api/v1/dossiers/{dossierCode}/actions', { params: { dossierCode: code }, body: action });
        return client.post('/api/v1/dossiers/{dossierCode}/actions/with-files', {
          params: { dossierCode: code },
          multipart: { action, files: Object.fromEntries(named.map(([name, list]) => [`files.${name}`, list])) },
        });
      }),
    issueSlip: async (code, kind: SlipKind, eventSeq, trackingSecret) =>
      (
        await guarded(() =>
          client.post('/api/v1/dossiers/{dossierCode}/slips', {
            params: { dossierCode: code },
            body: { kind, ...(eventSeq ? { eventSeq } : {}), ...(trackingSecret ? { trackingSecret } : {}) },
          }),
        )
      ).items,
    fileUrl: (code, fileId) =>
      `${base}/api/v1/dossiers/${encodeURIComponent(code)}/files/${encodeURIComponent(fileId)}`,
    slipUrl: (code, fileId) =>
      `${base}/api/v1/dossiers/${encodeURIComponent(code)}/slips/${encodeURIComponent(fileId)}`,
    handlers: async (agency, role) =>
      (
        await guarded(() =>
          client.get('/api/v1/agencies/{agencyCode}/handlers', {
            params: { agencyCode: agency },
            query: role ? { role } : {},
          }),
        )
      ).items,
    procedures: async () => (await client.get('/api/v1/public/procedures')).items,
    counterSubmit: (agency, procedure, submission, files, idempotencyKey) =>
      guarded(() => {
        const parts: Record<string, Blob[]> = {};
        for (const f of files) (parts[`documents.${f.document}`] ??= []).push(f.file);
        return client.post('/api/v1/agencies/{agencyCode}/procedures/{procedureCode}/dossiers', {
          params: { agencyCode: agency, procedureCode: procedure },
          headers: { 'Idempotency-Key': idempotencyKey },
          multipart: { submission, files: parts },
        });
      }),
    procedureVersion: (code, version) =>
      version === undefined
        ? client.get('/api/v1/public/procedures/{procedureCode}', { params: { procedureCode: code } })
        : client.get('/api/v1/public/procedures/{procedureCode}/versions/{version}', {
            params: { procedureCode: code, version },
          }),
    async validators(url) {
      // The view names the module by the server's public address, which need not be the one this
      // browser reaches it by (a counter's tablet uses the LAN address): ask the same server for its path.
      const { pathname, search } = new URL(url, location.href);
      const mod = (await import(/* @vite-ignore */ `${base}${pathname}${search}`)) as {
        validators?: Record<string, unknown>;
        default?: Record<string, unknown>;
      };
      return mod.validators ?? mod.default ?? {};
    },
  };
}
