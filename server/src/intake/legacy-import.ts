import { randomUUID } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import { eq } from 'drizzle-orm';
import {
  applicantIdentity,
  computeFees,
  decide,
  feeIssues,
  parseDossierCode,
  submitterIdentity,
  validateApplicantData,
  type Issue,
} from '@motcua/core';
import type { ServerContext } from '../context.ts';
import { dossiers } from '../db/schema/index.ts';
import { validateOnce } from '../http/validation.ts';
import { loadVersion } from '../procedures/catalog.ts';
import { newTrackingSecret, trackingSecretHash } from '../auth/tracking-secret.ts';
import { applyLedger, insertEvents, recordVisit, stateColumns } from '../dossiers/store.ts';
import { applyFacts } from '../reports/facts-store.ts';
import { GENESIS_HASH } from '../dossiers/event-hash.ts';
import { applicantSearchColumns } from '../dossiers/applicant-search.ts';
import { workflowContext } from '../dossiers/workflow-context.ts';
import { reserveImported } from './sequence.ts';

/** One dossier exported from a legacy system. */
export const LegacyDossierSchema = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 100, description: 'The original code, kept as it is' }),
    procedure: Type.String({ minLength: 1 }),
    version: Type.Integer({ minimum: 1 }),
    channel: Type.Union([Type.Literal('online'), Type.Literal('direct'), Type.Literal('postal')]),
    submittedAt: Type.String({ format: 'date-time' }),
    data: Type.Object({}, { additionalProperties: true }),
    legacy: Type.Optional(Type.Unknown({ description: 'Anything else from the old system, kept for reference' })),
  },
  { additionalProperties: false },
);
export type LegacyDossier = Static<typeof LegacyDossierSchema>;

export interface ImportOutcome {
  imported: { code: string; secret: string; status: number }[];
  failed: { index: number; code: string | null; issues: Issue[] }[];
}

const LEGACY_ACTOR = { id: 'legacy-import', name: 'Nhập từ hệ thống cũ / legacy import' };

/**
 * Imports legacy dossiers keeping their original codes. Each goes through core's submit (the
 * same validation of data and fees as intake; counter dossiers are accepted at their original
 * instant, so the due instant follows the agency's calendar) and its own transaction; the daily
 * sequence is moved past every imported number so new codes never collide. Files stay in the old
 * system (referenced from `legacy`).
 */
