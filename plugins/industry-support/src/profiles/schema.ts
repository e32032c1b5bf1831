import type { TableDistribution } from '@lifelong/core';
import { integer, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { industrySupport } from '../schema.js';

/**
 * What counts as evidence of a skill in a region: passing an assessment form shows the skill at
 * the given level (0–7). Written by the region's admins.
 */
export const evidenceRules = industrySupport.table(
  'evidence_rules',
  {
    id: uuid('id').primaryKey(),
    regionId: text('region_id').notNull(),
    sourceKind: text('source_kind').$type<'assessment'>().notNull(),
    sourceRef: uuid('source_ref').notNull(),
    skillId: uuid('skill_id').notNull(),
    level: integer('level').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('evidence_rules_source_idx').on(t.regionId, t.sourceKind, t.sourceRef, t.skillId)],
);
export type EvidenceRuleRow = typeof evidenceRules.$inferSelect;

/** A skill a learner declares themself: marked as such and weighted lower than evidence. */
export const declaredSkills = industrySupport.table(
  'declared_skills',
  {
    personId: uuid('person_id').notNull(),
    skillId: uuid('skill_id').notNull(),
    level: integer('level').notNull(),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.skillId] })],
);

export const profilesDistribution: readonly TableDistribution[] = [
  { table: evidenceRules, kind: 'reference' },
  { table: declaredSkills, kind: 'distributed', column: 'person_id', colocation: 'person' },
];
