// Every operation of the teacher development center, by name: the features' contracts, which
// the routes serve and the `./client` entry binds. Server-free, like the contracts themselves.
export * from './courses/contract.js';
export * from './learning/contract.js';
export * from './media/contract.js';
export * from './pricing/contract.js';
export * from './quality/contract.js';
export * from './recommendations/contract.js';
export * from './studios/contract.js';
export * from './teachers/contract.js';
export * from './textbooks/contract.js';
