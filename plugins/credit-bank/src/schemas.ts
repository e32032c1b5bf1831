// The credit bank's public request and response schemas, for client code (`/schemas` entry: no
// server code). Each feature exports its schemas from its own `schemas.ts`; re-export them here.
export * from './completion.js';
export * from './records/schemas.js';
export * from './vocabulary.js';
