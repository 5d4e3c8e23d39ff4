/**
 * The demo province of examples/province/ with the national calendar of examples/calendars/, as
 * a scenario environment: what the example procedures' saved test scenarios run against.
 */
import { readFileSync } from 'node:fs';
import { createAgencyDirectory, type Agency } from '../agencies/index.ts';
import { createAjvEvaluator } from '../conditions/ajv-evaluator.ts';
import { parseCalendar } from '../working-time/index.ts';
import type { ScenarioEnvironment } from '../scenarios/index.ts';

const EXAMPLES = new URL('../../../../examples/', import.meta.url);

export function demoEnvironment(): ScenarioEnvironment {
  const province = JSON.parse(readFileSync(new URL('province/agencies.json', EXAMPLES), 'utf8')) as {
    agencies: Omit<Agency, 'timeZone'>[];
  };
  const parsed = parseCalendar(JSON.parse(readFileSync(new URL('calendars/vn-2025-2026.json', EXAMPLES), 'utf8')));
  if (!parsed.ok) throw new Error('the example calendar is invalid');
  // Scenarios and properties may run past the years the example covers: coverage is not their concern.
  const { years: _covered, ...calendar } = parsed.calendar;
  const directory = createAgencyDirectory(province.agencies.map((a) => ({ ...a, timeZone: calendar.timeZone })));
  return { evaluator: createAjvEvaluator(), directory, calendarOf: () => calendar };
}