export async function importLegacyDossiers(
  ctx: ServerContext,
  list: unknown[],
  allowed: (agency: string) => boolean,
): Promise<ImportOutcome> {
  const out: ImportOutcome = { imported: [], failed: [] };
  const snap = await ctx.agencies.get();
  for (const [index, raw] of list.entries()) {
    const fail = (issues: Issue[]) =>
      out.failed.push({
        index,
        code: typeof (raw as { code?: unknown })?.code === 'string' ? (raw as { code: string }).code : null,
        issues,
      });
    const shape = validateOnce(LegacyDossierSchema, raw, `/dossiers/${index}`);
    if (shape.length) {
      fail(shape);
      continue;
    }
    const d = raw as LegacyDossier;
    const at = (p: string) => `/dossiers/${index}${p}`;
    const parts = parseDossierCode(d.code);
    if (!parts || !snap.records.has(parts.agencyCode)) {
      fail([
        {
          pointer: at('/code'),
          code: 'dossier-code',
          message: {
            vi: 'Mã hồ sơ không đúng dạng {mã cơ quan}-{yyMMdd}-{số} của một cơ quan đã biết',
            en: 'The code is not {agency}-{yyMMdd}-{sequence} of a known agency',
          },
        },
      ]);
      continue;
    }
    if (!allowed(parts.agencyCode)) {
      fail([
        {
          pointer: at('/code'),
          code: 'forbidden',
          message: {
            vi: `Không có quyền nhập hồ sơ của cơ quan ${parts.agencyCode}`,
            en: `No authority to import dossiers of ${parts.agencyCode}`,
          },
        },
      ]);
      continue;
    }
    const version = await loadVersion(ctx, d.procedure, d.version);
    if (!version) {
      fail([
        {
          pointer: at('/version'),
          code: 'unknown-version',
          message: {
            vi: `Không có thủ tục ${d.procedure} phiên bản ${d.version}`,
            en: `No procedure ${d.procedure} version ${d.version}`,
          },
        },
      ]);
      continue;
    }
    const exists = await ctx.db.select({ id: dossiers.id }).from(dossiers).where(eq(dossiers.code, d.code));
    if (exists[0]) {
      fail([
        {
          pointer: at('/code'),
          code: 'duplicate',
          message: { vi: `Hồ sơ ${d.code} đã có`, en: `Dossier ${d.code} already exists` },
        },
      ]);
      continue;
    }
    const procedure = version.definition;
    const issues = [
      ...validateApplicantData(procedure, d.data, ctx.evaluator),
      ...feeIssues(procedure, d.data, ctx.evaluator),
    ].map((i) => ({ ...i, pointer: at(i.pointer) }));
    if (issues.length) {
      fail(issues);
      continue;
    }
    const submittedAt = Date.parse(d.submittedAt);
    const wctx = workflowContext(ctx, snap, procedure, d.data, 'all', submittedAt);
    const fees = computeFees(procedure, wctx.data, ctx.evaluator);
    const online = d.channel === 'online';
    const decision = decide(wctx, null, {
      kind: 'submit',
      actor: online
        ? { kind: 'system', ...LEGACY_ACTOR }
        : { kind: 'staff', ...LEGACY_ACTOR, agency: parts.agencyCode, roles: ['reception'] },
      at: submittedAt,
      params: {
        channel: d.channel,
        ...(procedure.receiving.mode === 'choice' ? { agency: parts.agencyCode } : {}),
        feesOwed: fees.total,
      },
      comment: `Nhập từ hệ thống cũ, mã gốc ${d.code} / imported from the legacy system, original code ${d.code}`,
    });
    if (!decision.ok) {
      fail(
        decision.refusal.issues?.map((i) => ({ ...i, pointer: at(i.pointer) })) ?? [
          { pointer: at(''), code: decision.refusal.code, message: decision.refusal.message },
        ],
      );
      continue;
    }
    const state = decision.state;
    if (state.receivingAgency !== parts.agencyCode) {
      fail([
        {
          pointer: at('/code'),
          code: 'agency-mismatch',
          message: {
            vi: `Mã hồ sơ thuộc cơ quan ${parts.agencyCode} nhưng thủ tục xác định cơ quan tiếp nhận ${state.receivingAgency}`,
            en: `The code belongs to ${parts.agencyCode} but the procedure determines ${state.receivingAgency}`,
          },
        },
      ]);
      continue;
    }
    const applicant = applicantIdentity(procedure, d.data, ctx.evaluator);
    const name = applicant.kind === 'organization' ? (applicant.name ?? '') : (applicant.fullName ?? '');
    const secret = newTrackingSecret();
    const id = randomUUID();
    const now = ctx.clock.now();
    const search = applicantSearchColumns([
      name,
      applicant.idNumber,
      applicant.taxCode,
      applicant.phone,
      applicant.email,
    ]);
    await ctx.db.transaction(async (tx) => {
      await tx.insert(dossiers).values({
        id,
        code: d.code,
        procedureCode: version.code,
        procedureVersion: version.version,
        fieldCode: procedure.field.code,
        submittedAt: new Date(submittedAt),
        applicantKind: applicant.kind,
        applicantName: name,
        applicantIdNumber:
          applicant.kind === 'organization' ? (applicant.taxCode ?? null) : (applicant.idNumber ?? null),
        applicantPhone: applicant.phone ?? null,
        applicantEmail: applicant.email ?? null,
        applicantAddress: applicant.address ?? null,
        ...search,
        applicant,
        submitter: submitterIdentity(procedure, d.data, ctx.evaluator),
        data: d.data,
        fees,
        trackingSecretHash: trackingSecretHash(secret),
        headHash: GENESIS_HASH,
        imported: true,
        legacy: d.legacy ?? null,
        createdAt: new Date(now),
        updatedAt: new Date(now),
        ...stateColumns(state),
      });
      const head = await insertEvents(tx, id, GENESIS_HASH, decision.events, now);
      await tx.update(dossiers).set({ headHash: head }).where(eq(dossiers.id, id));
      await recordVisit(tx, id, [state.receivingAgency, state.location.agency], now, search.applicantSearch);
      await applyLedger(tx, procedure.field.code, null, state);
      await applyFacts(tx, { id, fieldCode: procedure.field.code, procedureCode: d.procedure }, decision.events, state);
      await reserveImported(tx, parts.agencyCode, parts.date, parts.sequence);
    });
    out.imported.push({ code: d.code, secret, status: state.status });
  }
  return out;
}
