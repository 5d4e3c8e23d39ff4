import { decide, type Action, type DossierState } from '@motcua/core';
import type { ServerContext } from '../context.ts';
import type { Tx } from '../db/client.ts';
import { HttpError, errors } from '../http/errors.ts';
import { loadVersion } from '../procedures/catalog.ts';
import { workflowContext } from './workflow-context.ts';
import { appendToDossier } from './store.ts';
import { headOf, type DossierRow } from './load.ts';

/**
 * Executes one action on a dossier through core's `decide` against the version it is pinned to,
 * and appends the resulting events in one transaction (with `extra` writes, e.g. file records).
 * Refusals become HTTP errors with core's status and bilingual message; a concurrent change is 409.
 */
export async function act(
  ctx: ServerContext,
  row: DossierRow,
  action: Action,
  extra?: (tx: Tx, seq: number) => Promise<void>,
): Promise<DossierState> {
  const version = await loadVersion(ctx, row.procedureCode, row.procedureVersion);
  if (!version)
    throw new Error(`dossier ${row.code} is pinned to a missing version ${row.procedureCode}@${row.procedureVersion}`);
  const snap = await ctx.agencies.get();
  const state = row.state as DossierState;
  const decision = decide(
    workflowContext(ctx, snap, version.definition, row.data, 'all', row.submittedAt.getTime()),
    state,
    action,
  );
  if (!decision.ok) {
    const r = decision.refusal;
    throw new HttpError(
      r.httpStatus,
      r.code,
      r.message,
      r.issues,
      r.status !== undefined ? { dossierStatus: r.status } : undefined,
    );
  }
  if (!decision.events.length) return decision.state;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (extra) await extra(tx, decision.events[0]!.seq);
    await appendToDossier(tx, headOf(row), decision.events, decision.state, now);
  });
  return decision.state;
}

export const dossierNotFound = () => errors.notFound({ vi: 'Không tìm thấy hồ sơ', en: 'Dossier not found' });
