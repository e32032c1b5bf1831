import { pgSchema } from 'drizzle-orm/pg-core';

/** The community plugin's own PostgreSQL schema; feature folders add their tables to it. */
export const community = pgSchema('community');
