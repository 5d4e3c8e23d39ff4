import type { Lang, Message } from '@motcua/core';
import { lazy } from '../lazy.ts';
import type { WORDS_EN } from './strings-en.ts';
import type { TRACK_STRINGS } from './strings-track.ts';
import type { RATING_STRINGS } from './strings-rating.ts';
import type { GIVEN_STRINGS } from './strings-given.ts';
import type { ReceiptWordKey } from './strings-receipt.ts';
import type { ArrayWordKey } from './strings-array.ts';
import type { WizardWordKey } from './strings-wizard.ts';
import type { PayStringKey } from './strings-pay.ts';
import type { PAY_INFO_STRINGS } from './strings-pay-info.ts';
import type { ChoiceWordKey } from './strings-choice.ts';
import type { ListWordKey } from './strings-list.ts';

/**
 * Every string the runtime shows, in Vietnamese (default) and English. Placeholders are `{name}`.
 * Text that comes from a procedure (labels, documents, fees) or from core (validation messages)
 * is localised where it is defined; this table holds only the runtime's own words.
 *
 * One table, kept in parts so that a page downloads the words it shows and no others:
 *  - STRINGS: messages that become issues or errors, which always carry both languages;
 *  - WORDS_VI here and WORDS_EN (strings-en.ts, a chunk loaded by the first element with
 *    lang="en", before it renders): the words of the form, one file per language;
 *  - the words of the tracking views (strings-track.ts), of paying online (strings-pay.ts) and of
 *    the payment instructions (strings-pay-info.ts), both languages, and the Vietnamese words of
 *    the receipt, the array views, the wizard, the alternatives and the list with detail (strings-receipt.ts, strings-array.ts, strings-wizard.ts,
 *    strings-choice.ts, strings-list.ts; their English is in strings-en.ts), in the chunks of the code that
 *    shows them.
 * A part joins the table when its chunk loads (addStrings, addWords); `t` looks every key up in
 * the joined table.
 */
export const STRINGS = {
  fieldRequired: { vi: 'Chưa điền, mục này bắt buộc', en: 'Required, not filled in' },
  dateFormat: { vi: 'Phải là một ngày có thật, dạng dd/mm/yyyy', en: 'Must be a real date, as dd/mm/yyyy' },
  notANumber: { vi: 'Phải là một số', en: 'Must be a number' },
  httpError: {
    vi: 'Máy chủ báo lỗi. Vui lòng thử lại sau.',
    en: 'The server reported an error. Please try again later.',
  },
  invalidResponse: { vi: 'Máy chủ trả lời không đúng định dạng.', en: 'The server sent an unexpected answer.' },
  networkError: {
    vi: 'Không kết nối được với máy chủ. Kiểm tra kết nối mạng rồi thử lại.',
    en: 'Could not reach the server. Check your connection and try again.',
  },
  aborted: { vi: 'Yêu cầu đã bị hủy.', en: 'The request was cancelled.' },
  validatorsFailed: {
    vi: 'Không tải được bộ kiểm tra dữ liệu của thủ tục.',
    en: 'The procedure\u2019s data checks could not be loaded.',
  },
  tooLarge: {
    vi: 'Tệp gửi lên quá lớn so với giới hạn của máy chủ.',
    en: 'The files are larger than the server accepts.',
  },
  badMediaType: {
    vi: 'Máy chủ không chấp nhận kiểu của một tệp.',
    en: 'The server does not accept the type of a file.',
  },
  idempotencyConflict: {
    vi: 'Một lần gửi trước đó có thể đã tạo hồ sơ với nội dung khác. Hãy tra cứu hồ sơ trước khi nộp lại.',
    en: 'An earlier attempt may already have created a dossier with other content. Look it up before filing again.',
  },
} satisfies Record<string, Message>;

