// The plugin's public request and response schemas, for client code (`/schemas` entry: no server
// code). Each feature exports its schemas from its own `schemas.ts`; re-export them here.
export * from './attempts/schemas.js';
export * from './banks/schemas.js';
export * from './forms/schemas.js';
export * from './shared/common-schemas.js';
export * from './shared/items.js';
