import type { Client } from '@motcua/api/client';
import type { Procedure } from '@motcua/core';
import { JUSTICE } from './fixtures.ts';

export interface Call {
  method: string;
  path: string;
  options: { params?: Record<string, unknown>; body?: unknown };
}

/**
 * A stand-in for the typed API client: answers the procedure routes the panels use from
 * `live` versions and records every call. Roles decide what the signed-in staff may do.
 */
export function fakeClient(
  live: Procedure[],
  roles: { agency: string; role: string }[] = [{ agency: JUSTICE, role: 'designer' }],
) {
  const calls: Call[] = [];
  let retiredAt: string | null = null;
  const answer = async (method: string, path: string, options: Call['options'] = {}): Promise<unknown> => {
    calls.push({ method, path, options });
    const version = Number(options.params?.version);
    switch (`${method} ${path}`) {
      case 'get /api/v1/procedures/{procedureCode}':
        return {
          code: '1.999001',
          latestVersion: live.length,
          versionInForce: live.length || null,
          draftRevision: 7,
          retiredAt,
        };
      case 'get /api/v1/procedures/{procedureCode}/versions':
        return {
          items: live
            .map((p, i) => ({
              code: p.code,
              version: i + 1,
              effectiveFrom: p.effectiveFrom,
              effectiveUntil: null,
              publishedAt: `2026-0${i + 1}-01T00:00:00Z`,
              validatorsSha256: '',
              note: `Ghi chú của phiên bản ${i + 1}`,
              inForce: i === live.length - 1,
            }))
            .reverse(),
        };
      case 'get /api/v1/procedures/{procedureCode}/versions/{version}':
        return { code: '1.999001', version, definition: live[version - 1] };
      case 'post /api/v1/procedures/{procedureCode}/versions':
        return { code: '1.999001', version: live.length + 1, effectiveFrom: '2099-01-01', inForce: false };
      case 'post /api/v1/procedures/{procedureCode}/retire':
        retiredAt = '2026-12-03T10:00:00Z';
        return { ok: true };
      default:
        throw new Error(`Unexpected call ${method} ${path}`);
    }
  };
  const client = {
    get: (path: string, o?: Call['options']) => answer('get', path, o),
    post: (path: string, o?: Call['options']) => answer('post', path, o),
    session: async () => ({
      staff: { id: 's', username: 'designer', fullName: 'Designer', agencyCode: JUSTICE, roles },
      csrfToken: 'x',
      via: 'session',
    }),
  } as unknown as Client;
  return { client, calls };
}

/** Lets pending promises (the fake's answers) settle and the element render. */
export async function settle(el: { updateComplete: Promise<boolean> }): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
}
