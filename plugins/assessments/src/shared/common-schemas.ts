import { Type } from '@sinclair/typebox';

// Building blocks shared by the features' request and response schemas.
export const Id = Type.String({ format: 'uuid' });
export const Timestamp = Type.String({ format: 'date-time' });
export const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
export const Title = Type.String({ minLength: 1, maxLength: 200 });
export const Description = Type.String({ maxLength: 5000 });
/** A skill or level tag: a short slug such as `algebra`, `reading-comprehension` or `B1`. */
export const Tag = Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });
/** A percentage with two decimals, e.g. 66.66 (rounded down). */
export const Percent = Type.Number({ minimum: 0, maximum: 100 });
