// The plugin's public request and response schemas, for client code (`/schemas` entry: no server
// code). Each feature exports its schemas from its own `schemas.ts`; re-export them here.
export * from './appeals/schemas.js';
export * from './members/schemas.js';
export * from './moderation/schemas.js';
export * from './needs/schemas.js';
export * from './posts/schemas.js';
export * from './shared/common-schemas.js';
export * from './shared/post-schemas.js';
