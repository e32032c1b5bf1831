import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { Id, Tag, Timestamp, Title } from '../shared/common-schemas.js';

export const FixedSelection = Type.Object(
  {
    kind: Type.Literal('fixed'),
    itemIds: Type.Array(Id, { minItems: 1, maxItems: 500, uniqueItems: true, description: 'In the order shown.' }),
  },
  { additionalProperties: false },
);

export const RandomSelection = Type.Object(
  {
    kind: Type.Literal('random'),
    count: Type.Integer({ minimum: 1, maximum: 500 }),
    seed: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'The same seed over the same candidates draws the same items (docs: "Random forms").',
    }),
    skills: Type.Optional(
      Type.Array(Tag, { maxItems: 20, uniqueItems: true, description: 'Candidates have one of these skills.' }),
    ),
    levels: Type.Optional(
      Type.Array(Tag, { maxItems: 20, uniqueItems: true, description: 'Candidates are at one of these levels.' }),
    ),
  },
  { additionalProperties: false },
);

export const Selection = Type.Union([FixedSelection, RandomSelection]);

export const CreateFormBody = Type.Object(
  {
    title: Title,
    selection: Selection,
    timeLimitSeconds: Type.Integer({
      minimum: 60,
      maximum: 86_400,
      description: "At most the region's `maxTimeLimitMinutes`.",
    }),
    passPercent: Type.Integer({ minimum: 0, maximum: 100 }),
    maxAttempts: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 100, description: 'Attempts per person; absent: unlimited.' }),
    ),
    cooldownSeconds: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 31_536_000,
        description: "Wait after an attempt's end before the next; default 0.",
      }),
    ),
    revealAnswers: Type.Optional(
      Type.Boolean({ description: 'Show the correct answers to the learner after submission; default false.' }),
    ),
    status: Type.Optional(
      Type.Union([Type.Literal('draft'), Type.Literal('open')], { description: 'Default `draft`.' }),
    ),
  },
  { additionalProperties: false },
);
export type CreateFormBody = Static<typeof CreateFormBody>;

export const FormStatus = Type.Union([Type.Literal('draft'), Type.Literal('open'), Type.Literal('closed')]);

export const SetFormStatusBody = Type.Object(
  { status: Type.Union([Type.Literal('open'), Type.Literal('closed')]) },
  { additionalProperties: false },
);

export const Form = Type.Object({
  id: Id,
  regionId: Type.String(),
  title: Type.String(),
  status: FormStatus,
  itemCount: Type.Integer(),
  timeLimitSeconds: Type.Integer(),
  passPercent: Type.Integer(),
  maxAttempts: Type.Union([Type.Integer(), Type.Null()]),
  cooldownSeconds: Type.Integer(),
  revealAnswers: Type.Boolean(),
  createdAt: Timestamp,
  authoring: Type.Union([Type.Object({ bankId: Id, selection: Selection, itemIds: Type.Array(Id) }), Type.Null()], {
    description: "The bank and chosen items: for the form's authors only (null for everyone else).",
  }),
});
export type Form = Static<typeof Form>;
export const FormPage = Page(Form);
export const FormListQuery = PageQuery;
export { FormParams } from '../shared/form-params.js';
