import { pgSchema } from 'drizzle-orm/pg-core';

/** The industry support plugin's own PostgreSQL schema; feature folders add their tables to it. */
export const industrySupport = pgSchema('industry_support');
