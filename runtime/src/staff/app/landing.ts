import { QUEUE_ROLES } from '@motcua/api';

/** What a person may do in the workspace, from their role grants. */
export interface Landing {
  /** A processing role somewhere (reception, specialist, leader): the inbox is their first screen. */
  inbox: boolean;
  /** Reception somewhere: counter intake. */
  intake: boolean;
  admin: boolean;
  designer: boolean;
  /**
   * The oversight dashboard: viewers and leaders of the agencies below theirs, case staff of their
   * own agency (the server's policy for getOversightDashboard).
   */
  oversight: boolean;
}

/**
 * The first screen follows the grants: a person without a processing role (the province's
 * administrator, a viewer, a designer) has no work queue, and is shown what they may do instead
 * of an inbox the server would refuse.
 */
export function landingOf(roles: readonly { agency: string; role: string }[]): Landing {
  const has = (r: string) => roles.some((g) => g.role === r);
  const inbox = roles.some((g) => (QUEUE_ROLES as readonly string[]).includes(g.role));
  return {
    inbox,
    intake: has('reception'),
    admin: has('admin'),
    designer: has('designer'),
    oversight: inbox || has('viewer'),
  };
}
