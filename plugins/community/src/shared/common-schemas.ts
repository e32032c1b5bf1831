import { Type } from '@sinclair/typebox';

// Building blocks shared by the features' request and response schemas.
export const Id = Type.String({ format: 'uuid' });
export const Timestamp = Type.String({ format: 'date-time' });
export const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
export const Title = Type.String({ minLength: 1, maxLength: 200 });
/** A reason a moderator or a flagger states: never empty. */
export const Reason = Type.String({ minLength: 1, maxLength: 2000 });
/** A topic tag: a short slug such as `algebra` or `elder-care`. */
export const Topic = Type.String({ minLength: 1, maxLength: 60, pattern: '^[a-z0-9][a-z0-9-]*$' });
export const TrustLevel = Type.Integer({ minimum: 0, maximum: 4 });
export const PersonParams = Type.Object({ personId: Id });
