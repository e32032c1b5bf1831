import { Type } from '@sinclair/typebox';

// Building blocks shared by the features' request and response schemas.
export const Id = Type.String({ format: 'uuid' });
export const Timestamp = Type.String({ format: 'date-time' });
export const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
export const Label = Type.String({ minLength: 1, maxLength: 300 });
export const Description = Type.String({ maxLength: 4000 });
/** A proficiency level on O*NET's 0–7 scale (the level, never the importance). */
export const Level = Type.Integer({ minimum: 0, maximum: 7, description: 'Proficiency level, 0–7 (O*NET scale).' });
/** How much a skill matters to a need, 1–5 (O*NET's importance scale). */
export const Importance = Type.Integer({ minimum: 1, maximum: 5, description: 'Importance, 1–5 (O*NET scale).' });
