import type { AgencyDirectory, Role } from '@motcua/core';
import type { Grant, Principal } from '../http/principal.ts';

/**
 * How a staff member's agency (where a role is held) stands to the request's target agency:
 * the same agency, above it, below it, or elsewhere (a sibling or another branch).
 */
export type Relation = 'own' | 'ancestor' | 'descendant' | 'other';
export const RELATIONS: readonly Relation[] = ['own', 'ancestor', 'descendant', 'other'];

/** What a route acts on, found from a path parameter. */
export type Target =
  /** The path parameter is an agency code. */
  | { kind: 'agency'; param: string }
  /** A staff account: its home agency. */
  | { kind: 'staff'; param: string }
  /** A procedure: its owner agency. */
  | { kind: 'procedure'; param: string }
  /** A calendar: its owner agency. */
  | { kind: 'calendar'; param: string }
  /**
   * A dossier. `visited`: every agency it is at or has passed through (reads);
   * `current`: only the agency it is at now; `handling`: the agency it is at now and its
   * receiving agency, whose reception still handles supplements, payments and the result
   * while a liên thông step runs elsewhere (actions; core then checks step, role and assignee).
   */
  | { kind: 'dossier'; param: string; scope: 'visited' | 'current' | 'handling' };

export interface Allow {
  roles: readonly Role[];
  relations: readonly Relation[];
}

export type PolicyRule =
  | { access: 'public'; why: string }
  | { access: 'authenticated'; why: string }
  | { access: 'grants'; target: Target; allow: readonly Allow[]; self?: boolean; why: string };

/** The relation of `grantAgency` to a target that spans `targets` (the closest one wins). */
export function relationTo(directory: AgencyDirectory, grantAgency: string, targets: readonly string[]): Relation {
  if (targets.includes(grantAgency)) return 'own';
  if (targets.some((t) => directory.isInSubtree(t, grantAgency))) return 'ancestor';
  if (targets.some((t) => directory.isInSubtree(grantAgency, t))) return 'descendant';
  return 'other';
}

/** Whether a rule lets one role at one relation through (the authorisation test uses this too). */
export function ruleAllows(rule: PolicyRule, role: Role, relation: Relation, isSelf = false): boolean {
  if (rule.access === 'public' || rule.access === 'authenticated') return true;
  if (rule.self && isSelf) return true;
  return rule.allow.some((a) => a.roles.includes(role) && a.relations.includes(relation));
}

/** The grants of `principal` that satisfy the rule for the target agencies. */
export function matchingGrants(
  rule: PolicyRule,
  principal: Principal,
  directory: AgencyDirectory,
  targets: readonly string[],
): Grant[] {
  if (rule.access !== 'grants') return principal.grants;
  return principal.grants.filter((g) => ruleAllows(rule, g.role, relationTo(directory, g.agency, targets)));
}
