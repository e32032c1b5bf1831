import { and, desc, eq, gte, inArray, lt, lte } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { Forbidden } from '../errors/core-errors.js';
import { decodeCursor, isUuidKey, toPage } from '../http/pagination.js';
import { route } from '../http/route.js';
import { regionsWhereRole } from '../identity/authorize.js';
import * as contract from './contract.js';
import { auditLog } from './schema.js';

export function auditRoutes(db: () => Database) {
  return [
    route(contract.listAudit, async ({ query }, c) => {
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
    }),
  ];
}
