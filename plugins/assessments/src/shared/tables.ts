// The tables more than one feature reads, named once: each feature keeps its tables in its own
// schema.ts (drizzle-kit reads them there); others reach them only through this list.
export { type AttemptRow, attempts } from '../attempts/schema.js';
export { type BankRow, banks, type ItemRow, items } from '../banks/schema.js';
export { type FormRow, forms } from '../forms/schema.js';
