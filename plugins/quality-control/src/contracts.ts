// Every operation of the quality control plugin, by name: the features' contracts, which the
// routes serve and the `./client` entry binds. Server-free, like the contracts themselves.
export * from './alerts/contract.js';
export * from './data/contract.js';
export * from './library/contract.js';
export * from './series/contract.js';
