/**
 * The words of the receipt and its printed page in Vietnamese: a part of the one string table
 * (strings.ts), loaded with them. Their English is with the form's English words (strings-en.ts),
 * so that Vietnamese pages never download it.
 */
export const RECEIPT_WORDS_VI = {
  receiptTitle: 'Đã nộp hồ sơ thành công',
  receiptSecretNote:
    'Hãy ghi lại mã hồ sơ và mã tra cứu: cần cả hai để tra cứu, bổ sung hoặc rút hồ sơ. Không chia sẻ mã tra cứu.',
  receiptStatus: 'Trạng thái',
  receiptAgency: 'Cơ quan tiếp nhận',
  receiptDue: 'Ngày hẹn trả kết quả',
  receiptExpected: 'Ngày hẹn trả kết quả dự kiến',
  receiptFees: 'Phí, lệ phí',
  receiptProcedure: 'Thủ tục',
  receiptSubmittedAt: 'Thời điểm nộp',
  print: 'In giấy biên nhận',
  copySecret: 'Sao chép mã tra cứu',
  copied: 'Đã sao chép',
  newDossier: 'Nộp hồ sơ khác',
  printHeading: 'GIẤY BIÊN NHẬN HỒ SƠ NỘP TRỰC TUYẾN',
} satisfies Record<string, string>;

export type ReceiptWordKey = keyof typeof RECEIPT_WORDS_VI;
