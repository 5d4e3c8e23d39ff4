import type { Message } from '@motcua/core';

/** The words of the receipt and its printed page: a part of the one string table (strings.ts), loaded with them. */
export const RECEIPT_STRINGS = {
  receiptTitle: { vi: 'Đã nộp hồ sơ thành công', en: 'Your dossier was submitted' },
  receiptSecretNote: { vi: 'Hãy ghi lại mã hồ sơ và mã tra cứu: cần cả hai để tra cứu, bổ sung hoặc rút hồ sơ. Không chia sẻ mã tra cứu.', en: 'Write down the dossier code and the tracking secret: both are needed to look up, supplement or withdraw the dossier. Do not share the secret.' },
  receiptStatus: { vi: 'Trạng thái', en: 'Status' },
  receiptAgency: { vi: 'Cơ quan tiếp nhận', en: 'Receiving agency' },
  receiptDue: { vi: 'Ngày hẹn trả kết quả', en: 'Result date' },
  receiptExpected: { vi: 'Ngày hẹn trả kết quả dự kiến', en: 'Expected result date' },
  receiptFees: { vi: 'Phí, lệ phí', en: 'Fees and charges' },
  receiptProcedure: { vi: 'Thủ tục', en: 'Procedure' },
  receiptSubmittedAt: { vi: 'Thời điểm nộp', en: 'Submitted at' },
  print: { vi: 'In giấy biên nhận', en: 'Print the receipt' },
  copySecret: { vi: 'Sao chép mã tra cứu', en: 'Copy the tracking secret' },
  copied: { vi: 'Đã sao chép', en: 'Copied' },
  newDossier: { vi: 'Nộp hồ sơ khác', en: 'File another dossier' },
  printHeading: { vi: 'GIẤY BIÊN NHẬN HỒ SƠ NỘP TRỰC TUYẾN', en: 'RECEIPT OF AN ONLINE SUBMISSION' },
} satisfies Record<string, Message>;
