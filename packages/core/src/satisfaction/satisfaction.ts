import type { Message } from '../i18n/text.ts';
import type { Issue } from '../model/issue.ts';

/**
 * Applicant satisfaction with one dossier, as deployed provincial systems collect it
 * (INTEGRATIONS.md, satisfaction): nine criteria scored 2 / 1 / 0, then convenience and overall as
 * "Rất hài lòng / Hài lòng / Không hài lòng", and a comment. One rating per dossier, given after
 * the result is returned. Supervisors see aggregates only, never a list per clerk.
 */
export const SATISFACTION_CRITERIA = [
  'totalTime',
  'agencyTime',
  'contacts',
  'agenciesContacted',
  'oneStop',
  'publicity',
  'attitude',
  'complaints',
  'onlineProgress',
] as const;
export type SatisfactionCriterion = (typeof SATISFACTION_CRITERIA)[number];

export const SATISFACTION_CRITERION_TITLES: Record<SatisfactionCriterion, Message> = {
  totalTime: {
    vi: 'Tổng thời gian giải quyết so với quy định',
    en: 'Total time compared with the legal limit',
  },
  agencyTime: { vi: 'Thời gian giải quyết tại từng cơ quan', en: 'Time taken by each agency' },
  contacts: { vi: 'Số lần phải liên hệ để hoàn thành', en: 'Number of contacts needed' },
  agenciesContacted: { vi: 'Số cơ quan phải liên hệ', en: 'Number of agencies contacted' },
  oneStop: { vi: 'Tiếp nhận, trả kết quả tại một đầu mối', en: 'Reception and return at one counter' },
  publicity: { vi: 'Công khai thủ tục, phí, lệ phí', en: 'Publicity of the procedure and fees' },
  attitude: { vi: 'Thái độ của cán bộ, công chức', en: 'Staff attitude' },
  complaints: { vi: 'Tiếp nhận, xử lý phản ánh, kiến nghị', en: 'Handling of complaints' },
  onlineProgress: { vi: 'Theo dõi tiến độ trực tuyến', en: 'Following progress online' },
};

/** A criterion's score: 2 good, 1 acceptable, 0 poor. */
export type CriterionScore = 0 | 1 | 2;

export const SATISFACTION_LEVELS = ['very-satisfied', 'satisfied', 'dissatisfied'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];
export const SATISFACTION_LEVEL_TITLES: Record<SatisfactionLevel, Message> = {
  'very-satisfied': { vi: 'Rất hài lòng', en: 'Very satisfied' },
  satisfied: { vi: 'Hài lòng', en: 'Satisfied' },
  dissatisfied: { vi: 'Không hài lòng', en: 'Dissatisfied' },
};

export interface SatisfactionRating {
  scores: Record<SatisfactionCriterion, CriterionScore>;
  convenience: SatisfactionLevel;
  overall: SatisfactionLevel;
  comment: string | null;
}

export const SATISFACTION_COMMENT_MAX = 2000;

/** Every problem with a submitted rating, each with its field path, in Vietnamese and English. */
export function validateRating(input: unknown): Issue[] {
  const issues: Issue[] = [];
  const add = (pointer: string, code: string, vi: string, en: string) =>
    issues.push({ pointer, code, message: { vi, en } });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    add('', 'type', 'Đánh giá phải là một đối tượng', 'The rating must be an object');
    return issues;
  }
  const r = input as Record<string, unknown>;
  const scores = r.scores as Record<string, unknown> | undefined;
  if (typeof scores !== 'object' || scores === null || Array.isArray(scores)) {
    add('/scores', 'required', 'Thiếu điểm các tiêu chí', 'The criteria scores are missing');
  } else {
    for (const c of SATISFACTION_CRITERIA) {
      if (scores[c] !== 0 && scores[c] !== 1 && scores[c] !== 2)
        add(`/scores/${c}`, 'score', 'Điểm phải là 0, 1 hoặc 2', 'The score must be 0, 1 or 2');
    }
    for (const k of Object.keys(scores)) {
      if (!(SATISFACTION_CRITERIA as readonly string[]).includes(k))
        add(`/scores/${k}`, 'unknown', 'Tiêu chí không tồn tại', 'Unknown criterion');
    }
  }
  for (const k of ['convenience', 'overall'] as const) {
    if (!(SATISFACTION_LEVELS as readonly unknown[]).includes(r[k]))
      add(
        `/${k}`,
        'level',
        'Phải là: rất hài lòng, hài lòng hoặc không hài lòng',
        'Must be very satisfied, satisfied or dissatisfied',
      );
  }
  if (r.comment !== undefined && r.comment !== null) {
    if (typeof r.comment !== 'string') add('/comment', 'type', 'Ý kiến phải là văn bản', 'The comment must be text');
    else if (r.comment.length > SATISFACTION_COMMENT_MAX)
      add(
        '/comment',
        'maxLength',
        `Ý kiến dài quá ${SATISFACTION_COMMENT_MAX} ký tự`,
        `The comment is longer than ${SATISFACTION_COMMENT_MAX} characters`,
      );
  }
  for (const k of Object.keys(r)) {
    if (!['scores', 'convenience', 'overall', 'comment'].includes(k))
      add(`/${k}`, 'unknown', 'Trường không được phép', 'Field not allowed');
  }
  return issues;
}

/** What supervisors see: counts and means over a set of ratings — no rating is ever tied to a clerk. */
export interface SatisfactionSummary {
  total: number;
  overall: Record<SatisfactionLevel, number>;
  /** Dissatisfied overall: the input of index 5.4 (service-index.ts, satisfactionIndex). */
  dissatisfied: number;
  /** Mean score of each criterion (0–2), null when there is no rating. */
  criteria: Record<SatisfactionCriterion, number | null>;
}

export function summariseRatings(ratings: Iterable<SatisfactionRating>): SatisfactionSummary {
  const overall: Record<SatisfactionLevel, number> = { 'very-satisfied': 0, satisfied: 0, dissatisfied: 0 };
  const sums = Object.fromEntries(SATISFACTION_CRITERIA.map((c) => [c, 0])) as Record<SatisfactionCriterion, number>;
  let total = 0;
  for (const r of ratings) {
    total++;
    overall[r.overall]++;
    for (const c of SATISFACTION_CRITERIA) sums[c] += r.scores[c];
  }
  const criteria = Object.fromEntries(
    SATISFACTION_CRITERIA.map((c) => [c, total === 0 ? null : Math.round((sums[c] / total) * 100) / 100]),
  ) as Record<SatisfactionCriterion, number | null>;
  return { total, overall, dissatisfied: overall.dissatisfied, criteria };
}
