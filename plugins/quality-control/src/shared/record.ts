import { type Queryable, uuidv7 } from '@lifelong/core';
import { sql } from 'drizzle-orm';
import { PERIOD_TYPES, periodsOf } from './periods.js';
import { aggregates, dataPoints } from './schema.js';
import type { ResolvedScope } from './scopes.js';

/** A value to record for a scope; `sourceKey` makes a repeat a no-op. */
export interface NewPoint {
  scope: ResolvedScope;
  element: string;
  occurredOn: string;
  value: number;
  subjectPersonId?: string | null;
  source: 'event' | 'manual' | 'csv';
  sourceKey: string;
  recordedBy: string | null;
}

const CHUNK = 1000;

/**
 * Records data points and adds each new one to the aggregates of its scope and every scope above
 * it, for its month, quarter and year, in the caller's transaction. A point whose source key the
 * scope already holds is a duplicate: counted, not added again.
 */
export async function recordPoints(
  db: Queryable,
  points: readonly NewPoint[],
  now: Date,
): Promise<{ recorded: number; duplicates: number }> {
  let recorded = 0;
  const deltas = new Map<
    string,
    {
      scopeType: string;
      scopeId: string;
      element: string;
      periodType: string;
      period: string;
      total: number;
      n: number;
    }
  >();
  for (let i = 0; i < points.length; i += CHUNK) {
    const chunk = points.slice(i, i + CHUNK);
    const inserted = await db
      .insert(dataPoints)
      .values(
        chunk.map((p) => ({
          id: uuidv7(),
          scopeType: p.scope.scopeType,
          scopeId: p.scope.scopeId,
          regionId: p.scope.regionId,
          element: p.element,
          occurredOn: p.occurredOn,
          value: p.value,
          subjectPersonId: p.subjectPersonId ?? null,
          source: p.source,
          sourceKey: p.sourceKey,
          recordedBy: p.recordedBy,
          recordedAt: now,
        })),
      )
      .onConflictDoNothing({ target: [dataPoints.scopeId, dataPoints.sourceKey] })
      .returning({ scopeId: dataPoints.scopeId, sourceKey: dataPoints.sourceKey });
    const fresh = new Set(inserted.map((r) => `${r.scopeId}\u0000${r.sourceKey}`));
    for (const p of chunk) {
      if (!fresh.has(`${p.scope.scopeId}\u0000${p.sourceKey}`)) continue;
      fresh.delete(`${p.scope.scopeId}\u0000${p.sourceKey}`);
      recorded++;
      const periods = periodsOf(p.occurredOn);
      for (const at of p.scope.chain) {
        for (const periodType of PERIOD_TYPES) {
          const period = periods[periodType];
          const key = [at.scopeType, at.scopeId, p.element, periodType, period].join('\u0000');
          const d = deltas.get(key) ?? { ...at, element: p.element, periodType, period, total: 0, n: 0 };
          d.total += p.value;
          d.n += 1;
          deltas.set(key, d);
        }
      }
    }
  }
  const rows = [...deltas.values()];
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insert(aggregates)
      .values(rows.slice(i, i + CHUNK))
      .onConflictDoUpdate({
        target: [
          aggregates.scopeId,
          aggregates.scopeType,
          aggregates.element,
          aggregates.periodType,
          aggregates.period,
        ],
        set: { total: sql`${aggregates.total} + excluded.total`, n: sql`${aggregates.n} + excluded.n` },
      });
  }
  return { recorded, duplicates: points.length - recorded };
}
