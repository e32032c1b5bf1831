import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { Id, NullableTimestamp, Reason, Timestamp } from '../shared/common-schemas.js';
import { Post } from '../shared/post-schemas.js';
import { FLAG_REASONS } from '../shared/vocabulary.js';

export const FlagReason = Type.Union(
  FLAG_REASONS.map((r) => Type.Literal(r)),
  { description: 'Weighs in the review queue: illegal 10, abuse 6, spam 5, offTopic 2, other 1.' },
);
export const CreateFlagBody = Type.Object(
  { reason: FlagReason, note: Type.Optional(Type.String({ maxLength: 1000, description: 'Default: empty.' })) },
  { additionalProperties: false },
);
export type CreateFlagBody = Static<typeof CreateFlagBody>;

export const Flag = Type.Object({
  id: Id,
  postId: Id,
  reason: FlagReason,
  note: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('upheld'), Type.Literal('rejected')]),
  createdAt: Timestamp,
  postStatus: Type.String({ description: 'The post’s status after the flag (hidden once enough flags are open).' }),
});

export const QueueQuery = Type.Object({ ...PageQuery.properties }, { additionalProperties: false });
export type QueueQuery = Static<typeof QueueQuery>;

export const QueueItem = Type.Object({
  post: Post,
  score: Type.Number({ description: 'The review score (docs/plugins/community.md, "The review queue").' }),
  openFlags: Type.Array(Type.Object({ reason: FlagReason, flaggerAccuracy: Type.Number(), createdAt: Timestamp })),
  authorTrustLevel: Type.Integer(),
  spamSignals: Type.Array(Type.String()),
  waitingSince: Timestamp,
});
export const QueuePage = Page(QueueItem);

export const Decision = Type.Union([Type.Literal('approve'), Type.Literal('hide'), Type.Literal('remove')], {
  description:
    '`approve`: published, open flags rejected; `hide` / `remove`: readers no longer see it, open flags upheld.',
});
export const DecisionBody = Type.Object({ action: Decision, reason: Reason }, { additionalProperties: false });
export type DecisionBody = Static<typeof DecisionBody>;

export const WarningBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export const Warning = Type.Object({ personId: Id, warnings: Type.Integer(), reason: Type.String() });

export const SuspensionBody = Type.Object(
  { reason: Reason, days: Type.Integer({ minimum: 1, maximum: 365 }) },
  { additionalProperties: false },
);
export type SuspensionBody = Static<typeof SuspensionBody>;
export const Suspension = Type.Object({
  id: Id,
  personId: Id,
  days: Type.Integer(),
  reason: Type.String(),
  status: Type.Union([Type.Literal('proposed'), Type.Literal('active')]),
  proposedBy: Id,
  confirmedBy: Type.Union([Id, Type.Null()]),
  until: NullableTimestamp,
});
export const SuspensionParams = Type.Object({ suspensionId: Id });
export { PersonParams } from '../shared/common-schemas.js';

export const Action = Type.Object({
  id: Id,
  action: Type.String(),
  actorPersonId: Type.Union([Id, Type.Null()], { description: 'Null: the platform itself (hidden by flags).' }),
  postId: Type.Union([Id, Type.Null()]),
  subjectPersonId: Type.Union([Id, Type.Null()]),
  reason: Type.String(),
  createdAt: Timestamp,
});
export const ActionPage = Page(Action);
export const ActionQuery = Type.Object({ ...PageQuery.properties }, { additionalProperties: false });
