// Every operation of the evaluation-consultation plugin, by name: the features' contracts, which
// the routes serve and the `./client` entry binds. Server-free, like the contracts themselves.
export * from './diagnosis/contract.js';
export * from './engagements/contract.js';
export * from './evidence/contract.js';
export * from './experts/contract.js';
export * from './templates/contract.js';
export * from './visits/contract.js';
