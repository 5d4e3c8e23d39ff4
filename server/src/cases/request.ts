import { Type, type Static } from '@sinclair/typebox';
import { ACTION_KINDS, type ActionKind } from '@motcua/core';
import { AgencyCode, Uuid } from '../http/schemas.ts';

/** The action kinds staff send here (submission has its own path: intake). */
export const STAFF_ACTION_KINDS = ACTION_KINDS.filter((k) => k !== 'submit') as Exclude<ActionKind, 'submit'>[];

/**
 * One action on a dossier. `params` are checked by core against the kind's own schema (core's
 * ACTION_PARAMS: errors point into /params); instants inside them are epoch milliseconds.
 */
export const ActionRequestSchema = Type.Object(
  {
    kind: Type.Union(
      STAFF_ACTION_KINDS.map((k) => Type.Literal(k)),
      { description: 'The action (core\u2019s action kinds; see GET …/actions for what you may do now)' },
    ),
    params: Type.Optional(
      Type.Object(
        {},
        { additionalProperties: true, description: 'The kind\u2019s parameters (core\u2019s ACTION_PARAMS)' },
      ),
    ),
    comment: Type.Optional(Type.String({ maxLength: 4000 })),
    attachments: Type.Optional(
      Type.Array(Uuid, {
        maxItems: 200,
        uniqueItems: true,
        description: 'Files already linked to this dossier that the action refers to',
      }),
    ),
    lockVersion: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'The version of the dossier you acted upon (from its view); another change meanwhile gives 409',
      }),
    ),
    asAgency: Type.Optional(AgencyCode),
  },
  { additionalProperties: false },
);
export type ActionRequest = Static<typeof ActionRequestSchema>;
