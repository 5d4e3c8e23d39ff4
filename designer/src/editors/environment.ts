import { createAgencyDirectoryUnchecked, createInterpretedEvaluator } from '@motcua/core';
import type { Agency, Calendar, ScenarioEnvironment } from '@motcua/core';
import { createClient, type Client } from '@motcua/api/client';

/**
 * What the editors compute with besides the definition: the province's agencies and their
 * working calendars (deadlines, routes, scenarios), and a condition evaluator that needs no
 * `eval` (the designer's page forbids it).
 */
export interface EditorEnvironment extends ScenarioEnvironment {
  agencies: readonly Agency[];
}

export function environmentFrom(
  agencies: readonly (Agency & { calendarId: string })[],
  calendars: Readonly<Record<string, Calendar>>,
): EditorEnvironment {
  const byCode = new Map(agencies.map((a) => [a.code, a]));
  return {
    agencies,
    directory: createAgencyDirectoryUnchecked(agencies),
    evaluator: createInterpretedEvaluator(),
    calendarOf(code: string): Calendar {
      const agency = byCode.get(code);
      const calendar = agency ? calendars[agency.calendarId] : undefined;
      if (!calendar) throw new RangeError(`No working calendar for agency ${code}`);
      return calendar;
    },
  };
}

let defaultClient: Client | null = null;

/** The page's own API with the staff session (the host may hand the editors its client instead). */
export function editorClient(): Client {
  defaultClient ??= createClient({ baseUrl: '', session: true });
  return defaultClient;
}

let shared: Promise<EditorEnvironment> | null = null;

/** Agencies and calendars read once through the API and shared by every editor of the page. */
export function loadEnvironment(client: Client = editorClient()): Promise<EditorEnvironment> {
  shared ??= (async () => {
    const [agencies, calendars] = await Promise.all([
      client.get('/api/v1/agencies', { query: { active: true } }),
      client.get('/api/v1/calendars'),
    ]);
    const byId: Record<string, Calendar> = {};
    for (const c of calendars.items) byId[c.id] = c.calendar as Calendar;
    return environmentFrom(agencies.items, byId);
  })();
  shared.catch(() => (shared = null));
  return shared;
}
