import type { Message } from '../i18n/text.ts';

/**
 * The kinds of case-handling actions. Each action, once executed, is recorded as an event of the
 * same kind. `public` actions appear on the applicant's tracking timeline.
 */
export const ACTIONS = {
  submit: { vi: 'Nộp hồ sơ', en: 'Submit', public: true },
  accept: { vi: 'Tiếp nhận hồ sơ', en: 'Accept', public: true },
  refuse: { vi: 'Từ chối tiếp nhận', en: 'Refuse', public: true },
  request_supplement: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Request a supplement', public: true },
  supplement_provided: { vi: 'Công dân bổ sung hồ sơ', en: 'Supplement provided', public: true },
  accept_supplement: { vi: 'Tiếp nhận hồ sơ bổ sung', en: 'Accept the supplement', public: true },
  request_payment: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Request payment', public: true },
  payment_recorded: { vi: 'Ghi nhận thanh toán', en: 'Payment recorded', public: true },
  claim: { vi: 'Nhận xử lý', en: 'Claim', public: false },
  assign: { vi: 'Phân công xử lý', en: 'Assign', public: false },
  forward: { vi: 'Chuyển bước xử lý', en: 'Forward', public: true },
  send_external: { vi: 'Gửi hệ thống khác', en: 'Send to an external system', public: true },
  receive_external: { vi: 'Nhận kết quả từ hệ thống khác', en: 'Receive from an external system', public: true },
  approve: { vi: 'Phê duyệt', en: 'Approve', public: true },
  deny: { vi: 'Từ chối giải quyết', en: 'Deny', public: true },
  return_result: { vi: 'Trả kết quả', en: 'Return the result', public: true },
  stop: { vi: 'Dừng xử lý', en: 'Stop processing', public: true },
  request_withdrawal: { vi: 'Công dân đề nghị rút hồ sơ', en: 'Withdrawal requested', public: true },
  withdraw: { vi: 'Rút hồ sơ', en: 'Withdraw', public: true },
  extend: { vi: 'Xin lỗi và hẹn lại ngày trả kết quả', en: 'Extend with an apology', public: true },
} as const satisfies Record<string, Message & { public: boolean }>;

export type ActionKind = keyof typeof ACTIONS;
export const ACTION_KINDS = Object.keys(ACTIONS) as ActionKind[];

export function isActionKind(s: unknown): s is ActionKind {
  return typeof s === 'string' && s in ACTIONS;
}
