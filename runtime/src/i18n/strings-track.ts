import type { Message } from '@motcua/core';

/** The words of <motcua-track>'s views: a part of the one string table (strings.ts), loaded with them. */
export const TRACK_STRINGS = {
  trackNotFound: {
    vi: 'Không tìm thấy hồ sơ. Kiểm tra lại mã hồ sơ và mã tra cứu.',
    en: 'No dossier found. Check the dossier code and the tracking secret.',
  },
  trackMissing: { vi: 'Nhập mã hồ sơ và mã tra cứu.', en: 'Enter the dossier code and the tracking secret.' },
  documentMissing: { vi: 'Thiếu giấy tờ "{title}"', en: 'Missing document "{title}"' },
  trackTitle: { vi: 'Tra cứu hồ sơ', en: 'Look up a dossier' },
  trackCode: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  trackSecret: { vi: 'Mã tra cứu', en: 'Tracking secret' },
  trackSubmit: { vi: 'Tra cứu', en: 'Look up' },
  trackStatus: { vi: 'Trạng thái', en: 'Status' },
  trackMeaningInProgress: { vi: 'Đang giải quyết', en: 'In progress' },
  trackMeaningNeedsYou: { vi: 'Cần bạn thực hiện', en: 'Needs you' },
  trackMeaningDone: { vi: 'Đã xong', en: 'Done' },
  trackMeaningClosed: { vi: 'Đã kết thúc', en: 'Closed' },
  trackSince: { vi: 'từ {at}', en: 'since {at}' },
  trackSubmittedAt: { vi: 'Ngày nộp', en: 'Submitted' },
  trackAcceptedAt: { vi: 'Ngày tiếp nhận', en: 'Accepted' },
  trackDueAt: { vi: 'Hạn trả kết quả', en: 'Due' },
  trackTimeline: { vi: 'Quá trình xử lý', en: 'History' },
  trackSupplementTitle: { vi: 'Yêu cầu bổ sung giấy tờ', en: 'Documents requested' },
  trackSupplementDue: { vi: 'Hạn bổ sung: {at}', en: 'Provide by: {at}' },
  trackSupplementComment: { vi: 'Ghi chú gửi cơ quan (không bắt buộc)', en: 'Note to the agency (optional)' },
  trackSupplementSend: { vi: 'Gửi giấy tờ bổ sung', en: 'Send the documents' },
  trackSupplementSent: { vi: 'Đã gửi giấy tờ bổ sung.', en: 'The documents were sent.' },
  trackWithdraw: { vi: 'Yêu cầu rút hồ sơ', en: 'Ask to withdraw the dossier' },
  trackWithdrawReason: { vi: 'Lý do rút hồ sơ', en: 'Why do you withdraw it?' },
  trackWithdrawConfirm: { vi: 'Xác nhận rút hồ sơ', en: 'Confirm the withdrawal' },
  trackWithdrawCancel: { vi: 'Không rút nữa', en: 'Keep the dossier' },
  trackWithdrawReasonMissing: { vi: 'Hãy ghi lý do rút hồ sơ.', en: 'Please give a reason.' },
  trackWithdrawRequested: {
    vi: 'Đã gửi yêu cầu rút hồ sơ; cơ quan sẽ xem xét.',
    en: 'Your withdrawal request was sent; the agency will review it.',
  },
  trackWithdrawWarning: {
    vi: 'Rút hồ sơ sẽ dừng việc giải quyết. Hành động này cần cơ quan xác nhận.',
    en: 'Withdrawing stops the processing. The agency confirms the request.',
  },
} satisfies Record<string, Message>;
