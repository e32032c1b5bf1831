import type { TableDistribution } from '@lifelong/core';
import { index, integer, jsonb, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { industrySupport } from '../schema.js';

/**
 * One version of a taxonomy in a region, with its provenance: where it comes from, under which
 * licence, and when its last import completed. `(region, code, version)` is unique, which makes
 * imports idempotent per taxonomy version. A region's own skills and occupations live in its
 * `local` taxonomy.
 */
export const taxonomies = industrySupport.table(
  'taxonomies',
  {
    id: uuid('id').primaryKey(),
    regionId: text('region_id').notNull(),
    code: text('code').notNull(),
    version: text('version').notNull(),
    name: text('name').notNull(),
    format: text('format').$type<'esco-csv' | 'onet' | 'case' | 'local'>().notNull(),
    source: text('source').notNull(),
    licence: text('licence').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('taxonomies_version_idx').on(t.regionId, t.code, t.version)],
);
export type TaxonomyRow = typeof taxonomies.$inferSelect;

/** A skill (or an ESCO skill group, `kind: skillgroup`) of one taxonomy version. */
export const skills = industrySupport.table(
  'skills',
  {
    id: uuid('id').primaryKey(),
    taxonomyId: uuid('taxonomy_id').notNull(),
    externalId: text('external_id').notNull(),
    kind: text('kind').notNull(),
    uri: text('uri'),
    label: text('label').notNull(),
    description: text('description').notNull(),
    skillType: text('skill_type'),
  },
  (t) => [uniqueIndex('skills_external_idx').on(t.taxonomyId, t.externalId)],
);
export type SkillRow = typeof skills.$inferSelect;

/** An occupation of one taxonomy version (ESCO, O*NET-SOC, or the region's own). */
export const occupations = industrySupport.table(
  'occupations',
  {
    id: uuid('id').primaryKey(),
    taxonomyId: uuid('taxonomy_id').notNull(),
    externalId: text('external_id').notNull(),
    uri: text('uri'),
    code: text('code'),
    iscoCode: text('isco_code'),
    label: text('label').notNull(),
    description: text('description').notNull(),
  },
  (t) => [uniqueIndex('occupations_external_idx').on(t.taxonomyId, t.externalId)],
);
export type OccupationRow = typeof occupations.$inferSelect;

/**
 * An occupation–skill pair, by the taxonomy's own ids: ESCO's `essential`/`optional`, or O*NET's
 * ratings (`rated`, with importance 1–5 and level 0–7 kept apart, never mixed into one number).
 */
export const occupationSkills = industrySupport.table(
  'occupation_skills',
  {
    taxonomyId: uuid('taxonomy_id').notNull(),
    occupationExternalId: text('occupation_external_id').notNull(),
    skillExternalId: text('skill_external_id').notNull(),
    relation: text('relation').$type<'essential' | 'optional' | 'rated'>().notNull(),
    importance: real('importance'),
    level: real('level'),
  },
  (t) => [primaryKey({ columns: [t.taxonomyId, t.occupationExternalId, t.skillExternalId] })],
);

/** Typed links inside a taxonomy: ESCO's hierarchy (`isChildOf`), CASE associations. */
export const skillLinks = industrySupport.table(
  'skill_links',
  {
    taxonomyId: uuid('taxonomy_id').notNull(),
    fromExternalId: text('from_external_id').notNull(),
    relation: text('relation').notNull(),
    toExternalId: text('to_external_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.taxonomyId, t.fromExternalId, t.relation, t.toExternalId] })],
);

/** A region's crosswalk between two skills of different taxonomies (SKOS `exactMatch`/`closeMatch`). */
export const crosswalks = industrySupport.table(
  'crosswalks',
  {
    id: uuid('id').primaryKey(),
    regionId: text('region_id').notNull(),
    fromSkillId: uuid('from_skill_id').notNull(),
    toSkillId: uuid('to_skill_id').notNull(),
    match: text('match').$type<'exactMatch' | 'closeMatch'>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('crosswalks_pair_idx').on(t.regionId, t.fromSkillId, t.toSkillId),
    index('crosswalks_to_idx').on(t.regionId, t.toSkillId),
  ],
);

/**
 * One file imported into a taxonomy version, processed by the `imports` job a chunk per run:
 * `rowsDone` is where the next run resumes. One import per (taxonomy, file): submitting the same
 * file kind again answers the existing import.
 */
export const imports = industrySupport.table(
  'imports',
  {
    id: uuid('id').primaryKey(),
    regionId: text('region_id').notNull(),
    taxonomyId: uuid('taxonomy_id').notNull(),
    file: text('file').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    status: text('status').$type<'queued' | 'running' | 'completed' | 'failed'>().notNull(),
    rowsDone: integer('rows_done').notNull().default(0),
    rowsFailed: integer('rows_failed').notNull().default(0),
    errors: jsonb('errors').$type<{ row: number; message: string }[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('imports_file_idx').on(t.taxonomyId, t.file), index('imports_status_idx').on(t.status)],
);
export type ImportRow = typeof imports.$inferSelect;

/**
 * Placement (docs/scale.md): taxonomies are catalogues, written by imports and read by every
 * match: reference tables. The import bookkeeping is read by the job alone.
 */
export const taxonomiesDistribution: readonly TableDistribution[] = [
  { table: taxonomies, kind: 'reference' },
  { table: skills, kind: 'reference' },
  { table: occupations, kind: 'reference' },
  { table: occupationSkills, kind: 'reference' },
  { table: skillLinks, kind: 'reference' },
  { table: crosswalks, kind: 'reference' },
  { table: imports, kind: 'local', reason: 'import bookkeeping, read by the imports job and its admins alone' },
];
