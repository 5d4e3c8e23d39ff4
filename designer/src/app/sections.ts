/**
 * The sections of a procedure's home (the task list), which part of the definition each one
 * edits, the element that edits it, and whether it is complete: it has content and core reports
 * no problem inside it (for test scenarios: core ran them all and each passed).
 */
import { conditionUses, type Issue, type Procedure, type ScenarioResult } from '@motcua/core';
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
  { id: 'conditions', pointers: ['/conditions'], tag: 'mc-conditions-editor' },
  { id: 'fees', pointers: ['/fees'], tag: 'mc-fees-editor' },
  { id: 'deadline', pointers: ['/deadline'], tag: 'mc-deadline-editor' },
  { id: 'routing', pointers: ['/workflow', '/receiving', '/report'], tag: 'mc-routing-editor' },
  { id: 'scenarios', pointers: ['/scenarios'], tag: 'mc-scenarios-editor' },
  { id: 'publish', pointers: [], tag: 'mc-publish-panel' },
  { id: 'history', pointers: [], tag: 'mc-history-panel' },
];

const under = (pointer: string, prefix: string) => pointer === prefix || pointer.startsWith(`${prefix}/`);

/** The section a problem at `pointer` belongs to ('general' for the root). */
export function sectionOf(pointer: string): SectionId {
  for (const s of SECTIONS) if (s.pointers.some((p) => under(pointer, p))) return s.id;
  return 'general';
}

const text = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';

/** Every named condition is placed somewhere (a condition nothing uses is unfinished work). */
function conditionsInUse(d: Definition): boolean {
  const list = Array.isArray(d.conditions) ? (d.conditions as { when?: unknown }[]) : [];
  if (list.length === 0) return false;
  try {
    return list.every((c) => conditionUses(d as unknown as Procedure, c.when as never).length > 0);
  } catch {
    return false; // a draft too incomplete to walk
  }
}

const filled = (d: Definition, id: SectionId, scenarios: readonly ScenarioResult[] | null): boolean => {
  const form = d.form as { uischema?: { elements?: unknown[] } } | undefined;
  const workflow = d.workflow as { steps?: unknown[] } | undefined;
  const title = d.title as { vi?: string } | undefined;
  const field = d.field as { code?: string; title?: { vi?: string } } | undefined;
  const legal = Array.isArray(d.legalBasis) ? (d.legalBasis as { ref?: string; title?: { vi?: string } }[]) : [];
  switch (id) {
    case 'general':
      return (
        text(d.code) &&
        text(title?.vi) &&
        text(field?.code) &&
        text(field?.title?.vi) &&
        text(d.serviceLevel) &&
        text(d.effectiveFrom) &&
        legal.length > 0 &&
        legal.every((l) => text(l.ref) && text(l.title?.vi))
      );
    case 'form':
      return (form?.uischema?.elements?.length ?? 0) > 0;
    case 'documents':
      return Array.isArray(d.documents) && d.documents.length > 0;
    case 'conditions':
      return conditionsInUse(d);
    case 'fees':
      return typeof d.fees === 'object' && d.fees !== null;
    case 'deadline':
      return typeof d.deadline === 'object' && d.deadline !== null;
    case 'routing':
      return (workflow?.steps?.length ?? 0) > 0;
    case 'scenarios':
      return scenarios !== null && scenarios.length > 0;
    default:
      return false;
  }
};

/**
 * Per section: complete (content and no problem), or the number of problems in it. `scenarios`
 * are core's results of the saved test scenarios (null until they could be run): each failing
 * one counts as a problem of its section.
 */
export function sectionStatus(
  d: Definition,
  issues: readonly Issue[],
  scenarios: readonly ScenarioResult[] | null = null,
): Record<SectionId, { done: boolean; problems: number }> {
  const out = {} as Record<SectionId, { done: boolean; problems: number }>;
  for (const s of SECTIONS) out[s.id] = { done: false, problems: 0 };
  for (const i of issues) out[sectionOf(i.pointer)].problems++;
  out.scenarios.problems += (scenarios ?? []).filter((r) => !r.passed).length;
  for (const s of SECTIONS) out[s.id].done = filled(d, s.id, scenarios) && out[s.id].problems === 0;
  return out;
}
