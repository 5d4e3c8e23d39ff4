/**
 * The definitions a new procedure starts from: an empty skeleton (a draft that core will list
 * the problems of, one section at a time), a copy of an example procedure, or an imported file.
 */
import type { Definition } from '../store/definition-store.ts';

export function skeleton(code: string, owner: string, title: { vi: string; en: string }, today: string): Definition {
  return {
    code,
    title: title.en ? title : { vi: title.vi },
    field: { code: '', title: { vi: '' } },
    owner,
    serviceLevel: 'full',
    legalBasis: [],
    effectiveFrom: today,
    receiving: { mode: 'fixed', agency: owner },
    form: { schema: { type: 'object', properties: {} }, uischema: { type: 'VerticalLayout', elements: [] } },
    applicant: { person: {} },
    documents: [],
    fees: { collect: 'before', items: [] },
    deadline: { unit: 'working-days', value: 5 },
    workflow: { start: 'xu-ly', steps: [] },
  };
}

/** A template or an imported file as a new procedure: its code and owner replaced. */
export function rebase(definition: Definition, code: string, owner: string): Definition {
  const copy = structuredClone(definition);
  delete copy.$schema;
  copy.code = code;
  copy.owner = owner;
  return copy;
}

/** The example procedures shipped with motcua, loaded only when the template list opens. */
const TEMPLATES = import.meta.glob<Definition>('../../../examples/procedures/*.json', { import: 'default' });

export interface TemplateInfo {
  id: string;
  load: () => Promise<Definition>;
}

export function templates(): TemplateInfo[] {
  return Object.entries(TEMPLATES).map(([path, load]) => ({
    id: path.replace(/^.*\//, '').replace(/\.json$/, ''),
    load,
  }));
}

/** Downloads `definition` as `<code>.json`. */
export function downloadJson(definition: unknown, name: string): void {
  const blob = new Blob([JSON.stringify(definition, null, 2) + '\n'], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
