// The credit bank's public request and response schemas, for client code (`/schemas` entry: no
// server code). Each feature exports its schemas from its own `schemas.ts`; re-export them here.
export * from './completion.js';
export * from './exchange/schemas.js';
export * from './family/schemas.js';
export * from './imports/schemas.js';
export * from './pools/schemas.js';
export * from './providers/schemas.js';
export * from './recognition/schemas.js';
export * from './records/schemas.js';
export * from './shared/records/schemas.js';
export * from './shared/schemas.js';
export * from './transcript/schemas.js';
export * from './vocabulary.js';
export * from './wallet/schemas.js';
