import type { JsonSchema, Procedure } from '../model/procedure.ts';
import type { Message } from '../i18n/text.ts';
import { canonicalJson } from '../conditions/canonical-json.ts';
import { getAt, parsePointer } from '../model/json-pointer.ts';
import { conditionSchemas } from './condition-schemas.ts';
import { uiElements } from './ui-elements.ts';

export interface ConditionUse {
  /** Where the copy is, e.g. "/documents/2/when". */
  pointer: string;
  /** What it governs, in words: "Giấy tờ: Giấy chứng sinh". */
  label: Message;
}

/** The same condition whatever its name: the logic without the title. */
function logicKey(schema: JsonSchema): string {
  if (typeof schema !== 'object' || schema === null) return JSON.stringify(schema);
  const { title: _title, ...rest } = schema;
  return canonicalJson(rest);
}

/**
 * Every place that holds a copy of `condition` (same logic; the name may differ): the impact list
 * shown before a named condition is saved, and what deleting it would leave behind.
 */
export function conditionUses(procedure: Procedure, condition: JsonSchema): ConditionUse[] {
  const key = logicKey(condition);
  return conditionSchemas(procedure)
    .filter((c) => c.pointer !== '/form/schema' && logicKey(c.schema) === key)
    .map((c) => ({ pointer: c.pointer, label: useLabel(procedure, c.pointer) }));
}

/**
 * A new definition in which every copy of `before` is replaced by `after` (a named condition
 * edited once changes everywhere it is used). The input is not modified.
 */
export function replaceConditionUses(procedure: Procedure, before: JsonSchema, after: JsonSchema): Procedure {
  const next = JSON.parse(JSON.stringify(procedure)) as Procedure;
  for (const use of conditionUses(procedure, before)) {
    const path = parsePointer(use.pointer);
    const last = path.pop()!;
    const parent = path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], next) as Record<string, unknown>;
    parent[last] = JSON.parse(JSON.stringify(after));
  }
  return next;
}

function useLabel(p: Procedure, pointer: string): Message {
  const path = parsePointer(pointer);
  const titled = (at: (string | number)[]) => {
    const t = getAt(p, '/' + at.join('/') + '/title') as { vi: string; en?: string } | undefined;
    return t ? { vi: t.vi, en: t.en || t.vi } : { vi: String(at[at.length - 1]), en: String(at[at.length - 1]) };
  };
  const [area] = path;
  if (area === 'documents') {
    const t = titled(path.slice(0, 2));
    return { vi: `Giấy tờ: ${t.vi}`, en: `Document: ${t.en}` };
  }
  if (area === 'fees') {
    const t = titled(path.slice(0, 3));
    if (path[3] === 'exemptions') {
      const x = titled(path.slice(0, 5));
      return { vi: `Miễn phí "${t.vi}": ${x.vi}`, en: `Exemption of "${t.en}": ${x.en}` };
    }
    return { vi: `Khoản phí: ${t.vi}`, en: `Fee: ${t.en}` };
  }
  if (area === 'workflow') {
    const t = titled(path.slice(0, 3));
    return path[3] === 'next'
      ? { vi: `Nhánh chuyển từ bước: ${t.vi}`, en: `Branch from step: ${t.en}` }
      : { vi: `Cơ quan xử lý bước: ${t.vi}`, en: `Agency of step: ${t.en}` };
  }
  if (area === 'receiving') return { vi: 'Cơ quan tiếp nhận', en: 'Receiving agency' };
  if (area === 'form') {
    const at = pointer.replace(/\/rule\/condition\/schema$/, '');
    const el = uiElements(p.form).find((e) => e.pointer === at);
    const name = el ? el.label : { vi: at, en: at };
    return { vi: `Hiển thị trên tờ khai: ${name.vi}`, en: `Display on the form: ${name.en}` };
  }
  if (area === 'applicant') return { vi: 'Chủ hồ sơ là tổ chức', en: 'Applicant is an organisation' };
  if (area === 'submitter') return { vi: 'Người nộp thay', en: 'Submitter on behalf' };
  return { vi: pointer, en: pointer };
}
