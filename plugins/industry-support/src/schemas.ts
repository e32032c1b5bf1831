// The plugin's public request and response schemas, for client code (`/schemas` entry: no server code).
export * from './consents/schemas.js';
export * from './matching/schemas.js';
export * from './needs/schemas.js';
export * from './profiles/schemas.js';
export * from './shared/common-schemas.js';
export * from './shared/evidence-schemas.js';
export * from './taxonomies/schemas.js';
