import type { Procedure } from '../../model/procedure.ts';
import type { Issue } from '../../model/issue.ts';
import { issue } from './issue.ts';

const LIMITS = ['mediaTypes', 'maxSizeBytes', 'minFiles', 'maxFiles'] as const;

/**
 * File limits belong to uploaded documents only: a document to show (xuất trình) is never a file,
 * so limits on it would promise an upload control that cannot exist; an uploaded one needs all four.
 */
export function checkDocumentLimits(p: Procedure): Issue[] {
  const issues: Issue[] = [];
  p.documents.forEach((d, i) => {
    if (d.show === true) {
      for (const key of LIMITS) {
        if (d[key] !== undefined) {
          issues.push(
            issue(
              `/documents/${i}/${key}`,
              'show-document-file-limits',
              `Giấy tờ "${d.id}" chỉ xuất trình, không tải lên: bỏ "${key}"`,
              `Document "${d.id}" is shown, never uploaded: remove "${key}"`,
            ),
          );
        }
      }
      return;
    }
    const missing = LIMITS.filter((key) => d[key] === undefined);
    for (const key of missing) {
      issues.push(
        issue(
          `/documents/${i}`,
          'document-file-limits-missing',
          `Giấy tờ "${d.id}" nộp dưới dạng tệp nên cần "${key}" (hoặc đánh dấu là giấy tờ xuất trình)`,
          `Document "${d.id}" is uploaded, so it needs "${key}" (or mark it as a document to show)`,
        ),
      );
    }
    if (d.minFiles !== undefined && d.maxFiles !== undefined && d.minFiles > d.maxFiles) {
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
