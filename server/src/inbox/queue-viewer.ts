import { addWorkingMinutes, workingDayMinutes, type QueueScope, type QueueViewer, type StepRole } from '@motcua/core';
import type { Principal } from '../http/principal.ts';
import type { ServerContext } from '../context.ts';

const STEP_ROLES: readonly StepRole[] = ['reception', 'specialist', 'leader'];

/**
 * Who looks at an agency's queues: their step roles there (personal scope), now, and the end of the
 * "due soon" horizon in the agency's working time.
 */
export async function queueViewer(
  ctx: ServerContext,
  principal: Principal,
  agency: string,
  scope: QueueScope,
  soonWorkingDays: number,
): Promise<QueueViewer> {
  const now = ctx.clock.now();
  const cal = (await ctx.agencies.get()).calendarOf(agency);
  const soonUntil = addWorkingMinutes(cal, now, Math.round(soonWorkingDays * workingDayMinutes(cal)));
  const roles = STEP_ROLES.filter((r) => principal.grants.some((g) => g.agency === agency && g.role === r));
  return { agency, staffId: principal.staffId, roles, scope, now, soonUntil };
}
