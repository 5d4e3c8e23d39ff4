import {
  availableActions,
  type ActionKind,
  type Actor,
  type DossierState,
  type Role,
  type WorkflowContext,
} from '@motcua/core';
import type { Principal } from '../http/principal.ts';

/** The core actor of a staff member acting at one of the agencies where they hold roles. */
export function staffActor(principal: Principal, agency: string): Actor {
  const roles = [...new Set(principal.grants.filter((g) => g.agency === agency).map((g) => g.role))].sort() as Role[];
  return { kind: 'staff', id: principal.staffId, name: principal.fullName, agency, roles };
}

/** The agencies where the principal holds roles: the dossier's location first, then its receiving agency. */
export function candidateAgencies(principal: Principal, state: DossierState): string[] {
  const held = new Set(principal.grants.map((g) => g.agency));
  const preferred = [state.location.agency, state.receivingAgency].filter((a) => held.has(a));
  return [...new Set([...preferred, ...[...held].sort()])];
}

/**
 * Who the principal acts as for `kind`: a staff member may hold roles at several agencies (a
 * commune's reception and a department's specialist). The first agency at which core's guard lets
 * the action through wins; when none does, the most relevant one is returned so that core's
 * refusal names who may act. `asAgency` pins the choice.
 */
export function chooseActor(
  principal: Principal,
  wctx: WorkflowContext,
  state: DossierState,
  kind: ActionKind,
  at: number,
  asAgency?: string,
): Actor {
  if (asAgency !== undefined) return staffActor(principal, asAgency);
  const candidates = candidateAgencies(principal, state);
  for (const agency of candidates) {
    const actor = staffActor(principal, agency);
    if (availableActions(wctx, state, actor, at).includes(kind)) return actor;
  }
  return staffActor(principal, candidates[0] ?? principal.agencyCode);
}

/** Every action the principal may take now, at whichever of their agencies allows it. */
export function actionsFor(
  principal: Principal,
  wctx: WorkflowContext,
  state: DossierState,
  at: number,
): { kind: ActionKind; agency: string }[] {
  const out: { kind: ActionKind; agency: string }[] = [];
  const seen = new Set<ActionKind>();
  for (const agency of candidateAgencies(principal, state)) {
    for (const kind of availableActions(wctx, state, staffActor(principal, agency), at)) {
      if (kind === 'submit' || seen.has(kind)) continue;
      seen.add(kind);
      out.push({ kind, agency });
    }
  }
  return out;
}
