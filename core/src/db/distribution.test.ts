import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../identity/schema.js';
import { definePlugin } from '../plugins/define-plugin.js';
import { createTestDatabase } from '../testing/test-database.js';
import { CORE_DISTRIBUTION, CORE_SCHEMAS } from './core-distribution.js';
import { coreMigrations } from './core-migrations.js';
import type { DatabaseHandle } from './database.js';
import { resolveDistribution, type TableDistribution } from './distribution.js';
import { type DistributionViolation, distributionViolations } from './distribution-check.js';
import { migrate } from './migrator.js';

/**
 * The core's tables that do not meet the rules yet, each with the change that will make it
 * (docs/scale.md, "What must change"). The check must give exactly this list: a new violation
 * fails the test, and so does a fixed one still listed here (remove it with the fix).
 */
const KNOWN_CORE_VIOLATIONS: (DistributionViolation & { plan: string })[] = [
  {
    table: 'core.event_deliveries',
    rule: 'foreign-key-crosses-shards',
    detail:
      'event_deliveries_event_id_events_id_fk (event_id) → core.events (id): distributed by key (event-key) → distributed by key (event-key)',
    plan: 'the key becomes (key, event_id) → events (key, id)',
  },
  {
    table: 'core.event_deliveries',
    rule: 'unique-without-distribution-column',
    detail: 'primary key event_deliveries_pkey (id) lacks key',
    plan: 'primary key (key, id)',
  },
  {
    table: 'core.event_deliveries',
    rule: 'unique-without-distribution-column',
    detail: 'unique index event_deliveries_event_subscriber_idx (event_id, subscriber) lacks key',
    plan: 'unique (key, event_id, subscriber)',
  },
  {
    table: 'core.events',
    rule: 'unique-without-distribution-column',
    detail: 'primary key events_pkey (id) lacks key',
    plan: 'primary key (key, id)',
  },
  {
    table: 'core.group_invitations',
    rule: 'foreign-key-crosses-shards',
    detail:
      'group_invitations_invited_by_people_id_fk (invited_by) → core.people (id): distributed by group_id (group) → distributed by id (person)',
    plan: 'drop the foreign key: the service checks the inviter (people are never deleted)',
  },
  {
    table: 'core.group_invitations',
    rule: 'foreign-key-crosses-shards',
    detail:
      'group_invitations_invitee_id_people_id_fk (invitee_id) → core.people (id): distributed by group_id (group) → distributed by id (person)',
    plan: 'drop the foreign key; "my invitations" reads a person-keyed mirror',
  },
  {
    table: 'core.group_invitations',
    rule: 'unique-without-distribution-column',
    detail: 'primary key group_invitations_pkey (id) lacks group_id',
    plan: 'primary key (group_id, id)',
  },
  {
    table: 'core.group_members',
    rule: 'foreign-key-crosses-shards',
    detail:
      'group_members_person_id_people_id_fk (person_id) → core.people (id): distributed by group_id (group) → distributed by id (person)',
    plan: 'drop the foreign key; "my groups" reads a person-keyed mirror written in the same transaction',
  },
  {
    table: 'core.groups',
    rule: 'foreign-key-crosses-shards',
    detail:
      'groups_created_by_people_id_fk (created_by) → core.people (id): distributed by id (group) → distributed by id (person)',
    plan: 'drop the foreign key: the creator is a plain person id',
  },
  {
    table: 'core.guardianships',
    rule: 'foreign-key-crosses-shards',
    detail:
      'guardianships_guardian_id_people_id_fk (guardian_id) → core.people (id): distributed by minor_id (person) → distributed by id (person)',
    plan: 'drop the foreign key; "wards of a guardian" reads a guardian-keyed mirror',
  },
  {
    table: 'core.ledger_pending_transfers',
    rule: 'unique-without-distribution-column',
    detail: 'primary key ledger_pending_transfers_pkey (transfer_id) lacks debit_account_id',
    plan: 'primary key (debit_account_id, transfer_id)',
  },
  {
    table: 'core.ledger_transfers',
    rule: 'unique-without-distribution-column',
    detail: 'primary key ledger_transfers_pkey (id) lacks debit_account_id',
    plan: 'primary key (debit_account_id, id); global id uniqueness in ledger_transfer_ids, distributed by id',
  },
  {
    table: 'core.ledger_transfers',
    rule: 'unique-without-distribution-column',
    detail: 'unique index ledger_transfers_seq_unique (seq) lacks debit_account_id',
    plan: 'unique (debit_account_id, seq): sealing orders a shard by seq',
  },
  {
    table: 'core.people',
    rule: 'unique-without-distribution-column',
    detail: 'unique index people_learner_number_unique (learner_number) lacks id',
    plan: 'a lookup table distributed by learner_number holds the uniqueness',
  },
  {
    table: 'core.people',
    rule: 'unique-without-distribution-column',
    detail: 'unique index people_national_id_hmac_unique (national_id_hmac) lacks id',
    plan: 'a lookup table distributed by national_id_hmac holds one-person-one-number',
  },
  {
    table: 'core.retired_refresh_tokens',
    rule: 'distribution-column-missing',
    detail: 'person_id (colocation person)',
    plan: 'add person_id (backfilled from sessions)',
  },
  {
    table: 'core.retired_refresh_tokens',
    rule: 'foreign-key-crosses-shards',
    detail:
      'retired_refresh_tokens_session_id_sessions_id_fk (session_id) → core.sessions (id): distributed by person_id (person) → distributed by person_id (person)',
    plan: 'foreign key (person_id, session_id) → sessions (person_id, id)',
  },
  {
    table: 'core.retired_refresh_tokens',
    rule: 'unique-without-distribution-column',
    detail: 'primary key retired_refresh_tokens_pkey (refresh_hash) lacks person_id',
    plan: 'primary key (person_id, refresh_hash)',
  },
  {
    table: 'core.role_grants',
    rule: 'unique-without-distribution-column',
    detail: 'primary key role_grants_pkey (id) lacks person_id',
    plan: 'primary key (person_id, id)',
  },
  {
    table: 'core.sessions',
    rule: 'unique-without-distribution-column',
    detail: 'primary key sessions_pkey (id) lacks person_id',
    plan: 'primary key (person_id, id)',
  },
  {
    table: 'core.sessions',
    rule: 'unique-without-distribution-column',
    detail: 'unique index sessions_refresh_hash_unique (refresh_hash) lacks person_id',
    plan: 'tokens carry their person (routing prefix); unique (person_id, refresh_hash)',
  },
  {
    table: 'core.sessions',
    rule: 'unique-without-distribution-column',
    detail: 'unique index sessions_token_hash_unique (token_hash) lacks person_id',
    plan: 'tokens carry their person (routing prefix); unique (person_id, token_hash)',
  },
];

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.db, [coreMigrations()]);
});
afterAll(() => database.close());

