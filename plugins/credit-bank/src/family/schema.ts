import type { TableDistribution } from '@lifelong/core';
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { creditBank } from '../schema.js';

/** A conversion of a family member's POINTs into another member's learning VOUCHERs. */
export const familyTransfers = creditBank.table(
  'family_transfers',
  {
    id: uuid('id').primaryKey(),
    groupId: uuid('group_id').notNull(),
    regionId: text('region_id').notNull(),
    fromPersonId: uuid('from_person_id').notNull(),
    fromLearnerNumber: text('from_learner_number').notNull(),
    toPersonId: uuid('to_person_id').notNull(),
    toLearnerNumber: text('to_learner_number').notNull(),
    points: bigint('points', { mode: 'bigint' }).notNull(),
    vouchers: bigint('vouchers', { mode: 'bigint' }).notNull(),
    /** The calendar year (UTC) whose cap it counts against. */
    year: integer('year').notNull(),
    /** Sender's POINT wallet → the region's POINT conversion account (linked with the next). */
    outTransferId: uuid('out_transfer_id').notNull().unique(),
    /** The region's VOUCHER conversion account → the receiver's vouchers. */
    inTransferId: uuid('in_transfer_id').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('family_transfers_amounts_positive', sql`${t.points} > 0 and ${t.vouchers} > 0`),
    index('family_transfers_group_idx').on(t.groupId, t.id),
  ],
);

/**
 * What each sender converted per year. A transfer locks its sender's row for the year
 * (`SELECT … FOR UPDATE`), so parallel transfers are counted one after another and never pass the cap.
 */
export const familyAllowances = creditBank.table(
  'family_allowances',
  {
    personId: uuid('person_id').notNull(),
    year: integer('year').notNull(),
    sentPoints: bigint('sent_points', { mode: 'bigint' }).notNull().default(sql`0`),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.year] }),
    check('family_allowances_sent_not_negative', sql`${t.sentPoints} >= 0`),
  ],
);

/** Placement on a distributed cluster (docs/scale.md): transfers with their family group, allowances with the sender. */
export const familyDistribution: readonly TableDistribution[] = [
  { table: familyTransfers, kind: 'distributed', column: 'group_id', colocation: 'group' },
  { table: familyAllowances, kind: 'distributed', column: 'person_id', colocation: 'person' },
];
