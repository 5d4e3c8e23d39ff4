import type { Message } from '@motcua/core';

/**
 * The words of the payment instructions (how much, for what, how and where to pay): a part of the
 * one string table (strings.ts), loaded with their chunk (pay-info.ts), both languages.
 */
export const PAY_INFO_STRINGS = {
  payInfoTitle: { vi: 'Số tiền phải nộp', en: 'Amount to pay' },
  payInfoItems: { vi: 'Các khoản phải nộp', en: 'What you pay for' },
  payInfoTotal: { vi: 'Tổng cộng', en: 'Total' },
  payInfoBefore: {
    vi: 'Nộp trước: hồ sơ được tiếp nhận sau khi đã nộp đủ.',
    en: 'Pay first: the dossier is accepted once paid in full.',
  },
  payInfoAfter: { vi: 'Nộp khi nhận kết quả.', en: 'Pay when you collect the result.' },
  payInfoTransfer: { vi: 'Chuyển khoản', en: 'Bank transfer' },
  payInfoBank: { vi: 'Ngân hàng', en: 'Bank' },
  payInfoAccount: { vi: 'Số tài khoản', en: 'Account number' },
  payInfoPayee: { vi: 'Đơn vị thụ hưởng', en: 'Payee' },
  payInfoContent: { vi: 'Nội dung chuyển khoản', en: 'Transfer reference' },
  payInfoContentNote: {
    vi: 'Ghi đúng nội dung này (có mã hồ sơ) để cơ quan đối chiếu khoản nộp.',
    en: 'Write this reference exactly (it holds the dossier code) so that the agency can match the payment.',
  },
  payInfoCopy: { vi: 'Sao chép', en: 'Copy' },
  payInfoCopyAccount: { vi: 'Sao chép số tài khoản', en: 'Copy the account number' },
  payInfoCopyContent: { vi: 'Sao chép nội dung chuyển khoản', en: 'Copy the transfer reference' },
  payInfoCopied: { vi: 'Đã sao chép', en: 'Copied' },
  payInfoCopyFailed: {
    vi: 'Không sao chép được; hãy chép tay.',
    en: 'Could not copy; please write it down.',
  },
  payInfoCounter: { vi: 'Nộp tại quầy', en: 'At the counter' },
  payInfoAskAgency: {
    vi: 'Liên hệ {agency} để biết cách nộp.',
    en: 'Ask {agency} how to pay.',
  },
} satisfies Record<string, Message>;
