// The core's drizzle schema: drizzle-kit reads this file to generate core/drizzle migrations.
export * from '../identity/schema.js';
export * from '../ledger/schema.js';
export { coreSchema } from './core-schema.js';
