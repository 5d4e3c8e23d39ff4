import type { Procedure } from '../../model/procedure.ts';
import type { Issue } from '../../model/issue.ts';
import { issue } from './issue.ts';

/** A scenario's expectations name documents and steps of this definition. */
export function checkScenarios(p: Procedure): Issue[] {
  const issues: Issue[] = [];
  const documents = new Set(p.documents.map((d) => d.id));
  const steps = new Set(p.workflow.steps.map((s) => s.id));
  (p.scenarios ?? []).forEach((s, i) => {
    s.expect.documents?.forEach((id, j) => {
      if (!documents.has(id))
        issues.push(
          issue(
            `/scenarios/${i}/expect/documents/${j}`,
            'unknown-document',
            `Tình huống "${s.id}" nhắc tới giấy tờ "${id}" không có trong thủ tục`,
            `Scenario "${s.id}" names a document "${id}" the procedure does not have`,
          ),
        );
    });
    s.expect.route?.forEach((r, j) => {
      if (!steps.has(r.step))
        issues.push(
          issue(
            `/scenarios/${i}/expect/route/${j}/step`,
            'unknown-step',
            `Tình huống "${s.id}" nhắc tới bước "${r.step}" không có trong quy trình`,
            `Scenario "${s.id}" names a step "${r.step}" the workflow does not have`,
          ),
        );
    });
  });
  return issues;
}
