import type { AgencyRef, Issue, Procedure } from '@motcua/core';
import type { AgencySnapshot } from '../agency-directory/cache.ts';

/**
 * The checks core cannot make because they need the province's data: every agency code a
 * definition names exists (and is active, for publishing), every agency kind it names is a
 * known kind. Pointers are into the definition.
 */
export function agencyReferenceIssues(
  p: Procedure,
  snap: AgencySnapshot,
  options: { requireActive: boolean },
): Issue[] {
  const issues: Issue[] = [];
  const code = (pointer: string, value: string | undefined) => {
    if (value === undefined) return;
    const r = snap.records.get(value);
    if (!r) {
      issues.push({
        pointer,
        code: 'unknown-agency',
        message: {
          vi: `Cơ quan "${value}" không có trong danh mục cơ quan`,
          en: `Agency "${value}" is not in the agency directory`,
        },
      });
    } else if (options.requireActive && !r.active) {
      issues.push({
        pointer,
        code: 'inactive-agency',
        message: {
          vi: `Cơ quan "${value}" đã ngừng hoạt động${r.successorCode ? `, thay bằng "${r.successorCode}"` : ''}`,
          en: `Agency "${value}" is inactive${r.successorCode ? `; use "${r.successorCode}"` : ''}`,
        },
      });
    }
  };
  const kind = (pointer: string, value: string | undefined) => {
    if (value !== undefined && !snap.kinds.has(value)) {
      issues.push({
        pointer,
        code: 'unknown-kind',
        message: { vi: `Loại cơ quan "${value}" không có trong danh mục`, en: `Agency kind "${value}" is unknown` },
      });
    }
  };
  const ref = (pointer: string, r: AgencyRef) => {
    if ('cases' in r) {
      r.cases.forEach((c, i) => ref(`${pointer}/cases/${i}/agency`, c.agency));
      if (r.otherwise) ref(`${pointer}/otherwise`, r.otherwise);
      return;
    }
    if ('kind' in r) {
      kind(`${pointer}/kind`, r.kind);
      code(`${pointer}/code`, r.code);
    } else if ('code' in r) {
      code(`${pointer}/code`, r.code);
    }
  };
  code('/owner', p.owner);
  const rec = p.receiving;
  switch (rec.mode) {
    case 'fixed':
      code('/receiving/agency', rec.agency);
      break;
    case 'choice':
      kind('/receiving/kind', rec.kind);
      code('/receiving/within', rec.within);
      break;
    case 'field':
      kind('/receiving/kind', rec.kind);
      break;
    case 'condition':
      rec.cases.forEach((c, i) => code(`/receiving/cases/${i}/agency`, c.agency));
      code('/receiving/otherwise', rec.otherwise);
      break;
  }
  p.workflow.steps.forEach((s, i) => ref(`/workflow/steps/${i}/agency`, s.agency));
  if (p.report?.responsibleAgency) ref('/report/responsibleAgency', p.report.responsibleAgency);
  return issues;
}
