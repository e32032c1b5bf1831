import { pgSchema } from 'drizzle-orm/pg-core';

/** The credentials plugin's own PostgreSQL schema. */
export const credentialsSchema = pgSchema('credentials');
