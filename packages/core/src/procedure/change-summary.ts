import type { LocalizedText, Message } from '../i18n/text.ts';
import { parsePointer } from '../model/json-pointer.ts';
import { definitionDiff, type DefinitionChange } from './definition-diff.ts';
import { formatVnd } from './reasons.ts';

export interface ChangeStatement {
  /** The part of the definition: "documents", "fees", "workflow", "form", … */
  area: string;
  /** Where to look (the newer definition; the older one for removals). */
  pointer: string;
  message: Message;
}

type Named = { id?: string; title?: LocalizedText };
type Definition = Record<string, unknown>;

/** Lists of named items, summarised one item at a time. */
const LISTS: Record<string, { path: string[]; vi: string; en: string }> = {
  documents: { path: ['documents'], vi: 'giấy tờ', en: 'document' },
  fees: { path: ['fees', 'items'], vi: 'khoản phí', en: 'fee item' },
  workflow: { path: ['workflow', 'steps'], vi: 'bước xử lý', en: 'workflow step' },
  conditions: { path: ['conditions'], vi: 'điều kiện', en: 'condition' },
  scenarios: { path: ['scenarios'], vi: 'tình huống kiểm thử', en: 'test scenario' },
};

const AREAS: Record<string, Message> = {
  title: { vi: 'Tên thủ tục', en: 'Title' },
  code: { vi: 'Mã thủ tục', en: 'Code' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  owner: { vi: 'Cơ quan chủ quản', en: 'Owning agency' },
  serviceLevel: { vi: 'Mức độ dịch vụ công', en: 'Service level' },
  legalBasis: { vi: 'Căn cứ pháp lý', en: 'Legal basis' },
  effectiveFrom: { vi: 'Ngày hiệu lực', en: 'Effective date' },
  effectiveUntil: { vi: 'Ngày hết hiệu lực', en: 'End date' },
  receiving: { vi: 'Cách xác định cơ quan tiếp nhận', en: 'Receiving agency rule' },
  applicant: { vi: 'Thông tin chủ hồ sơ', en: 'Applicant identity' },
  submitter: { vi: 'Người nộp thay', en: 'Submitter' },
  report: { vi: 'Báo cáo', en: 'Reporting' },
  form: { vi: 'Tờ khai', en: 'Applicant form' },
};

/**
 * A readable summary of what publishing `after` changes from the live `before` (null when nothing
 * is live yet): one sentence per added, removed or changed document, fee item, step, condition,
 * scenario and form field; amounts and the deadline with their old and new values.
 */
export function changeSummary(before: unknown, after: unknown): ChangeStatement[] {
  if (before === null || before === undefined) {
    return [
      {
        area: 'procedure',
        pointer: '',
        message: { vi: 'Phiên bản đầu tiên của thủ tục', en: 'The first version of the procedure' },
      },
    ];
  }
  const a = before as Definition;
  const b = after as Definition;
  const changes = definitionDiff(a, b);
  const out: ChangeStatement[] = [];
  const listDone = new Set<string>();
  const areaDone = new Set<string>();
  for (const change of changes) {
    const path = parsePointer(change.pointer);
    const top = path[0] ?? '';
    const list = Object.entries(LISTS).find(([, l]) => l.path.every((p, i) => path[i] === p));
    if (list && path.length > list[1].path.length) {
      const [area, l] = list;
      const index = Number(path[l.path.length]);
      const key = `${area}/${change.op === 'remove' ? 'old' : 'new'}/${index}`;
      if (listDone.has(key)) continue;
      listDone.add(key);
      out.push(itemStatement(area, l, index, change, path.length === l.path.length + 1, a, b));
      continue;
    }
    if (top === 'deadline') {
      if (areaDone.has(top)) continue;
      areaDone.add(top);
      out.push({
        area: top,
        pointer: '/deadline',
        message: {
          vi: `Thời hạn giải quyết: ${deadlineText(a.deadline, 'vi')} → ${deadlineText(b.deadline, 'vi')}`,
          en: `Deadline: ${deadlineText(a.deadline, 'en')} → ${deadlineText(b.deadline, 'en')}`,
        },
      });
      continue;
    }
    if (top === 'form' && path[1] === 'schema') {
      const field = formField(path);
      if (field) {
        const key = `form/${field.pointer}`;
        if (listDone.has(key)) continue;
        listDone.add(key);
        const verb = verbs(change.op, path.length === field.depth);
        out.push({
          area: 'form',
          pointer: change.pointer,
          message: {
            vi: `${verb.vi} trường "${field.pointer}" của tờ khai`,
            en: `${verb.en} form field "${field.pointer}"`,
          },
        });
        continue;
      }
    }
    if (top === 'fees' && path[1] === 'collect') {
      out.push({
        area: 'fees',
        pointer: change.pointer,
        message: {
          vi: `Thời điểm thu phí: ${String(change.before)} → ${String(change.after)}`,
          en: `Fees collected: ${String(change.before)} → ${String(change.after)}`,
        },
      });
      continue;
    }
    const areaKey = top === 'form' ? `form/${path[1] ?? ''}` : top;
    if (areaDone.has(areaKey)) continue;
    areaDone.add(areaKey);
    const name = AREAS[top] ?? { vi: top, en: top };
    const what = top === 'form' && path[1] === 'uischema' ? { vi: 'Bố cục tờ khai', en: 'Form layout' } : name;
    const scalar = path.length === 1 && change.op === 'replace' && isScalar(change.before) && isScalar(change.after);
    out.push({
      area: top,
      pointer: '/' + top,
      message: scalar
        ? {
            vi: `${what.vi}: ${String(change.before)} → ${String(change.after)}`,
            en: `${what.en}: ${String(change.before)} → ${String(change.after)}`,
          }
        : { vi: `${what.vi} thay đổi`, en: `${what.en} changed` },
    });
  }
  return out;
}

function itemStatement(
  area: string,
  l: { path: string[]; vi: string; en: string },
  index: number,
  change: DefinitionChange,
  whole: boolean,
  a: Definition,
  b: Definition,
): ChangeStatement {
  const source = change.op === 'remove' ? a : b;
  const item = (
    l.path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], source) as Named[] | undefined
  )?.[index];
  const title = item?.title?.vi ?? item?.id ?? String(index);
  const titleEn = item?.title?.en || title;
  const pointer = '/' + [...l.path, index].join('/');
  if (whole && change.op !== 'replace') {
    const verb = verbs(change.op, true);
    return { area, pointer, message: { vi: `${verb.vi} ${l.vi} "${title}"`, en: `${verb.en} ${l.en} "${titleEn}"` } };
  }
  const sub = parsePointer(change.pointer).slice(l.path.length + 1);
  if (area === 'fees' && sub.length === 1 && sub[0] === 'amount') {
    const from = formatVnd(Number(change.before));
    const to = formatVnd(Number(change.after));
    return {
      area,
      pointer: change.pointer,
      message: { vi: `Mức thu "${title}": ${from.vi} → ${to.vi}`, en: `Amount of "${titleEn}": ${from.en} → ${to.en}` },
    };
  }
  return { area, pointer, message: { vi: `Sửa ${l.vi} "${title}"`, en: `Changed ${l.en} "${titleEn}"` } };
}

