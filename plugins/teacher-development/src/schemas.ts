// The center's public request and response schemas, for client code (`/schemas` entry: no server
// code). Each feature exports its schemas from its own `schemas.ts`; re-export them here.
export * from './common-schemas.js';
export * from './courses/schemas.js';
export * from './learning/schemas.js';
export * from './pricing/schemas.js';
export * from './quality/schemas.js';
export * from './recommendations/schemas.js';
export * from './studios/schemas.js';
export * from './teachers/schemas.js';
export * from './textbooks/schemas.js';
