import { pgSchema } from 'drizzle-orm/pg-core';

/** The evaluation-consultation plugin's own PostgreSQL schema; its tables are in shared/schema.ts. */
export const evaluationConsultation = pgSchema('evaluation_consultation');
