// The core's drizzle schema: drizzle-kit reads this file to generate core/drizzle migrations.
export * from '../audit/schema.js';
export * from '../events/schema.js';
export * from '../groups/schema.js';
export * from '../identity/schema.js';
export * from '../ledger/schema.js';
export * from '../notifications/schema.js';
export * from '../plugins/schema.js';
export * from '../privacy/schema.js';
export * from '../regions/schema.js';
export { coreSchema } from './core-schema.js';
