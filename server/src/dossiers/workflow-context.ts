import { withDerived, type Procedure, type WorkflowContext } from '@motcua/core';
import type { ServerContext } from '../context.ts';
import type { AgencySnapshot } from '../agency-directory/cache.ts';

/**
 * Core's workflow context for a dossier. New work (`'new'`: intake, routing to a next agency) sees
 * only active agencies — merged ones take no new dossiers; reading or replaying an existing
 * dossier (`'all'`) sees the whole tree, merged agencies included. Conditions see the data with
 * the procedure's derived values as of `submittedAt` (epoch ms), the dossier's submission.
 */
export function workflowContext(
  ctx: Pick<ServerContext, 'evaluator'>,
  snap: AgencySnapshot,
  procedure: Procedure,
  data: unknown,
  tree: 'new' | 'all',
  submittedAt: number,
): WorkflowContext {
  return {
    procedure,
    data: withDerived(procedure, data, submittedAt),
    evaluator: ctx.evaluator,
    directory: tree === 'new' ? snap.active : snap.all,
    calendarOf: (code) => snap.calendarOf(code),
  };
}
