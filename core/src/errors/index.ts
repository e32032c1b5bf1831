export * from './core-errors.js';
export * from './lifelong-error.js';
