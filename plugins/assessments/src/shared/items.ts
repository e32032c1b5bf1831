import { type Static, Type } from '@sinclair/typebox';
import { Tag } from './common-schemas.js';

// The item format: what authors write, what a bank exports and imports, and (without `key`) what a
// learner sees. Every kind keeps its answer key under `key`, so the learner's view is the item
// with `key` removed and nothing else to forget. Documented in docs/plugins/assessments.md.

/** An option's id is the author's short label (`a`, `b`, `paris`), unique within the item. */
export const OptionId = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' });
export const ItemOption = Type.Object(
  { id: OptionId, text: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);
const Options = Type.Array(ItemOption, { minItems: 2, maxItems: 20 });

export const Scoring = Type.Union([Type.Literal('allOrNothing'), Type.Literal('partial')], {
  description:
    '`allOrNothing`: full points only for the exact answer. `partial`: multiple choice earns ' +
    '(right picks − wrong picks) / correct options, at least 0; ordering earns the share of positions in place.',
});
export type Scoring = Static<typeof Scoring>;

const common = {
  prompt: Type.String({ minLength: 1, maxLength: 5000 }),
  skills: Type.Optional(Type.Array(Tag, { maxItems: 20, uniqueItems: true, description: 'Default: none.' })),
  level: Type.Optional(Tag),
  points: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Default: 1.' })),
};

export const SingleChoiceItem = Type.Object(
  {
    kind: Type.Literal('singleChoice'),
    ...common,
    options: Options,
    key: Type.Object({ correctOptionId: OptionId }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export const MultipleChoiceItem = Type.Object(
  {
    kind: Type.Literal('multipleChoice'),
    ...common,
    options: Options,
    scoring: Type.Optional(Scoring),
    key: Type.Object(
      { correctOptionIds: Type.Array(OptionId, { minItems: 1, maxItems: 20, uniqueItems: true }) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const NumericItem = Type.Object(
  {
    kind: Type.Literal('numeric'),
    ...common,
    key: Type.Object(
      {
        value: Type.Number({ minimum: -1e12, maximum: 1e12 }),
        tolerance: Type.Optional(
          Type.Number({ minimum: 0, maximum: 1e12, description: 'Absolute and inclusive; default 0.' }),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const ShortAnswerItem = Type.Object(
  {
    kind: Type.Literal('shortAnswer'),
    ...common,
    key: Type.Object(
      {
        acceptedAnswers: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
          minItems: 1,
          maxItems: 50,
          description: 'Compared after normalising (Unicode NFKC, trimmed, inner spaces collapsed, lower case).',
        }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const OrderingItem = Type.Object(
  {
    kind: Type.Literal('ordering'),
    ...common,
    options: Options,
    scoring: Type.Optional(Scoring),
    key: Type.Object(
      {
        correctOrder: Type.Array(OptionId, {
          minItems: 2,
          maxItems: 20,
          uniqueItems: true,
          description: 'Every option id once, in the right order.',
        }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** An item as an author writes it (and as an export holds it). */
export const ItemInput = Type.Union([SingleChoiceItem, MultipleChoiceItem, NumericItem, ShortAnswerItem, OrderingItem]);
export type ItemInput = Static<typeof ItemInput>;
export type ItemKind = ItemInput['kind'];

/** What a learner may see of an item: the prompt and options, never the key. */
export const ItemPrompt = Type.Object({
  kind: Type.Union([
    Type.Literal('singleChoice'),
    Type.Literal('multipleChoice'),
    Type.Literal('numeric'),
    Type.Literal('shortAnswer'),
    Type.Literal('ordering'),
  ]),
  prompt: Type.String(),
  points: Type.Integer(),
  options: Type.Union([Type.Array(Type.Object({ id: Type.String(), text: Type.String() })), Type.Null()], {
    description: 'Choice and ordering items; for ordering, in a shuffled order (never the key).',
  }),
});
export type ItemPrompt = Static<typeof ItemPrompt>;

/** A learner's response to one item; its shape follows the item's kind. */
export const Response = Type.Union([
  Type.Object(
    { optionIds: Type.Array(OptionId, { maxItems: 20, uniqueItems: true, description: 'Choice items.' }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { number: Type.Number({ minimum: -1e12, maximum: 1e12, description: 'Numeric items.' }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { text: Type.String({ maxLength: 1000, description: 'Short answer items.' }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { order: Type.Array(OptionId, { maxItems: 20, uniqueItems: true, description: 'Ordering items.' }) },
    { additionalProperties: false },
  ),
]);
export type Response = Static<typeof Response>;

/** An item's answer key (its `key`), shown only after scoring and only to those allowed to see it. */
export const ItemKey = Type.Union([
  SingleChoiceItem.properties.key,
  MultipleChoiceItem.properties.key,
  NumericItem.properties.key,
  ShortAnswerItem.properties.key,
  OrderingItem.properties.key,
]);
export type ItemKey = Static<typeof ItemKey>;
