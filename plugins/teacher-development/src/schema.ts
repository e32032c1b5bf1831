import { pgSchema } from 'drizzle-orm/pg-core';

/** The teacher development center's own PostgreSQL schema; feature folders add their tables to it. */
export const teacherDevelopment = pgSchema('teacher_development');
