// Every operation of the credentials plugin, by name: the features' contracts, which the routes
// serve and the `./client` entry binds. Server-free, like the contracts themselves.
export * from './issuance/contract.js';
export * from './issuers/contract.js';
export * from './status/contract.js';
export * from './verification/contract.js';
