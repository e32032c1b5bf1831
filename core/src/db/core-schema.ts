import { pgSchema } from 'drizzle-orm/pg-core';

/** Every core table lives in the `core` PostgreSQL schema; each plugin gets a schema of its own. */
export const coreSchema = pgSchema('core');
