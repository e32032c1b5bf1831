import { pgSchema } from 'drizzle-orm/pg-core';

/** The assessments plugin's own PostgreSQL schema; feature folders add their tables to it. */
export const assessments = pgSchema('assessments');
