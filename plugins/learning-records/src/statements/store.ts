import type { Queryable } from '@lifelong/core';
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { statements } from './schema.js';

export type StatementRow = typeof statements.$inferSelect;
export type NewStatementRow = typeof statements.$inferInsert;

/** Inserts a batch; returns the ids that were new (an id already stored is left as it is). */
export async function insertStatements(db: Queryable, rows: NewStatementRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await db
    .insert(statements)
    .values(rows)
    .onConflictDoNothing({ target: [statements.lrsId, statements.id] })
    .returning({ id: statements.id });
  return new Set(inserted.map((r) => r.id));
}

export async function statementsByIds(db: Queryable, lrsId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: statements.id, voidsId: statements.voidsId, statement: statements.statement })
    .from(statements)
    .where(and(eq(statements.lrsId, lrsId), inArray(statements.id, ids)));
}

/**
 * Marks voided: the targets of new voiding statements, and new statements a voiding statement
 * stored earlier already targets. A voiding statement itself is never voided.
 */
export async function applyVoiding(db: Queryable, lrsId: string, targets: string[], newIds: string[]): Promise<void> {
  if (targets.length > 0) {
    await db
      .update(statements)
      .set({ voided: true })
      .where(and(eq(statements.lrsId, lrsId), inArray(statements.id, targets), isNull(statements.voidsId)));
  }
  if (newIds.length > 0) {
    const earlier = db
      .select({ id: statements.voidsId })
      .from(statements)
      .where(and(eq(statements.lrsId, lrsId), inArray(statements.voidsId, newIds)));
    await db
      .update(statements)
      .set({ voided: true })
      .where(
        and(
          eq(statements.lrsId, lrsId),
          inArray(statements.id, newIds),
          isNull(statements.voidsId),
          inArray(statements.id, earlier),
        ),
      );
  }
}

export async function findStatement(
  db: Queryable,
  lrsId: string,
  id: string,
  voided: boolean,
  credentialId: string | null,
): Promise<StatementRow | undefined> {
  const [row] = await db
    .select()
    .from(statements)
    .where(
      and(
        eq(statements.lrsId, lrsId),
        eq(statements.id, id),
        eq(statements.voided, voided),
        credentialId ? eq(statements.credentialId, credentialId) : undefined,
      ),
    );
  return row;
}

export interface StatementFilter {
  lrsId: string;
  credentialId: string | null;
  agent?: string;
  relatedAgents: boolean;
  verb?: string;
  activity?: string;
  relatedActivities: boolean;
  registration?: string;
  since?: Date;
  until?: Date;
  ascending: boolean;
  after?: { stored: Date; id: string };
}

const textArray = (value: string) => sql`ARRAY[${value}]::text[]`;

/** A page of unvoided statements matching the filter, in `stored` order (then id), `limit + 1` rows. */
export async function queryStatements(db: Queryable, f: StatementFilter, limit: number): Promise<StatementRow[]> {
  const s = statements;
  const conditions: (SQL | undefined)[] = [eq(s.lrsId, f.lrsId), eq(s.voided, false)];
  if (f.credentialId) conditions.push(eq(s.credentialId, f.credentialId));
  if (f.agent) {
    const column = f.relatedAgents ? s.relatedAgentIfis : s.agentIfis;
    conditions.push(sql`${column} @> ${textArray(f.agent)}`);
  }
  if (f.verb) conditions.push(eq(s.verbId, f.verb));
  if (f.activity) {
    conditions.push(
      f.relatedActivities ? sql`${s.relatedActivityIds} @> ${textArray(f.activity)}` : eq(s.activityId, f.activity),
    );
  }
  if (f.registration) conditions.push(and(isNotNull(s.registration), eq(s.registration, f.registration)));
  if (f.since) conditions.push(gt(s.stored, f.since));
  if (f.until) conditions.push(lte(s.stored, f.until));
  if (f.after) {
    const { stored, id } = f.after;
    conditions.push(
      f.ascending
        ? or(gt(s.stored, stored), and(eq(s.stored, stored), gt(s.id, id)))
        : or(lt(s.stored, stored), and(eq(s.stored, stored), lt(s.id, id))),
    );
  }
  const order = f.ascending ? [asc(s.stored), asc(s.id)] : [desc(s.stored), desc(s.id)];
  return db
    .select()
    .from(s)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(limit + 1);
}

/** The object of the newest statement about the activity that carries a definition. */
export async function latestActivityDefinition(db: Queryable, lrsId: string, activityId: string): Promise<unknown> {
  const [row] = await db
    .select({ definition: sql<unknown>`${statements.statement} -> 'object' -> 'definition'` })
    .from(statements)
    .where(
      and(
        eq(statements.lrsId, lrsId),
        eq(statements.activityId, activityId),
        sql`${statements.statement} -> 'object' ? 'definition'`,
      ),
    )
    .orderBy(desc(statements.stored), desc(statements.id))
    .limit(1);
  return row?.definition;
}

/**
 * A person's own statements across every LRS (the `statements_person` index), newest stored
 * first, voided and voiding ones left out, `limit + 1` rows after the keyset `after`.
 */
export async function statementsOfPerson(
  db: Queryable,
  personId: string,
  limit: number,
  after?: { stored: Date; id: string },
): Promise<StatementRow[]> {
  const s = statements;
  return db
    .select()
    .from(s)
    .where(
      and(
        eq(s.personId, personId),
        eq(s.voided, false),
        isNull(s.voidsId),
        after ? or(lt(s.stored, after.stored), and(eq(s.stored, after.stored), lt(s.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(s.stored), desc(s.id))
    .limit(limit + 1);
}
