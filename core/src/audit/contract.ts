import { Type } from '@sinclair/typebox';
import { defineContract } from '../http/contract.js';
import { Page, PageQuery } from '../http/page-schemas.js';

export const Entry = Type.Object({
  id: Type.String({ format: 'uuid' }),
  at: Type.String({ format: 'date-time' }),
  actorType: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  subjectType: Type.Union([Type.String(), Type.Null()]),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  regionId: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});

export const Filters = Type.Object({
  action: Type.Optional(Type.String({ maxLength: 100 })),
  actorId: Type.Optional(Type.String({ maxLength: 100 })),
  subjectType: Type.Optional(Type.String({ maxLength: 50 })),
  subjectId: Type.Optional(Type.String({ maxLength: 100 })),
  regionId: Type.Optional(Type.String({ maxLength: 64 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
});

export const listAudit = defineContract({
  operationId: 'audit.list',
  method: 'get',
  path: '/v1/audit',
  summary: 'Read the audit log, newest first',
  description: "Platform admins read everything; region admins their regions' entries.",
  access: { permission: 'audit.read' },
  request: { query: Type.Composite([PageQuery, Filters], { additionalProperties: false }) },
  responses: { 200: { description: 'A page of entries', schema: Page(Entry) } },
});
