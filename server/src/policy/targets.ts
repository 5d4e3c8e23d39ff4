import { eq } from 'drizzle-orm';
import type { ServerContext } from '../context.ts';
import { calendars, dossierAgencies, dossiers, procedures, staff } from '../db/schema/index.ts';
import { errors } from '../http/errors.ts';
import type { Target } from './rules.ts';

/** What the policy found: the agencies the rule is checked against, and the loaded target. */
export interface ResolvedTarget {
  agencies: string[];
  /** Set for staff targets (the `self` rule). */
  staffId?: string;
  /** Set for dossier targets, so handlers need not load it again. */
  dossierId?: string;
}

const notFound = {
  agency: { vi: 'Không tìm thấy cơ quan', en: 'Agency not found' },
  staff: { vi: 'Không tìm thấy tài khoản', en: 'Account not found' },
  procedure: { vi: 'Không tìm thấy thủ tục', en: 'Procedure not found' },
  calendar: { vi: 'Không tìm thấy lịch làm việc', en: 'Calendar not found' },
  dossier: { vi: 'Không tìm thấy hồ sơ', en: 'Dossier not found' },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds the target's agencies from the path parameter; 404 when it does not exist. */
export async function resolveTarget(
  ctx: ServerContext,
  target: Target,
  params: Record<string, string>,
): Promise<ResolvedTarget> {
  const value = params[target.param];
  if (value === undefined) throw new Error(`policy target parameter ${target.param} missing from the route`);
  switch (target.kind) {
    case 'agency': {
      const snap = await ctx.agencies.get();
      if (!snap.records.has(value)) throw errors.notFound(notFound.agency);
      return { agencies: [value] };
    }
    case 'staff': {
      if (!UUID.test(value)) throw errors.notFound(notFound.staff);
      const rows = await ctx.db.select({ agency: staff.agencyCode }).from(staff).where(eq(staff.id, value));
      if (!rows[0]) throw errors.notFound(notFound.staff);
      return { agencies: [rows[0].agency], staffId: value };
    }
    case 'procedure': {
      const rows = await ctx.db
        .select({ owner: procedures.ownerCode })
        .from(procedures)
        .where(eq(procedures.code, value));
      if (!rows[0]) throw errors.notFound(notFound.procedure);
      return { agencies: [rows[0].owner] };
    }
    case 'calendar': {
      const rows = await ctx.db.select({ owner: calendars.ownerCode }).from(calendars).where(eq(calendars.id, value));
      if (!rows[0]) throw errors.notFound(notFound.calendar);
      // A calendar without an owner is maintained by the administrators of a root agency.
      if (!rows[0].owner) {
        const snap = await ctx.agencies.get();
        return {
          agencies: snap.all
            .list()
            .filter((a) => a.parent === null)
            .map((a) => a.code),
        };
      }
      return { agencies: [rows[0].owner] };
    }
    case 'dossier': {
      const rows = await ctx.db
        .select({ id: dossiers.id, location: dossiers.locationAgency, receiving: dossiers.receivingAgency })
        .from(dossiers)
        .where(eq(dossiers.code, value));
      const d = rows[0];
      if (!d) throw errors.notFound(notFound.dossier);
      if (target.scope === 'current') return { agencies: [d.location], dossierId: d.id };
      if (target.scope === 'handling') return { agencies: [...new Set([d.location, d.receiving])], dossierId: d.id };
      const visited = await ctx.db
        .select({ agency: dossierAgencies.agencyCode })
        .from(dossierAgencies)
        .where(eq(dossierAgencies.dossierId, d.id));
      const set = new Set([d.location, ...visited.map((v) => v.agency)]);
      return { agencies: [...set], dossierId: d.id };
    }
  }
}
