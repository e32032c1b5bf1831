// The plugin's public request and response schemas, for client code (`/schemas` entry: no server code).
export * from './issuance/schemas.js';
export * from './issuers/schemas.js';
export * from './status/schemas.js';
export * from './verification/schemas.js';
