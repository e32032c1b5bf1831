import { Type } from '@sinclair/typebox';
import { and, desc, eq, gte, inArray, lt, lte } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { Forbidden } from '../errors/core-errors.js';
import { decodeCursor, isUuidKey, Page, PageQuery, toPage } from '../http/pagination.js';
import { defineRoute } from '../http/route.js';
import { regionsWhereRole } from '../identity/authorize.js';
import { auditLog } from './schema.js';

const Entry = Type.Object({
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

const Filters = Type.Object({
  action: Type.Optional(Type.String({ maxLength: 100 })),
  actorId: Type.Optional(Type.String({ maxLength: 100 })),
  subjectType: Type.Optional(Type.String({ maxLength: 50 })),
  subjectId: Type.Optional(Type.String({ maxLength: 100 })),
  regionId: Type.Optional(Type.String({ maxLength: 64 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
});

export function auditRoutes(db: () => Database) {
  return [
    defineRoute({
      method: 'get',
      path: '/audit',
      summary: 'Read the audit log, newest first',
      description: "Platform admins read everything; region admins their regions' entries.",
      access: { permission: 'audit.read' },
      request: { query: Type.Composite([PageQuery, Filters], { additionalProperties: false }) },
      responses: { 200: { description: 'A page of entries', schema: Page(Entry) } },
      handler: async ({ query }, c) => {
        const regions = regionsWhereRole(c.get('principal'), 'region-admin');
        if (regions.size === 0) throw Forbidden();
        const limit = query.limit ?? 50;
        const before = query.cursor ? decodeCursor(query.cursor, isUuidKey).id : undefined;
        const rows = await db()
          .select()
          .from(auditLog)
          .where(
            and(
              regions.has('*') ? undefined : inArray(auditLog.regionId, [...regions]),
              query.action ? eq(auditLog.action, query.action) : undefined,
              query.actorId ? eq(auditLog.actorId, query.actorId) : undefined,
              query.subjectType ? eq(auditLog.subjectType, query.subjectType) : undefined,
              query.subjectId ? eq(auditLog.subjectId, query.subjectId) : undefined,
              query.regionId ? eq(auditLog.regionId, query.regionId) : undefined,
              query.from ? gte(auditLog.at, new Date(query.from)) : undefined,
              query.to ? lte(auditLog.at, new Date(query.to)) : undefined,
              before ? lt(auditLog.id, before) : undefined,
            ),
          )
          .orderBy(desc(auditLog.id))
          .limit(limit + 1);
        return {
          status: 200,
          body: toPage(
            rows,
            limit,
            (r) => ({ id: r.id }),
            (r) => ({ ...r, at: r.at.toISOString() }),
          ),
        };
      },
    }),
  ];
}
