import type { TableDistribution } from '@lifelong/core';
import { date, index, integer, jsonb, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { industrySupport } from '../schema.js';

/** A skill a need asks for: required level on the 0–7 scale, importance 1–5, essential or optional. */
export interface NeedSkill {
  skillId: string;
  essential: boolean;
  requiredLevel: number;
  importance: number;
}

/** A company's need profile: draft → open → closed; each edit is a new version. */
export const needs = industrySupport.table(
  'needs',
  {
    id: uuid('id').notNull(),
    regionId: text('region_id').notNull(),
    institutionId: uuid('institution_id').notNull(),
    title: text('title').notNull(),
    occupationId: uuid('occupation_id'),
    skills: jsonb('skills').$type<NeedSkill[]>().notNull(),
    headcount: integer('headcount').notNull(),
    deadline: date('deadline', { mode: 'string' }),
    status: text('status').$type<'draft' | 'open' | 'closed'>().notNull(),
    version: integer('version').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.id] }),
    index('needs_region_idx').on(t.regionId, t.status, t.id),
    index('needs_institution_idx').on(t.institutionId, t.id),
  ],
);
export type NeedRow = typeof needs.$inferSelect;

/** Every version of a need as it was when written (the current one included). */
export const needVersions = industrySupport.table(
  'need_versions',
  {
    needId: uuid('need_id').notNull(),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.needId, t.version] })],
);

export const needsDistribution: readonly TableDistribution[] = [
  { table: needs, kind: 'distributed', column: 'id', colocation: 'industry-support-need' },
  { table: needVersions, kind: 'distributed', column: 'need_id', colocation: 'industry-support-need' },
];
