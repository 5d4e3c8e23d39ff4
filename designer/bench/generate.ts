/**
 * A procedure with `count` fields for the benchmark: the minimal test procedure plus pages of
 * fields of every palette type, added with the designer's own form edits.
 */
import { minimalProcedure } from '../../packages/core/src/testing/procedures.ts';
import { FIELD_TYPES } from '../src/form/field-types.ts';
import { addField, type Definition } from '../src/form/form-ops.ts';

export function generatedProcedure(code: string, owner: string, count = 150, pages = 5): Definition {
  let d: Definition = { ...(minimalProcedure() as unknown as Definition), code, owner };
  const controls = FIELD_TYPES.filter((t) => t.kind === 'control' && t.id !== 'array');
  let added = 2;
  for (let p = 0; p < pages; p++) {
    const page = addField(d, 'page', null);
    d = page.definition;
    added++; // a page starts with one field
    let last = `${page.pointer}/elements/0`;
    while (added < Math.round(((p + 1) * count) / pages)) {
      const next = addField(d, controls[added % controls.length]!.id, last);
      d = next.definition;
      last = next.pointer;
      added++;
    }
  }
  return d;
}
