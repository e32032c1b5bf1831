import { type Static, Type } from '@sinclair/typebox';
import { Id, NullableTimestamp, Reason, Timestamp } from '../shared/common-schemas.js';

export const AppealBody = Type.Object({ message: Reason }, { additionalProperties: false });
export const MessageBody = Type.Object({ body: Reason }, { additionalProperties: false });
export const AppealDecisionBody = Type.Object(
  {
    outcome: Type.Union([Type.Literal('upheld'), Type.Literal('overturned')], {
      description: '`upheld`: the decision stands; `overturned`: the post is published again.',
    }),
    reason: Reason,
  },
  { additionalProperties: false },
);
export type AppealDecisionBody = Static<typeof AppealDecisionBody>;
export const AppealParams = Type.Object({ appealId: Id });

export const AppealMessage = Type.Object({
  id: Id,
  authorPersonId: Id,
  role: Type.Union([Type.Literal('author'), Type.Literal('moderator')]),
  body: Type.String(),
  createdAt: Timestamp,
});
export const Appeal = Type.Object({
  id: Id,
  postId: Id,
  personId: Id,
  status: Type.Union([Type.Literal('open'), Type.Literal('upheld'), Type.Literal('overturned')]),
  decisionReason: Type.Union([Type.String(), Type.Null()]),
  decidedAt: NullableTimestamp,
  createdAt: Timestamp,
  messages: Type.Array(AppealMessage),
});
export type Appeal = Static<typeof Appeal>;
