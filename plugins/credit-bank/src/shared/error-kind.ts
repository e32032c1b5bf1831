// The one place the credit bank's error kinds get `defineError`: from the server-free contract
// entry, since contracts list error kinds and so the client entry loads them.
export { defineError } from '@lifelong/core/contract';
