import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { Id, NullableTimestamp, Percent, Timestamp } from '../shared/common-schemas.js';
import { ItemKey, ItemPrompt, Response } from '../shared/items.js';

export const AttemptStatus = Type.Union([Type.Literal('inProgress'), Type.Literal('scored')]);

export const AttemptResult = Type.Object({
  scorePercent: Percent,
  passed: Type.Boolean(),
  earnedPoints: Type.Number({ description: 'Partial credit in thousandths of a point, rounded down per item.' }),
  maxPoints: Type.Integer(),
});

export const AttemptItemView = Type.Object({
  position: Type.Integer({ minimum: 1 }),
  itemId: Id,
  prompt: ItemPrompt,
  response: Type.Union([Response, Type.Null()]),
  earnedPoints: Type.Union([Type.Number(), Type.Null()], { description: 'Once scored.' }),
  key: Type.Union([ItemKey, Type.Null()], {
    description:
      'The correct answer: null while in progress, and after scoring unless the form reveals answers ' +
      '(or the reader holds assessments.attempts.read).',
  }),
});

/** An attempt as its taker (or a reader with `assessments.attempts.read`) sees it. */
export const Attempt = Type.Object({
  id: Id,
  formId: Id,
  regionId: Type.String(),
  personId: Id,
  status: AttemptStatus,
  startedAt: Timestamp,
  expiresAt: Timestamp,
  submittedAt: NullableTimestamp,
  timedOut: Type.Boolean(),
  result: Type.Union([AttemptResult, Type.Null()]),
  items: Type.Array(AttemptItemView),
});
export type Attempt = Static<typeof Attempt>;

/** An attempt without its items: what lists show. */
export const AttemptSummary = Type.Object({
  id: Id,
  formId: Id,
  regionId: Type.String(),
  personId: Id,
  status: AttemptStatus,
  startedAt: Timestamp,
  expiresAt: Timestamp,
  submittedAt: NullableTimestamp,
  timedOut: Type.Boolean(),
  result: Type.Union([AttemptResult, Type.Null()]),
});
export type AttemptSummary = Static<typeof AttemptSummary>;
export const AttemptPage = Page(AttemptSummary);

export const MyAttemptsQuery = Type.Object(
  { ...PageQuery.properties, formId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type MyAttemptsQuery = Static<typeof MyAttemptsQuery>;
export const FormAttemptsQuery = PageQuery;

export const AttemptParams = Type.Object({ attemptId: Id });
export const ResponseParams = Type.Object({ attemptId: Id, position: Type.Integer({ minimum: 1, maximum: 500 }) });
export const SavedResponse = Type.Object({ position: Type.Integer(), response: Response, savedAt: Timestamp });