describe('the core schema', () => {
  it('declares every table, and breaks the distribution rules only where docs/scale.md plans a change', async () => {
    const violations = await distributionViolations(database.db, {
      declarations: CORE_DISTRIBUTION,
      schemas: CORE_SCHEMAS,
    });
    expect(violations).toEqual(KNOWN_CORE_VIOLATIONS.map(({ plan: _plan, ...violation }) => violation));
  });

  it('lists each known violation once, with its plan', () => {
    const keys = KNOWN_CORE_VIOLATIONS.map((v) => `${v.table} ${v.rule} ${v.detail}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(KNOWN_CORE_VIOLATIONS.filter((v) => v.plan.trim() === '')).toEqual([]);
  });
});

describe('the check, on deliberately bad tables', () => {
  const schema = 'scratch_distribution';

  beforeAll(async () => {
    const statements = [
      `create schema ${schema}`,
      `create table ${schema}.regions (id text primary key)`,
      `create table ${schema}.learners (id uuid primary key, region_id text not null references ${schema}.regions (id))`,
      `create table ${schema}.good_records (
        person_id uuid not null references ${schema}.learners (id),
        id uuid not null,
        region_id text not null references ${schema}.regions (id),
        primary key (person_id, id),
        unique (id, person_id)
      )`,
      `create unique index good_records_partial_key on ${schema}.good_records (person_id) where region_id = ''`,
      `create table ${schema}.good_children (
        person_id uuid not null,
        record_id uuid not null,
        foreign key (record_id, person_id) references ${schema}.good_records (id, person_id)
      )`,
      `create table ${schema}.bad_records (
        id uuid primary key,
        person_id uuid not null,
        learner_id uuid references ${schema}.learners (id),
        code text unique
      )`,
      `create unique index bad_records_lower_code_key on ${schema}.bad_records (lower(code))`,
      `create unique index bad_records_covering_key on ${schema}.bad_records (code) include (person_id)`,
      `create table ${schema}.nullable_key (person_id uuid, other uuid)`,
      `create table ${schema}.text_keyed (person_id text not null primary key)`,
      `create table ${schema}.no_key_column (id uuid primary key)`,
      `create table ${schema}.catalogue (id uuid primary key, learner_id uuid references ${schema}.learners (id))`,
      `create table ${schema}.bookkeeping (id int primary key)`,
      `create table ${schema}.refers_local (id int primary key references ${schema}.bookkeeping (id))`,
      `create table ${schema}.refers_elsewhere (id uuid primary key references core.people (id))`,
      `create table ${schema}.nobody_declared_me (id int)`,
    ];
    for (const statement of statements) await database.db.execute(sql.raw(statement));
  });

  const table = (name: string) => `${schema}.${name}` as const;
  const distributedBy = (name: string, column: string, colocation: string): TableDistribution => ({
    table: table(name),
    kind: 'distributed',
    column,
    colocation,
  });
  const referenceTable = (name: string): TableDistribution => ({ table: table(name), kind: 'reference' });
  const coordinatorLocal = (name: string, reason: string): TableDistribution => ({
    table: table(name),
    kind: 'local',
    reason,
  });
  const declarations = [
    ...CORE_DISTRIBUTION,
    referenceTable('regions'),
    distributedBy('learners', 'id', 'person'),
    distributedBy('good_records', 'person_id', 'person'),
    distributedBy('good_children', 'person_id', 'person'),
    distributedBy('bad_records', 'person_id', 'person'),
    distributedBy('nullable_key', 'person_id', 'person'),
    distributedBy('text_keyed', 'person_id', 'person'),
    distributedBy('no_key_column', 'person_id', 'person'),
    referenceTable('catalogue'),
    coordinatorLocal('bookkeeping', 'test'),
    distributedBy('refers_local', 'id', 'scratch'),
    distributedBy('refers_elsewhere', 'id', 'scratch-other'),
    referenceTable('never_created'),
  ];

  it('reports each broken rule, and nothing for the well-formed tables', async () => {
    const violations = await distributionViolations(database.db, { declarations, schemas: [schema] });
    expect(violations).toEqual([
      {
        table: table('bad_records'),
        rule: 'foreign-key-crosses-shards',
        detail: `bad_records_learner_id_fkey (learner_id) → ${table('learners')} (id): distributed by person_id (person) → distributed by id (person)`,
      },
      {
        table: table('bad_records'),
        rule: 'unique-without-distribution-column',
        detail: 'primary key bad_records_pkey (id) lacks person_id',
      },
      {
        table: table('bad_records'),
        rule: 'unique-without-distribution-column',
        detail: 'unique index bad_records_code_key (code) lacks person_id',
      },
      {
        // An INCLUDE column is not part of the key: uniqueness is still on code alone.
        table: table('bad_records'),
        rule: 'unique-without-distribution-column',
        detail: 'unique index bad_records_covering_key (code) lacks person_id',
      },
      {
        table: table('bad_records'),
        rule: 'unique-without-distribution-column',
        detail: 'unique index bad_records_lower_code_key (<expression>) lacks person_id',
      },
      {
        table: table('catalogue'),
        rule: 'foreign-key-crosses-shards',
        detail: `catalogue_learner_id_fkey (learner_id) → ${table('learners')} (id): reference → distributed by id (person)`,
      },
      { table: table('never_created'), rule: 'declared-table-missing', detail: 'reference' },
      {
        table: table('no_key_column'),
        rule: 'distribution-column-missing',
        detail: 'person_id (colocation person)',
      },
      {
        table: table('no_key_column'),
        rule: 'unique-without-distribution-column',
        detail: 'primary key no_key_column_pkey (id) lacks person_id',
      },
      { table: table('nobody_declared_me'), rule: 'undeclared-table', detail: 'no distribution declaration' },
      { table: table('nullable_key'), rule: 'distribution-column-nullable', detail: 'person_id' },
      {
        table: table('refers_elsewhere'),
        rule: 'foreign-key-crosses-shards',
        detail:
          'refers_elsewhere_id_fkey (id) → core.people (id): distributed by id (scratch-other) → distributed by id (person)',
      },
      {
        table: table('refers_local'),
        rule: 'foreign-key-crosses-shards',
        detail: `refers_local_id_fkey (id) → ${table('bookkeeping')} (id): distributed by id (scratch) → coordinator-local`,
      },
      {
        table: table('text_keyed'),
        rule: 'colocation-type-mismatch',
        detail: 'person_id is text, core.people in person is uuid',
      },
    ]);
  });

  it('reports a table declared twice, and a foreign key to a table nothing declares', async () => {
    const violations = await distributionViolations(database.db, {
      declarations: [
        ...declarations.filter((d) => d.table !== table('regions')),
        distributedBy('learners', 'id', 'person'),
      ],
      schemas: [schema],
    });
    const rules = violations.filter((v) => v.table === table('learners')).map((v) => [v.rule, v.detail]);
    expect(rules).toEqual([
      ['declared-twice', 'distributed by id (person)'],
      ['foreign-key-to-undeclared-table', `learners_region_id_fkey (region_id) → ${table('regions')} (id)`],
    ]);
    expect(violations).toContainEqual({
      table: table('regions'),
      rule: 'undeclared-table',
      detail: 'no distribution declaration',
    });
  });
});

describe('declarations', () => {
  it('name drizzle tables or schema.table strings, and say what is wrong with a bad one', () => {
    expect(resolveDistribution({ table: people, kind: 'distributed', column: 'id', colocation: 'person' })).toEqual({
      kind: 'distributed',
      schema: 'core',
      table: 'people',
      column: 'id',
      colocation: 'person',
    });
    expect(resolveDistribution({ table: 'core.regions', kind: 'reference' })).toEqual({
      kind: 'reference',
      schema: 'core',
      table: 'regions',
    });
    expect(() => resolveDistribution({ table: 'regions' as `${string}.${string}`, kind: 'reference' })).toThrow(
      /not a schema\.table name/,
    );
    expect(() =>
      resolveDistribution({ table: 'a.b', kind: 'distributed', column: 'id', colocation: 'Person Group' }),
    ).toThrow(/a\.b: colocation "Person Group" must be lowercase words/);
    expect(() => resolveDistribution({ table: 'a.b', kind: 'distributed', column: '', colocation: 'person' })).toThrow(
      /needs its distribution column/,
    );
    expect(() => resolveDistribution({ table: 'a.b', kind: 'local', reason: ' ' })).toThrow(/say why/);
  });

  it('belong to the plugin that declares them', () => {
    const manifest = { id: 'book-swap', version: '1.0.0', register() {} };
    expect(() => definePlugin({ ...manifest, distribution: [{ table: 'core.regions', kind: 'reference' }] })).toThrow(
      /declares only tables of its schema "book_swap"/,
    );
    expect(() =>
      definePlugin({ ...manifest, distribution: [{ table: 'book_swap.books', kind: 'local', reason: '' }] }),
    ).toThrow(/book_swap\.books: say why/);
    const plugin = definePlugin({ ...manifest, distribution: [{ table: 'book_swap.books', kind: 'reference' }] });
    expect(plugin.distribution).toHaveLength(1);
  });
});
