// `@lifelong/core/schemas`: the TypeBox schemas of the core's HTTP API, and nothing else. The
// routes validate with these and clients (the SDK) derive their types from them. It must load no
// server code (hono, drizzle, pino, node:*): `schemas-entry.test.ts` walks its imports to prove it.
export * from './groups/schemas.js';
export { Page, PageQuery } from './http/page-schemas.js';
export { Problem } from './http/problem-schema.js';
export * from './identity/people-schemas.js';
export * from './identity/session-schemas.js';
export * from './ledger/schemas.js';
export * from './plugins/schemas.js';
export { RegionId } from './regions/region-id.js';
