import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import { SATISFACTION_COMMENT_MAX, SATISFACTION_CRITERIA, SATISFACTION_LEVELS } from '@motcua/core';
import { DossierCode, Nullable } from './common.ts';
import { defineRoute } from './route.ts';

const Score = Type.Union([Type.Literal(0), Type.Literal(1), Type.Literal(2)], {
  description: '2 good, 1 acceptable, 0 poor',
});
const Level = Type.Union(
  SATISFACTION_LEVELS.map((l) => Type.Literal(l)),
  { description: 'Rất hài lòng / Hài lòng / Không hài lòng' },
) as TUnion<TLiteral<(typeof SATISFACTION_LEVELS)[number]>[]>;

/** One applicant's rating of a returned dossier: core's criteria and levels, and a comment. */
export const SatisfactionRatingBody = Type.Object(
  {
    scores: Type.Object(
      Object.fromEntries(SATISFACTION_CRITERIA.map((c) => [c, Score])) as Record<
        (typeof SATISFACTION_CRITERIA)[number],
        typeof Score
      >,
      { additionalProperties: false },
    ),
    convenience: Level,
    overall: Level,
    comment: Type.Optional(Nullable(Type.String({ maxLength: SATISFACTION_COMMENT_MAX }))),
  },
  { additionalProperties: false },
);
export type SatisfactionRatingBody = Static<typeof SatisfactionRatingBody>;

/** Whether the applicant may rate the dossier now, and whether they already did (in the tracking view). */
export const TrackingSatisfaction = Type.Object({
  canRate: Type.Boolean({ description: 'The result was returned and no rating was given yet' }),
  ratedAt: Nullable(Type.String()),
});

export const publicRateDossier = defineRoute({
  method: 'post',
  path: '/api/v1/public/dossiers/{dossierCode}/rating',
  operationId: 'publicRateDossier',
  summary: 'Đánh giá mức độ hài lòng / Rate the service',
  description:
    'After the result is returned (status 10), the applicant rates the service once: nine criteria scored 2 / 1 / 0, convenience and overall satisfaction, and a comment. Supervisors see the ratings only as aggregates, never per clerk.',
  tags: ['public'],
  auth: 'public',
  params: Type.Object({ dossierCode: DossierCode }),
  headers: Type.Object({
    'X-Tracking-Secret': Type.String({ description: 'The secret returned at submission; wrong or missing → 404' }),
  }),
  body: { json: SatisfactionRatingBody },
  responses: {
    201: { description: 'The rating is recorded', json: Type.Object({ ratedAt: Type.String() }) },
    409: { description: 'The result is not returned yet, or the dossier was already rated' },
    429: { description: 'Too many tracking requests from this address' },
  },
});
