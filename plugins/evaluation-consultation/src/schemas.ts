// The plugin's public request and response schemas, for client code (`/schemas` entry: no server
// code). Each feature exports its schemas from its own `schemas.ts`; re-export them here.
export * as diagnosis from './diagnosis/schemas.js';
export * as engagements from './engagements/schemas.js';
export * as evidence from './evidence/schemas.js';
export * as experts from './experts/schemas.js';
export * from './shared/common-schemas.js';
export * from './shared/template-schema.js';
export * as templates from './templates/schemas.js';
export * as visits from './visits/schemas.js';
