import { Type } from '@sinclair/typebox';

// Building blocks shared by the features' request and response schemas.
export const Id = Type.String({ format: 'uuid' });
export const Timestamp = Type.String({ format: 'date-time' });
export const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
/** An amount in the asset's minor units, as a decimal string (ledger amounts never travel as numbers). */
export const Amount = Type.String({ pattern: '^[0-9]{1,19}$' });
export const Note = Type.String({ minLength: 1, maxLength: 2000 });
