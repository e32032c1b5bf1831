import { Type } from '@sinclair/typebox';

// Building blocks shared by the features' request and response schemas.
export const Id = Type.String({ format: 'uuid' });
export const Timestamp = Type.String({ format: 'date-time' });
export const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
export const Text = Type.String({ minLength: 1, maxLength: 20_000 });
export const ShortText = Type.String({ minLength: 1, maxLength: 300 });
export const TemplateId = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'A region template’s UUID, or `paper-default@1` for the built-in default',
});
export const EngagementParams = Type.Object({ engagementId: Id });
export const Role = Type.Union([
  Type.Literal('lead'),
  Type.Literal('member'),
  Type.Literal('schoolContact'),
  Type.Literal('expert'),
]);
