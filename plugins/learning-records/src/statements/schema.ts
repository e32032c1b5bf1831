import type { TableDistribution } from '@lifelong/core';
import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { learningRecords } from '../schema.js';

/**
 * Statements as stored (JSONB, with `stored`, `authority` and `version` set by the LRS), one LRS
 * per institution (`lrs_id`), with the columns and indexes the query parameters need: every list
 * is ordered by (`stored`, `id`) for keyset `more` links.
 */
export const statements = learningRecords.table(
  'statements',
  {
    lrsId: uuid('lrs_id').notNull(),
    id: uuid('id').notNull(),
    stored: timestamp('stored', { withTimezone: true, precision: 3 }).notNull(),
    credentialId: uuid('credential_id').notNull(),
    verbId: text('verb_id').notNull(),
    /** The `agent` filter: the actor's and (for an Agent or Group object) the object's identifiers. */
    agentIfis: text('agent_ifis').array().notNull(),
    /** `related_agents=true`: every agent or identified group anywhere in the statement. */
    relatedAgentIfis: text('related_agent_ifis').array().notNull(),
    /** The `activity` filter: the object's id when the object is an Activity. */
    activityId: text('activity_id'),
    /** `related_activities=true`: the object, every context activity, and a sub-statement's. */
    relatedActivityIds: text('related_activity_ids').array().notNull(),
    registration: uuid('registration'),
    /** A voiding statement's target. */
    voidsId: uuid('voids_id'),
    voided: boolean('voided').notNull().default(false),
    /** The person the actor was linked to (learner-number account on the region's home page), if any. */
    personId: uuid('person_id'),
    statement: jsonb('statement').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.lrsId, t.id] }),
    index('statements_stored').on(t.lrsId, t.stored, t.id),
    index('statements_verb').on(t.lrsId, t.verbId, t.stored, t.id),
    index('statements_activity').on(t.lrsId, t.activityId, t.stored, t.id),
    index('statements_registration')
      .on(t.lrsId, t.registration, t.stored, t.id)
      .where(sql`${t.registration} is not null`),
    index('statements_voids').on(t.lrsId, t.voidsId).where(sql`${t.voidsId} is not null`),
    index('statements_person').on(t.personId).where(sql`${t.personId} is not null`),
    index('statements_agents').using('gin', t.agentIfis),
    index('statements_related_agents').using('gin', t.relatedAgentIfis),
    index('statements_related_activities').using('gin', t.relatedActivityIds),
  ],
);

export const statementsDistribution: readonly TableDistribution[] = [
  // One institution's LRS: every query names its lrs_id, so it stays on one shard.
  { table: statements, kind: 'distributed', column: 'lrs_id', colocation: 'learning-records-lrs' },
];
