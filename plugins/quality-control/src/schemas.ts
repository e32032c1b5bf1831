// The plugin's public request and response schemas, for client code (`/schemas` entry: no server code).
export * from './alerts/schemas.js';
export * from './data/schemas.js';
export * from './library/schemas.js';
export * from './series/schemas.js';
export * from './shared/common-schemas.js';
