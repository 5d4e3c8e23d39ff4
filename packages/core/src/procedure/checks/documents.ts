import type { Procedure } from '../../model/procedure.ts';
import type { Issue } from '../../model/issue.ts';
import { issue } from './issue.ts';

export function checkDocumentLimits(p: Procedure): Issue[] {
  const issues: Issue[] = [];
  p.documents.forEach((d, i) => {
    if (d.minFiles > d.maxFiles) {
      issues.push(
        issue(
          `/documents/${i}/minFiles`,
          'min-files-exceed-max',
          `Giấy tờ "${d.id}": số tệp tối thiểu (${d.minFiles}) lớn hơn số tệp tối đa (${d.maxFiles})`,
          `Document "${d.id}": minimum files (${d.minFiles}) exceed maximum files (${d.maxFiles})`,
        ),
      );
    }
  });
  return issues;
}
