import { formatInstant, validateRating, type DossierState } from '@motcua/core';
import { contract } from '@motcua/api';
import { implement, type Implementation } from '../http/implement.ts';
import { errors } from '../http/errors.ts';
import { satisfactionRatings } from '../db/schema/index.ts';
import { dossierForApplicant } from './routes.ts';
import { canBeRated } from './ratings.ts';

export function satisfactionRoutes(): Implementation[] {
  return [
    implement(contract.publicRateDossier, async (c, { params, body }) => {
      const ctx = c.get('ctx');
      const row = await dossierForApplicant(c, params.dossierCode);
      // The contract checked the shape; core's rules are the ones that count.
      const issues = validateRating(body).map((i) => ({ ...i, pointer: `/body${i.pointer}` }));
      if (issues.length) throw errors.invalid(issues);
      if (!canBeRated(row))
        throw errors.conflict('not_returned', {
          vi: 'Chỉ đánh giá được sau khi đã nhận kết quả',
          en: 'The service can be rated once the result is returned',
        });
      const state = row.state as DossierState;
      const now = ctx.clock.now();
      const comment = body.comment?.trim() || null;
      const inserted = await ctx.db
        .insert(satisfactionRatings)
        .values({
          dossierId: row.id,
          agencyCode: state.responsibleAgency ?? row.receivingAgency,
          fieldCode: row.fieldCode,
          procedureCode: row.procedureCode,
          scores: body.scores,
          convenience: body.convenience,
          overall: body.overall,
          comment,
          ratedAt: new Date(now),
        })
        .onConflictDoNothing()
        .returning({ id: satisfactionRatings.dossierId });
      if (!inserted.length)
        throw errors.conflict('already_rated', {
          vi: 'Hồ sơ này đã được đánh giá',
          en: 'This dossier has already been rated',
        });
      const snap = await ctx.agencies.get();
      const tz = snap.records.get(row.receivingAgency)?.timeZone ?? ctx.config.timeZone;
      c.header('Cache-Control', 'no-store');
      return c.json({ ratedAt: formatInstant(now, tz) }, 201);
    }),
  ];
}
