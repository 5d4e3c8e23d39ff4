import { ACTION_KINDS, type ActionKind } from '../vocabulary/actions.ts';
import { guard } from './guard.ts';
import type { Actor, DossierState, WorkflowContext } from './types.ts';

/**
 * The action kinds `actor` may take on the dossier now (status, step, role and agency allow it;
 * parameters are checked only when the action is decided). For the inbox's buttons and the
 * server's policy. Without `at`, actions that depend on time (stopping once the supplement time
 * limit passed, for reception) are left out.
 */
export function availableActions(
  ctx: WorkflowContext,
  state: DossierState | null,
  actor: Actor,
  at?: number,
): ActionKind[] {
  return ACTION_KINDS.filter((kind) => guard(ctx, state, kind, actor, at) === null);
}