function verbs(op: DefinitionChange['op'], whole: boolean): Message {
  if (!whole) return { vi: 'Sửa', en: 'Changed' };
  return op === 'add'
    ? { vi: 'Thêm', en: 'Added' }
    : op === 'remove'
      ? { vi: 'Bỏ', en: 'Removed' }
      : { vi: 'Sửa', en: 'Changed' };
}

/** "/form/schema/properties/a/properties/b/…" → the data pointer "/a/b" and the path length that is the field itself. */
function formField(path: string[]): { pointer: string; depth: number } | null {
  const names: string[] = [];
  let i = 2;
  while (path[i] === 'properties' && path[i + 1] !== undefined) {
    names.push(path[i + 1]!);
    i += 2;
    if (path[i] === 'items') i++;
  }
  if (names.length === 0) return null;
  return { pointer: '/' + names.join('/'), depth: i };
}

function deadlineText(d: unknown, lang: 'vi' | 'en'): string {
  const x = d as { unit?: string; value?: number; cutoff?: string } | undefined;
  if (!x) return '—';
  if (x.unit === 'same-day')
    return lang === 'vi' ? `trong ngày (giờ chốt ${x.cutoff})` : `same day (cut-off ${x.cutoff})`;
  const unit: Record<string, Message> = {
    'working-days': { vi: 'ngày làm việc', en: 'working days' },
    'working-hours': { vi: 'giờ làm việc', en: 'working hours' },
    'calendar-days': { vi: 'ngày', en: 'calendar days' },
  };
  return `${x.value} ${unit[x.unit ?? '']?.[lang] ?? x.unit}`;
}

function isScalar(v: unknown): boolean {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}
