// Every operation of the learning-records plugin, by name: the features' contracts, which the
// routes serve and the `./client` entry binds. Server-free, like the contracts themselves.
export * from './about/contract.js';
export * from './credentials/contract.js';
export * from './documents/contract.js';
export * from './statements/contract.js';
