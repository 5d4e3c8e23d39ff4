// Writes schema/procedure.schema.json from the TypeBox source (src/model/procedure.ts).
import { writeFileSync } from 'node:fs';
import { procedureSchemaText } from '../src/model/procedure-schema-json.ts';

const target = new URL('../schema/procedure.schema.json', import.meta.url);
writeFileSync(target, procedureSchemaText());
console.log(`wrote ${target.pathname}`);
