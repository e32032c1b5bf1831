// Every operation of the plugin, by name: what `./client` binds and the routes serve.
export * from './clubs/contract.js';
export * from './points/contract.js';
