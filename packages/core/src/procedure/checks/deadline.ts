import type { Procedure, WorkingDuration } from '../../model/procedure.ts';
import type { Issue } from '../../model/issue.ts';
import { issue } from './issue.ts';

/**
 * Deadline sanity that needs no calendar: calendar days are whole days, and no step's budget
 * exceeds the whole deadline when both are in the same unit (a same-day deadline is one working
 * day). Whether a cut-off lies inside working hours depends on the agency's calendar: not here.
 */
export function checkDeadline(p: Procedure): Issue[] {
  const issues: Issue[] = [];
  const d = p.deadline;
  if (d.unit === 'calendar-days' && !Number.isInteger(d.value)) {
    issues.push(
      issue(
        '/deadline/value',
        'deadline',
        `Số ngày theo lịch phải là số nguyên (đang là ${d.value})`,
        `Calendar days must be a whole number (got ${d.value})`,
      ),
    );
  }
  const whole: WorkingDuration | null = d.unit === 'same-day' ? { unit: 'working-days', value: 1 } : d;
  p.workflow.steps.forEach((step, i) => {
    const b = step.budget;
    if (!b) return;
    if (b.unit === 'calendar-days' && !Number.isInteger(b.value)) {
      issues.push(
        issue(
          `/workflow/steps/${i}/budget/value`,
          'deadline',
          `Số ngày theo lịch phải là số nguyên (đang là ${b.value})`,
          `Calendar days must be a whole number (got ${b.value})`,
        ),
      );
    }
    if (whole && b.unit === whole.unit && b.value > whole.value) {
      issues.push(
        issue(
          `/workflow/steps/${i}/budget/value`,
          'budget-exceeds-deadline',
          `Thời gian của bước "${step.id}" (${b.value}) vượt thời hạn giải quyết của thủ tục (${whole.value})`,
          `The budget of step "${step.id}" (${b.value}) exceeds the procedure's deadline (${whole.value})`,
        ),
      );
    }
  });
  return issues;
}
