// The one place the credit bank's error kinds get `defineError`. Contracts list error kinds
// (`errors: [...]`), so the error modules are part of the client entry; `defineError` should come
// from a server-free core entry, but today only `@lifelong/core` (the server) exports it. When
// `@lifelong/core/contract` exports it, change this line; `client-entry.test.ts` pins the exception.
export { defineError } from '@lifelong/core';
