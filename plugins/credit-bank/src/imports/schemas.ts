import { Page } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { LearningElements } from '../shared/records/schemas.js';

const Id = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });

/** One row of a bulk import (JSON, or a CSV line with these column names). */
export const ImportRow = Type.Object(
  {
    externalId: Type.String({
      minLength: 1,
      maxLength: 200,
      description: "The institution's id for this row: re-importing it is a duplicate, never a second record.",
    }),
    learnerNumber: Type.String({ minLength: 1, maxLength: 32 }),
    equivalenceKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Default: the title.' })),
    ...LearningElements,
  },
  { additionalProperties: false },
);
export type ImportRow = Static<typeof ImportRow>;

/** The JSON body of `POST /imports` (sent as an application/json upload of up to 20 MB). */
export const ImportRequest = Type.Object(
  { rows: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 10_000 }) },
  { additionalProperties: false },
);

/** The JSON document of `POST /imports` as OpenAPI shows it: each row is checked on its own. */
export const ImportDocument = Type.Object(
  {
    rows: Type.Array(ImportRow, {
      minItems: 1,
      maxItems: 10_000,
      description: 'Each row is validated on its own: a bad row is reported in the import, the others go on.',
    }),
  },
  { additionalProperties: false },
);

/** The CSV form of `POST /imports`, as OpenAPI shows it. */
export const ImportCsv = Type.String({
  description:
    'A header row naming ImportRow fields, then one row per record; `assessmentType`, `assessmentScore` and ' +
    '`learningOutcomes` hold several values separated by `|`.',
});

export const ImportQuery = Type.Object(
  {
    institutionId: Type.Optional(
      Type.String({
        format: 'uuid',
        description:
          "The importing institution: required unless the caller is an institution's own API key (its default; else 400, rule `institutionOfCaller`).",
      }),
    ),
  },
  { additionalProperties: false },
);

export const ImportJob = Type.Object({
  id: Id,
  institutionId: Id,
  regionId: Type.String(),
  format: Type.Union([Type.Literal('json'), Type.Literal('csv')]),
  status: Type.Union([Type.Literal('processing'), Type.Literal('completed')]),
  total: Type.Integer(),
  processed: Type.Integer(),
  created: Type.Integer(),
  duplicates: Type.Integer(),
  failed: Type.Integer(),
  createdAt: Timestamp,
  completedAt: Type.Union([Timestamp, Type.Null()]),
});
export type ImportJob = Static<typeof ImportJob>;

export const ImportRowResult = Type.Object({
  index: Type.Integer({ description: 'Position of the row in the submission (0-based).' }),
  externalId: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([
    Type.Literal('pending'),
    Type.Literal('created'),
    Type.Literal('duplicate'),
    Type.Literal('error'),
  ]),
  recordId: Type.Union([Id, Type.Null()]),
  errors: Type.Array(Type.Object({ path: Type.String(), rule: Type.String(), message: Type.String() })),
});
export const ImportRowPage = Page(ImportRowResult);
export const ImportParams = Type.Object({ importId: Id });
export const ImportRowsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 512, pattern: '^[A-Za-z0-9_-]+$' })),
    status: Type.Optional(
      Type.Union([Type.Literal('pending'), Type.Literal('created'), Type.Literal('duplicate'), Type.Literal('error')]),
    ),
  },
  { additionalProperties: false },
);
