import { type Static, Type } from '@sinclair/typebox';
import { Code, ScopeId, ScopeType, Timestamp } from './common-schemas.js';

export const ScopeParams = Type.Object({ scopeType: ScopeType, scopeId: ScopeId });
export type ScopeParams = Static<typeof ScopeParams>;
export const ScopeIndicatorParams = Type.Object({ scopeType: ScopeType, scopeId: ScopeId, code: Code });

export const Scope = Type.Object({
  scopeType: ScopeType,
  scopeId: Type.String(),
  regionId: Type.String(),
  institutionId: Type.Union([Type.String(), Type.Null()]),
  parentType: Type.Union([ScopeType, Type.Null()]),
  parentId: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  createdAt: Type.Union([Timestamp, Type.Null()]),
});
export type Scope = Static<typeof Scope>;
