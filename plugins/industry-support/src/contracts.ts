// Every operation of the industry support plugin, by name: the features' contracts, which the
// routes serve and the `./client` entry binds. Server-free, like the contracts themselves.
export * from './consents/contract.js';
export * from './matching/contract.js';
export * from './needs/contract.js';
export * from './profiles/contract.js';
export * from './taxonomies/contract.js';
