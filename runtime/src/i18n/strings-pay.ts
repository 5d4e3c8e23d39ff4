import type { Message } from '@motcua/core';

/** The words of paying online: a part of the one string table (strings.ts), loaded with them. */
export const PAY_STRINGS = {
  payTitle: { vi: 'Thanh toán trực tuyến', en: 'Pay online' },
  payIntro: {
    vi: 'Hồ sơ chờ bạn nộp {amount} trước khi được tiếp nhận. Chọn nơi thanh toán:',
    en: 'The dossier waits for your payment of {amount} before it is accepted. Choose where to pay:',
  },
  payProvider_vnpay: { vi: 'VNPay (thẻ ngân hàng, ví, QR)', en: 'VNPay (bank card, wallet, QR)' },
  payProvider_paygov: {
    vi: 'Cổng thanh toán quốc gia (PayGov)',
    en: 'National payment platform (PayGov)',
  },
  payButton: { vi: 'Thanh toán {amount}', en: 'Pay {amount}' },
  payGoing: { vi: 'Đang chuyển tới trang thanh toán…', en: 'Going to the payment page…' },
  payPaid: { vi: 'Đã thanh toán {amount}', en: 'Paid {amount}' },
  payPaidAt: { vi: 'lúc {at}', en: 'at {at}' },
  payStatusNow: { vi: 'Trạng thái hồ sơ: {status}', en: 'Dossier status: {status}' },
  payNotDone: {
    vi: 'Thanh toán chưa thành công (đã hủy hoặc bị từ chối). Bạn có thể thử lại.',
    en: 'The payment did not go through (cancelled or declined). You can try again.',
  },
  payWaiting: {
    vi: 'Đang chờ cổng thanh toán xác nhận. Kiểm tra lại sau ít phút.',
    en: 'Waiting for the payment provider to confirm. Check again in a few minutes.',
  },
  payCheckAgain: { vi: 'Kiểm tra lại', en: 'Check again' },
} satisfies Record<string, Message>;

export type PayStringKey = keyof typeof PAY_STRINGS;
