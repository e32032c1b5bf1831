export { type ClientOptions, createClient, type LifelongClient, type RequestOptions } from './client.js';
export { LifelongError, type Problem } from './problem.js';
