import type { Procedure } from '../../model/procedure.ts';
import type { Issue } from '../../model/issue.ts';
import { issue } from './issue.ts';

/** Ids must be unique: documents, fee items, each item's exemptions, workflow steps, named conditions, scenarios. */
export function checkUniqueIds(p: Procedure): Issue[] {
  const issues: Issue[] = [];
  const unique = (list: readonly { id: string }[], base: string, vi: string, en: string) => {
    const first = new Map<string, number>();
    list.forEach((x, i) => {
      const j = first.get(x.id);
      if (j === undefined) first.set(x.id, i);
      else
        issues.push(
          issue(
            `${base}/${i}/id`,
            'duplicate-id',
            `Mã ${vi} "${x.id}" bị trùng (đã dùng ở vị trí ${j})`,
            `Duplicate ${en} id "${x.id}" (already used at index ${j})`,
          ),
        );
    });
  };
  unique(p.documents, '/documents', 'giấy tờ', 'document');
  unique(p.fees.items, '/fees/items', 'khoản phí', 'fee item');
  p.fees.items.forEach((item, i) =>
    unique(item.exemptions ?? [], `/fees/items/${i}/exemptions`, 'trường hợp miễn', 'exemption'),
  );
  unique(p.workflow.steps, '/workflow/steps', 'bước', 'step');
  unique(p.conditions ?? [], '/conditions', 'điều kiện', 'condition');
  unique(p.scenarios ?? [], '/scenarios', 'tình huống', 'scenario');
  return issues;
}
