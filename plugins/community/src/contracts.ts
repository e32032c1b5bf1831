// Every operation of the community plugin, by name: the features' contracts, which the routes
// serve and the `./client` entry binds. Server-free, like the contracts themselves.
export * from './appeals/contract.js';
export * from './members/contract.js';
export * from './moderation/contract.js';
export * from './needs/contract.js';
export * from './posts/contract.js';