/** The form's words in Vietnamese; strings-en.ts has the same keys in English. */
export const WORDS_VI = {
  // form and renderers
  required: 'bắt buộc',
  errorSummaryTitle: 'Có {count} lỗi cần sửa trước khi tiếp tục',
  errorSummaryTitleOne: 'Có 1 lỗi cần sửa trước khi tiếp tục',
  errorAtForm: 'Tờ khai',
  unsupported: 'Không hiển thị được phần này của tờ khai ({what}). Vui lòng liên hệ cơ quan tiếp nhận.',
  validationUnavailable:
    'Không kiểm tra được dữ liệu tờ khai: bộ kiểm tra không khớp với phiên bản thủ tục. Vui lòng tải lại trang.',
  trackUnavailable: 'Không tải được phần tra cứu hồ sơ. Kiểm tra kết nối mạng rồi tải lại trang.',
  partUnavailable: 'Không tải được phần này của tờ khai. Kiểm tra kết nối mạng rồi tải lại trang.',
  ruleError: 'Không đánh giá được điều kiện hiển thị của phần này.',
  rulesUnavailable:
    'Không tải được phần đánh giá điều kiện: các phần có điều kiện của tờ khai không hiển thị được. Hãy tải lại trang.',
  objectOpen: 'Khai {label}',
  selectPlaceholder: '— Chọn —',
  arrayRemove: 'Xóa',
  // network and server
  retry: 'Thử lại',
  loading: 'Đang tải thủ tục…',
  loadFailed: 'Không tải được thủ tục.',
  procedureCode: 'Mã thủ tục',
  procedureField: 'Lĩnh vực',
  // receiving agency
  agencyTitle: 'Nơi nộp hồ sơ',
  agencyLabel: 'Cơ quan tiếp nhận hồ sơ',
  agencyHint: 'Bạn có thể nộp tại bất kỳ cơ quan nào trong danh sách, không phụ thuộc nơi cư trú.',
  agencyFixed: 'Hồ sơ được tiếp nhận tại: {name}',
  // documents
  documentsTitle: 'Giấy tờ cần nộp',
  documentsIntro: 'Danh sách thay đổi theo thông tin bạn khai ở trên.',
  documentsNone: 'Trường hợp của bạn không cần nộp giấy tờ nào.',
  documentsNotNeeded: 'Không cần nộp trong trường hợp của bạn ({count})',
  documentsToShow: 'Giấy tờ xuất trình (chỉ để đối chiếu, không tải lên)',
  documentRequired: 'Bắt buộc',
  documentOptional: 'Không bắt buộc',
  documentLimits: 'Chấp nhận {types}; mỗi tệp tối đa {size}; tối đa {max} tệp.',
  documentPaper: 'Khi nhận kết quả mang theo: {list}.',
  documentOriginals: '{n} bản chính',
  documentCopies: '{n} bản sao',
  chooseFiles: 'Chọn tệp cho: {title}',
  chooseFilesButton: 'Chọn tệp',
  removeFile: 'Bỏ tệp {name}',
  fileSent: 'đã tải lên',
  fileSending: 'đang tải lên',
  fileWaiting: 'chờ tải lên',
  // fees and appointment
  feesTitle: 'Phí, lệ phí',
  feesNone: 'Không phải nộp phí, lệ phí.',
  feesTotal: 'Tổng cộng',
  feesBefore: 'Nộp trước khi hồ sơ được tiếp nhận.',
  feesAfter: 'Nộp khi nhận kết quả.',
  feesUnknown: 'Chưa tính được phí: {reason}',
  appointmentTitle: 'Ngày hẹn trả kết quả dự kiến',
  appointmentNote: 'Nếu hồ sơ hợp lệ và được tiếp nhận ngay lúc này; ngày chính thức ghi trên giấy tiếp nhận.',
  appointmentUnknown: 'Sẽ có sau khi chọn cơ quan tiếp nhận.',
  notifyTitle: 'Nhận thông báo về hồ sơ (giấy tiếp nhận, yêu cầu bổ sung, kết quả)',
  notifyEmail: 'Qua thư điện tử, theo địa chỉ đã khai',
  notifySms: 'Qua tin nhắn SMS, theo số điện thoại đã khai',
  // drafts
  draftConsent: 'Lưu bản nháp trên trình duyệt này để tiếp tục sau',
  draftHint:
    'Bản nháp chỉ lưu trên máy này, không gửi đi, và được xóa khi bạn nộp hoặc bỏ chọn. Tệp đính kèm không được lưu. Không chọn nếu dùng máy tính công cộng.',
  draftRestored: 'Đã khôi phục bản nháp lưu lúc {at}.',
  draftOtherVersion: 'Thủ tục đã thay đổi từ khi lưu bản nháp; vui lòng kiểm tra lại.',
  draftDiscard: 'Xóa bản nháp và khai lại từ đầu',
  draftUnavailable: 'Trình duyệt này không cho lưu bản nháp.',
  // submission
  submit: 'Nộp hồ sơ',
  submitting: 'Đang gửi hồ sơ…',
  uploadProgress: 'Đã gửi {percent}%',
  submitSummary: 'Hồ sơ chưa gửi được. Có {count} vấn đề cần xử lý:',
  submitFailed: 'Hồ sơ chưa gửi được.',
  retryKeeps: 'Thông tin bạn đã khai vẫn còn nguyên. Bấm "Thử lại" để gửi lại; hồ sơ sẽ không bị nộp trùng.',
  submitAsNew: 'Nộp thành hồ sơ mới',
  receiptCode: 'Mã hồ sơ',
  receiptSecret: 'Mã tra cứu',
  receiptPartial:
    'Hồ sơ đã được nộp, nhưng không tải được giấy biên nhận đầy đủ. Hãy ghi lại mã hồ sơ và mã tra cứu: cần cả hai để tra cứu hồ sơ.',
  kioskReset: 'Màn hình sẽ tự xóa sau {seconds} giây không thao tác.',
} satisfies Record<WordKey, string>;

