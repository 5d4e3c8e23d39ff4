import type { Message } from '@motcua/core';

/** The words of the satisfaction rating (<motcua-rating>): a part of the one string table, loaded with it. */
export const RATING_STRINGS = {
  ratingTitle: { vi: 'Đánh giá mức độ hài lòng', en: 'Rate the service' },
  ratingIntro: {
    vi: 'Ý kiến của bạn giúp cơ quan cải thiện việc giải quyết thủ tục. Mỗi hồ sơ được đánh giá một lần.',
    en: 'Your opinion helps the agency improve. Each dossier can be rated once.',
  },
  ratingScore2: { vi: 'Tốt', en: 'Good' },
  ratingScore1: { vi: 'Bình thường', en: 'Acceptable' },
  ratingScore0: { vi: 'Chưa tốt', en: 'Poor' },
  ratingConvenience: { vi: 'Mức độ thuận tiện', en: 'Convenience' },
  ratingOverall: { vi: 'Mức độ hài lòng chung', en: 'Overall satisfaction' },
  ratingComment: { vi: 'Ý kiến khác (không bắt buộc)', en: 'Other comments (optional)' },
  ratingSend: { vi: 'Gửi đánh giá', en: 'Send the rating' },
  ratingMissing: { vi: 'Chưa chọn mức đánh giá', en: 'No answer chosen' },
  ratingIncomplete: {
    vi: 'Còn {count} mục chưa chọn mức đánh giá.',
    en: '{count} questions are not answered yet.',
  },
  ratingThanks: { vi: 'Cảm ơn bạn đã đánh giá.', en: 'Thank you for your rating.' },
  ratingGiven: { vi: 'Bạn đã đánh giá hồ sơ này lúc {at}.', en: 'You rated this dossier at {at}.' },
} satisfies Record<string, Message>;
