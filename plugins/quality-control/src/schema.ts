import { pgSchema } from 'drizzle-orm/pg-core';

/** The quality control plugin's own PostgreSQL schema; its tables are in `shared/schema.ts`. */
export const qualityControl = pgSchema('quality_control');
