// The plugin's HTTP shapes alone (the `./schemas` entry), for client code.
export * from './about/schemas.js';
export * from './credentials/schemas.js';
export * from './statements/schemas.js';
