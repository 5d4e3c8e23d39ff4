import type { Lang, Message } from '@motcua/core';

/**
 * Every string the runtime shows, in Vietnamese (default) and English. Placeholders are `{name}`.
 * Text that comes from a procedure (labels, documents, fees) or from core (validation messages)
 * is localised where it is defined; this table holds only the runtime's own words.
 */
export const STRINGS = {
  // form and renderers
  required: { vi: 'bắt buộc', en: 'required' },
  errorSummaryTitle: { vi: 'Có {count} lỗi cần sửa trước khi tiếp tục', en: 'There are {count} problems to fix before continuing' },
  errorSummaryTitleOne: { vi: 'Có 1 lỗi cần sửa trước khi tiếp tục', en: 'There is 1 problem to fix before continuing' },
  errorAtForm: { vi: 'Tờ khai', en: 'Form' },
  notANumber: { vi: 'Phải là một số', en: 'Must be a number' },
  unsupported: { vi: 'Không hiển thị được phần này của tờ khai ({what}). Vui lòng liên hệ cơ quan tiếp nhận.', en: 'This part of the form cannot be displayed ({what}). Please contact the receiving agency.' },
  ruleError: { vi: 'Không đánh giá được điều kiện hiển thị của phần này.', en: 'The display condition of this part could not be evaluated.' },
  selectPlaceholder: { vi: '— Chọn —', en: '— Select —' },
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
  arrayAdd: { vi: 'Thêm {label}', en: 'Add {label}' },
  arrayItem: { vi: '{label} thứ {n}', en: '{label} no. {n}' },
  arrayRemove: { vi: 'Xóa', en: 'Remove' },
  arrayRemoveLabel: { vi: 'Xóa {item}', en: 'Remove {item}' },
  arrayUp: { vi: 'Lên', en: 'Up' },
  arrayUpLabel: { vi: 'Chuyển {item} lên trên', en: 'Move {item} up' },
  arrayDown: { vi: 'Xuống', en: 'Down' },
  arrayDownLabel: { vi: 'Chuyển {item} xuống dưới', en: 'Move {item} down' },
  arrayEmpty: { vi: 'Chưa có mục nào.', en: 'No items yet.' },
  arrayDefaultItem: { vi: 'Mục', en: 'Item' },
  wizardSteps: { vi: 'Các bước', en: 'Steps' },
  wizardProgress: { vi: 'Bước {n} trên {count}', en: 'Step {n} of {count}' },
  wizardBack: { vi: 'Quay lại', en: 'Back' },
  wizardNext: { vi: 'Tiếp tục', en: 'Next' },
  wizardDone: { vi: 'đã xong', en: 'done' },
  wizardCurrent: { vi: 'bước hiện tại', en: 'current step' },
} satisfies Record<string, Message>;

export type StringKey = keyof typeof STRINGS;
export type Params = Record<string, string | number>;

export function t(key: StringKey, lang: Lang, params?: Params): string {
  const entry: Message = STRINGS[key];
  const text = lang === 'en' ? entry.en : entry.vi;
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}

/** The language of an element: its own `lang` attribute, Vietnamese unless it says English. */
export function langOf(value: string | null | undefined): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
