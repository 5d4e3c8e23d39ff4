/**
 * The sections of a procedure's home (the task list), which part of the definition each one
 * edits, the element that edits it, and whether it is complete: it has content and core reports
 * no problem inside it.
 */
import type { Issue } from '@motcua/core';
import type { Definition } from '../store/definition-store.ts';

export type SectionId =
  | 'general'
  | 'form'
  | 'documents'
  | 'conditions'
  | 'fees'
  | 'deadline'
  | 'routing'
  | 'scenarios'
  | 'publish'
  | 'history';

export interface Section {
  id: SectionId;
  /** Pointer prefixes of the definition this section edits (for problems and completion). */
  pointers: string[];
  /** The custom element that edits it, when one is defined. */
  tag?: string;
}

export const SECTIONS: readonly Section[] = [
  {
    id: 'general',
    pointers: [
      '/code',
      '/title',
      '/field',
      '/owner',
      '/serviceLevel',
      '/legalBasis',
      '/effectiveFrom',
      '/effectiveUntil',
      // The applicant's identity is picked among the form's fields on the General screen.
      '/applicant',
    ],
  },
  { id: 'form', pointers: ['/form', '/submitter'] },
  { id: 'documents', pointers: ['/documents'], tag: 'mc-documents-editor' },
  { id: 'conditions', pointers: [], tag: 'mc-conditions-editor' },
  { id: 'fees', pointers: ['/fees'], tag: 'mc-fees-editor' },
  { id: 'deadline', pointers: ['/deadline'], tag: 'mc-deadline-editor' },
  { id: 'routing', pointers: ['/workflow', '/receiving', '/report'], tag: 'mc-routing-editor' },
  { id: 'scenarios', pointers: [], tag: 'mc-scenarios-editor' },
  { id: 'publish', pointers: [], tag: 'mc-publish-panel' },
  { id: 'history', pointers: [], tag: 'mc-history-panel' },
];

const under = (pointer: string, prefix: string) => pointer === prefix || pointer.startsWith(`${prefix}/`);

/** The section a problem at `pointer` belongs to ('general' for the root). */
export function sectionOf(pointer: string): SectionId {
  for (const s of SECTIONS) if (s.pointers.some((p) => under(pointer, p))) return s.id;
  return 'general';
}

const filled = (d: Definition, id: SectionId): boolean => {
  const form = d.form as { uischema?: { elements?: unknown[] } } | undefined;
  const workflow = d.workflow as { steps?: unknown[] } | undefined;
  const title = d.title as { vi?: string } | undefined;
  switch (id) {
    case 'general':
      return Boolean(d.code && title?.vi && (d.field as { code?: string } | undefined)?.code);
    case 'form':
      return (form?.uischema?.elements?.length ?? 0) > 0;
    case 'documents':
      return Array.isArray(d.documents) && d.documents.length > 0;
    case 'fees':
      return typeof d.fees === 'object' && d.fees !== null;
    case 'deadline':
      return typeof d.deadline === 'object' && d.deadline !== null;
    case 'routing':
      return (workflow?.steps?.length ?? 0) > 0;
    default:
      return false;
  }
};

/** Per section: complete (content and no problem), or the number of problems in it. */
export function sectionStatus(
  d: Definition,
  issues: readonly Issue[],
): Record<SectionId, { done: boolean; problems: number }> {
  const out = {} as Record<SectionId, { done: boolean; problems: number }>;
  for (const s of SECTIONS) out[s.id] = { done: false, problems: 0 };
  for (const i of issues) out[sectionOf(i.pointer)].problems++;
  for (const s of SECTIONS) out[s.id].done = filled(d, s.id) && out[s.id].problems === 0;
  return out;
}
