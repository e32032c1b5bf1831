import { Type } from '@sinclair/typebox';

const text = (description: string) => Type.Optional(Type.String({ maxLength: 4000, description }));

/** PUT statements: the id the statement is stored under. */
export const PutStatementQuery = Type.Object(
  { statementId: text('The id of the statement (a UUID), required') },
  { additionalProperties: true, description: 'Other parameters are refused with 400 by the LRS itself.' },
);

/** GET statements (1.0.3 2.1.3; 9274.1.1 4.1.6.2). Parameters are checked by the LRS, with xAPI statuses. */
export const GetStatementsQuery = Type.Object(
  {
    statementId: text('One statement by id (with format and attachments only)'),
    voidedStatementId: text('One voided statement by id (with format and attachments only)'),
    agent: text('An Agent or identified Group as JSON: statements whose actor or object it is'),
    verb: text('A verb IRI'),
    activity: text('An activity IRI: statements whose object it is'),
    registration: text('A registration UUID'),
    related_activities: text('true: also match context activities and sub-statements'),
    related_agents: text('true: also match authority, instructor, team, context agents and sub-statements'),
    since: text('Stored after this time (exclusive)'),
    until: text('Stored at or before this time'),
    limit: text('At most this many statements (0: the server’s maximum)'),
    format: text('ids, exact (default) or canonical (language maps by Accept-Language)'),
    attachments: text('true or false'),
    ascending: text('true: oldest first'),
    more: text('The `more` link of a previous page (used alone)'),
  },
  { additionalProperties: true, description: 'Unknown parameters are refused with 400 by the LRS itself.' },
);

/** A statement (or sub-statement), as stored: the xAPI grammar is checked by the LRS (grammar.ts). */
export const Statement = Type.Record(Type.String(), Type.Unknown(), {
  description: 'An xAPI statement (1.0.3 part two 2.4; 9274.1.1 4.2)',
});

export const StatementIds = Type.Array(Type.String({ format: 'uuid' }), {
  description: 'The ids of the stored statements, in the order sent',
});

export const StatementsResult = Type.Object({
  statements: Type.Array(Statement),
  more: Type.String({ description: 'A relative IRL for the next page, or "" when there is none' }),
});

export const StatementOrResult = Type.Union([StatementsResult, Statement]);

/** `GET /me/statements`: platform-style paging (not the xAPI `more` link). */
export const MyStatementsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Page size.' })),
    cursor: Type.Optional(
      Type.String({ maxLength: 512, pattern: '^[A-Za-z0-9_-]+$', description: 'From the previous page.' }),
    ),
  },
  { additionalProperties: false },
);
export const MyStatement = Type.Object({
  id: Type.String({ format: 'uuid' }),
  stored: Type.String({ format: 'date-time' }),
  statement: Type.Object({}, { additionalProperties: true, description: 'The statement as stored (exact format).' }),
});
export const MyStatementPage = Type.Object({
  items: Type.Array(MyStatement),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