// The keys come from the English table so that each table is checked against the other's keys
// while strings-en.ts needs nothing from here (it is a chunk that this module loads).
export type WordKey = keyof typeof WORDS_EN;
export type StringKey =
  | keyof typeof STRINGS
  | WordKey
  | keyof typeof TRACK_STRINGS
  | keyof typeof RATING_STRINGS
  | keyof typeof GIVEN_STRINGS
  | ReceiptWordKey
  | ArrayWordKey
  | WizardWordKey
  | PayStringKey
  | keyof typeof PAY_INFO_STRINGS
  | ChoiceWordKey
  | ListWordKey;
export type Params = Record<string, string | number>;

const table: Partial<Record<StringKey, Partial<Message>>> = { ...STRINGS };
for (const [key, vi] of Object.entries(WORDS_VI)) table[key as WordKey] = { vi };

/** Joins a part of the table (a lazily loaded chunk's strings) to it. */
export function addStrings(part: Partial<Record<StringKey, Message>>): void {
  Object.assign(table, part);
}

/** Joins words of one language to the table: the English words (strings-en.ts), the receipt's Vietnamese words. */
export function addWords(lang: Lang, words: Partial<Record<StringKey, string>>): void {
  for (const [key, text] of Object.entries(words))
    table[key as StringKey] = { ...table[key as StringKey], [lang]: text };
}

const english = lazy(async () => {
  const en = await import('./strings-en.ts');
  for (const words of [
    en.WORDS_EN,
    en.ARRAY_WORDS_EN,
    en.WIZARD_WORDS_EN,
    en.CHOICE_WORDS_EN,
    en.LIST_WORDS_EN,
    en.RECEIPT_WORDS_EN,
  ])
    addWords('en', words);
  return en;
});

/**
 * What an element must wait for before it renders in `lang`: the English words' chunk the first
 * time (undefined once loaded, and always for Vietnamese). If it cannot be fetched, the element
 * renders in Vietnamese rather than not at all.
 */
export function wordsFor(lang: Lang): Promise<unknown> | undefined {
  return lang === 'en' && !english.value ? english.load().catch(() => undefined) : undefined;
}

export function t(key: StringKey, lang: Lang, params?: Params): string {
  const entry = table[key];
  // A part not loaded yet is a bug in the loading order: say which key, never show nothing.
  const text = (lang === 'en' ? (entry?.en ?? entry?.vi) : entry?.vi) ?? `[${key}]`;
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}

/** The language of an element: its own `lang` attribute, Vietnamese unless it says English. */
export function langOf(value: string | null | undefined): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
