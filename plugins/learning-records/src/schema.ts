import { pgSchema } from 'drizzle-orm/pg-core';

/** The learning-records plugin's own PostgreSQL schema; feature folders add their tables to it. */
export const learningRecords = pgSchema('learning_records');
