import { afterIdCursor, type Queryable, toPage } from '@lifelong/core';
import { and, eq } from 'drizzle-orm';
import { dataPoints, type ScopeRow, scopes } from '../shared/schema.js';
import type { Scope } from '../shared/scope-schemas.js';
import type { ResolvedScope } from '../shared/scopes.js';
import type { DataPoint } from './schemas.js';

export const scopeView = (row: ScopeRow): Scope => ({
  scopeType: row.scopeType as Scope['scopeType'],
  scopeId: row.scopeId,
  regionId: row.regionId,
  institutionId: row.institutionId,
  parentType: row.parentType as Scope['scopeType'],
  parentId: row.parentId,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
});

export async function insertScope(db: Queryable, values: typeof scopes.$inferInsert) {
  const [row] = await db.insert(scopes).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Institutions are known to the core; they are written down here when first used, for drill-down. */
export async function noteInstitution(db: Queryable, scope: ResolvedScope, now: Date) {
  if (scope.scopeType !== 'institution') return;
  await db
    .insert(scopes)
    .values({
      scopeType: 'institution',
      scopeId: scope.scopeId,
      regionId: scope.regionId,
      institutionId: scope.institutionId,
      parentType: 'region',
      parentId: scope.regionId,
      name: scope.name,
      createdAt: now,
    })
    .onConflictDoNothing();
}

export async function children(db: Queryable, scopeType: string, scopeId: string) {
  const rows = await db
    .select()
    .from(scopes)
    .where(and(eq(scopes.parentType, scopeType), eq(scopes.parentId, scopeId)))
    .orderBy(scopes.scopeType, scopes.scopeId)
    .limit(1000);
  return rows.map(scopeView);
}

const pointView = (row: typeof dataPoints.$inferSelect): DataPoint => ({
  id: row.id,
  element: row.element,
  date: row.occurredOn,
  value: row.value,
  source: row.source as DataPoint['source'],
  sourceKey: row.sourceKey,
  recordedBy: row.recordedBy,
  recordedAt: row.recordedAt.toISOString(),
});

export async function listPoints(
  db: Queryable,
  scope: ResolvedScope,
  filter: { element?: string | undefined },
  limit: number,
  cursor: string | undefined,
) {
  const rows = await db
    .select()
    .from(dataPoints)
    .where(
      and(
        eq(dataPoints.scopeId, scope.scopeId),
        eq(dataPoints.scopeType, scope.scopeType),
        filter.element ? eq(dataPoints.element, filter.element) : undefined,
        afterIdCursor(dataPoints.id, cursor),
      ),
    )
    .orderBy(dataPoints.id)
    .limit(limit + 1);
  return toPage(rows, limit, (r) => ({ id: r.id }), pointView);
}
