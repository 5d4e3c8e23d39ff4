import { contract } from '@motcua/api';
import { implement, type Implementation } from '../http/implement.ts';
import { loadPreferences, savePreferences } from './preferences.ts';

/** The signed-in staff member's own preferences: nobody else's are reachable. */
export function preferencesRoutes(): Implementation[] {
  return [
    implement(contract.getMyPreferences, async (c) =>
      c.json(await loadPreferences(c.get('ctx').db, c.get('principal')!.staffId)),
    ),
    implement(contract.putMyPreferences, async (c, { body }) => {
      const ctx = c.get('ctx');
      const staffId = c.get('principal')!.staffId;
      await savePreferences(ctx.db, staffId, body, ctx.clock.now());
      return c.json(await loadPreferences(ctx.db, staffId));
    }),
  ];
}
