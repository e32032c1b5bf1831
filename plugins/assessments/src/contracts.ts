// Every operation of the assessments plugin, by name: the features' contracts, which the routes
// serve and the `./client` entry binds. Server-free, like the contracts themselves.
export * from './attempts/contract.js';
export * from './banks/contract.js';
export * from './forms/contract.js';
