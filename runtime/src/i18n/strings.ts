import type { Lang, Message } from '@motcua/core';
import type { TRACK_STRINGS } from './strings-track.ts';
import type { RECEIPT_STRINGS } from './strings-receipt.ts';

/**
 * Every string the runtime shows, in Vietnamese (default) and English. Placeholders are `{name}`.
 * Text that comes from a procedure (labels, documents, fees) or from core (validation messages)
 * is localised where it is defined; this table holds only the runtime's own words.
 *
 * One table, kept in parts: this module holds what the form needs from its first render; the
 * words of the tracking views (strings-track.ts) and of the receipt (strings-receipt.ts) travel
 * with the code that shows them, in the chunks loaded when they are needed, and join the table
 * when their chunk loads (addStrings). `t` looks every key up in the joined table.
 */
export const STRINGS = {
  // form and renderers
  required: { vi: 'bắt buộc', en: 'required' },
  errorSummaryTitle: { vi: 'Có {count} lỗi cần sửa trước khi tiếp tục', en: 'There are {count} problems to fix before continuing' },
  errorSummaryTitleOne: { vi: 'Có 1 lỗi cần sửa trước khi tiếp tục', en: 'There is 1 problem to fix before continuing' },
  errorAtForm: { vi: 'Tờ khai', en: 'Form' },
  notANumber: { vi: 'Phải là một số', en: 'Must be a number' },
  unsupported: { vi: 'Không hiển thị được phần này của tờ khai ({what}). Vui lòng liên hệ cơ quan tiếp nhận.', en: 'This part of the form cannot be displayed ({what}). Please contact the receiving agency.' },
  validationUnavailable: { vi: 'Không kiểm tra được dữ liệu tờ khai: bộ kiểm tra không khớp với phiên bản thủ tục. Vui lòng tải lại trang.', en: 'The form data cannot be checked: the checks do not match this procedure version. Please reload the page.' },
  partUnavailable: { vi: 'Không tải được phần này của tờ khai. Kiểm tra kết nối mạng rồi thử lại.', en: 'This part of the form could not be loaded. Check your connection and try again.' },
  ruleError: { vi: 'Không đánh giá được điều kiện hiển thị của phần này.', en: 'The display condition of this part could not be evaluated.' },
  selectPlaceholder: { vi: '— Chọn —', en: '— Select —' },
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

  // network and server
  httpError: { vi: 'Máy chủ báo lỗi. Vui lòng thử lại sau.', en: 'The server reported an error. Please try again later.' },
  invalidResponse: { vi: 'Máy chủ trả lời không đúng định dạng.', en: 'The server sent an unexpected answer.' },
  networkError: { vi: 'Không kết nối được với máy chủ. Kiểm tra kết nối mạng rồi thử lại.', en: 'Could not reach the server. Check your connection and try again.' },
  aborted: { vi: 'Yêu cầu đã bị hủy.', en: 'The request was cancelled.' },
  retry: { vi: 'Thử lại', en: 'Try again' },
  loading: { vi: 'Đang tải thủ tục…', en: 'Loading the procedure…' },
  loadFailed: { vi: 'Không tải được thủ tục.', en: 'The procedure could not be loaded.' },
  validatorsFailed: { vi: 'Không tải được bộ kiểm tra dữ liệu của thủ tục.', en: 'The procedure\u2019s data checks could not be loaded.' },
  procedureCode: { vi: 'Mã thủ tục', en: 'Procedure code' },
  procedureField: { vi: 'Lĩnh vực', en: 'Field' },
  // receiving agency
  agencyTitle: { vi: 'Nơi nộp hồ sơ', en: 'Where to file' },
  agencyLabel: { vi: 'Cơ quan tiếp nhận hồ sơ', en: 'Receiving agency' },
  agencyHint: { vi: 'Bạn có thể nộp tại bất kỳ cơ quan nào trong danh sách, không phụ thuộc nơi cư trú.', en: 'You may file with any agency in the list, wherever you live.' },
  agencyFixed: { vi: 'Hồ sơ được tiếp nhận tại: {name}', en: 'The dossier is received by: {name}' },
  // documents
  documentsTitle: { vi: 'Giấy tờ cần nộp', en: 'Documents to provide' },
  documentsIntro: { vi: 'Danh sách thay đổi theo thông tin bạn khai ở trên.', en: 'This list follows what you entered above.' },
  documentsNone: { vi: 'Trường hợp của bạn không cần nộp giấy tờ nào.', en: 'Your case needs no documents.' },
  documentsNotNeeded: { vi: 'Không cần nộp trong trường hợp của bạn ({count})', en: 'Not needed in your case ({count})' },
  documentRequired: { vi: 'Bắt buộc', en: 'Required' },
  documentOptional: { vi: 'Không bắt buộc', en: 'Optional' },
  documentLimits: { vi: 'Chấp nhận {types}; mỗi tệp tối đa {size}; tối đa {max} tệp.', en: 'Accepted: {types}; each file at most {size}; at most {max} files.' },
  documentPaper: { vi: 'Khi nhận kết quả mang theo: {originals} bản chính, {copies} bản sao.', en: 'Bring when collecting the result: {originals} original(s), {copies} copy(ies).' },
  chooseFiles: { vi: 'Chọn tệp cho: {title}', en: 'Choose files for: {title}' },
  chooseFilesButton: { vi: 'Chọn tệp', en: 'Choose files' },
  removeFile: { vi: 'Bỏ tệp {name}', en: 'Remove file {name}' },
  fileSent: { vi: 'đã tải lên', en: 'uploaded' },
  fileSending: { vi: 'đang tải lên', en: 'uploading' },
  fileWaiting: { vi: 'chờ tải lên', en: 'waiting' },
  // fees and appointment
  feesTitle: { vi: 'Phí, lệ phí', en: 'Fees and charges' },
  feesNone: { vi: 'Không phải nộp phí, lệ phí.', en: 'No fees or charges.' },
  feesTotal: { vi: 'Tổng cộng', en: 'Total' },
  feesBefore: { vi: 'Nộp trước khi hồ sơ được tiếp nhận.', en: 'Paid before the dossier is accepted.' },
  feesAfter: { vi: 'Nộp khi nhận kết quả.', en: 'Paid when collecting the result.' },
  feesUnknown: { vi: 'Chưa tính được phí: {reason}', en: 'Fees cannot be computed yet: {reason}' },
  appointmentTitle: { vi: 'Ngày hẹn trả kết quả dự kiến', en: 'Expected result date' },
  appointmentNote: { vi: 'Nếu hồ sơ hợp lệ và được tiếp nhận ngay lúc này; ngày chính thức ghi trên giấy tiếp nhận.', en: 'If the dossier is valid and accepted right now; the official date is on the receipt.' },
  appointmentUnknown: { vi: 'Sẽ có sau khi chọn cơ quan tiếp nhận.', en: 'Known once the receiving agency is chosen.' },
  // drafts
  draftConsent: { vi: 'Lưu bản nháp trên trình duyệt này để tiếp tục sau', en: 'Keep a draft in this browser to continue later' },
  draftHint: { vi: 'Bản nháp chỉ lưu trên máy này, không gửi đi, và được xóa khi bạn nộp hoặc bỏ chọn. Tệp đính kèm không được lưu. Không chọn nếu dùng máy tính công cộng.', en: 'The draft stays on this device only, is never sent, and is deleted when you submit or untick. Attached files are not kept. Do not tick on a shared computer.' },
  draftRestored: { vi: 'Đã khôi phục bản nháp lưu lúc {at}.', en: 'Your draft saved at {at} was restored.' },
  draftOtherVersion: { vi: 'Thủ tục đã thay đổi từ khi lưu bản nháp; vui lòng kiểm tra lại.', en: 'The procedure changed since the draft was saved; please check your answers.' },
  draftDiscard: { vi: 'Xóa bản nháp và khai lại từ đầu', en: 'Discard the draft and start again' },
  draftUnavailable: { vi: 'Trình duyệt này không cho lưu bản nháp.', en: 'This browser does not allow keeping a draft.' },
  // submission
  submit: { vi: 'Nộp hồ sơ', en: 'Submit' },
  submitting: { vi: 'Đang gửi hồ sơ…', en: 'Sending the dossier…' },
  uploadProgress: { vi: 'Đã gửi {percent}%', en: '{percent}% sent' },
  submitSummary: { vi: 'Hồ sơ chưa gửi được. Có {count} vấn đề cần xử lý:', en: 'The dossier was not sent. {count} problem(s) to fix:' },
  submitFailed: { vi: 'Hồ sơ chưa gửi được.', en: 'The dossier was not sent.' },
  retryKeeps: { vi: 'Thông tin bạn đã khai vẫn còn nguyên. Bấm "Thử lại" để gửi lại; hồ sơ sẽ không bị nộp trùng.', en: 'Everything you entered is kept. Press "Try again" to resend; the dossier will not be filed twice.' },
  tooLarge: { vi: 'Tệp gửi lên quá lớn so với giới hạn của máy chủ.', en: 'The files are larger than the server accepts.' },
  badMediaType: { vi: 'Máy chủ không chấp nhận kiểu của một tệp.', en: 'The server does not accept the type of a file.' },
  idempotencyConflict: { vi: 'Một lần gửi trước đó có thể đã tạo hồ sơ với nội dung khác. Hãy tra cứu hồ sơ trước khi nộp lại.', en: 'An earlier attempt may already have created a dossier with other content. Look it up before filing again.' },
  submitAsNew: { vi: 'Nộp thành hồ sơ mới', en: 'File as a new dossier' },
  receiptCode: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  receiptSecret: { vi: 'Mã tra cứu', en: 'Tracking secret' },
  kioskReset: { vi: 'Màn hình sẽ tự xóa sau {seconds} giây không thao tác.', en: 'This screen clears itself after {seconds} seconds without activity.' },
  trackNotFound: { vi: 'Không tìm thấy hồ sơ. Kiểm tra lại mã hồ sơ và mã tra cứu.', en: 'No dossier found. Check the dossier code and the tracking secret.' },
  trackMissing: { vi: 'Nhập mã hồ sơ và mã tra cứu.', en: 'Enter the dossier code and the tracking secret.' },
  documentMissing: { vi: 'Thiếu giấy tờ "{title}"', en: 'Missing document "{title}"' },
} satisfies Record<string, Message>;

export type StringKey = keyof typeof STRINGS | keyof typeof TRACK_STRINGS | keyof typeof RECEIPT_STRINGS;
export type Params = Record<string, string | number>;

const table: Partial<Record<StringKey, Message>> = { ...STRINGS };

/** Joins a part of the table (a lazily loaded chunk's words) to it. */
export function addStrings(part: Partial<Record<StringKey, Message>>): void {
  Object.assign(table, part);
}

export function t(key: StringKey, lang: Lang, params?: Params): string {
  const entry = table[key];
  // A part not loaded yet is a bug in the loading order: say which key, never show nothing.
  const text = entry ? (lang === 'en' ? entry.en : entry.vi) : `[${key}]`;
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}

/** The language of an element: its own `lang` attribute, Vietnamese unless it says English. */
export function langOf(value: string | null | undefined): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
