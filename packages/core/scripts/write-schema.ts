// Writes schema/procedure.schema.json and schema/calendar.schema.json from their TypeBox sources.
import { writeFileSync } from 'node:fs';
import { procedureSchemaText } from '../src/model/procedure-schema-json.ts';
import { calendarSchemaText } from '../src/working-time/calendar-schema.ts';

for (const [name, text] of [
  ['procedure.schema.json', procedureSchemaText()],
  ['calendar.schema.json', calendarSchemaText()],
] as const) {
  const target = new URL(`../schema/${name}`, import.meta.url);
  writeFileSync(target, text);
  console.log(`wrote ${target.pathname}`);
}
