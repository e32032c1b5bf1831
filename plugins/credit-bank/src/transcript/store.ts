import { decodeCursor, isCursorTimestamp, isUuidKey, type Queryable, toPage } from '@lifelong/core';
import { and, asc, eq, gt, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { records, recordTotals } from '../shared/records/schema.js';
import { transcriptShares } from './schema.js';
import type { Transcript, TranscriptEntry } from './schemas.js';

// The transcript's queries: the transcript itself (records and totals) and share links.

export type ShareRow = typeof transcriptShares.$inferSelect;

/** What a share link shows: records of these stages or with these ids (neither: every record). */
export interface ShareFilter {
  stages: string[];
  recordIds: string[];
}

const verificationOf = {
  completion: 'platform-recorded',
  recognition: 'certificate-verified',
  import: 'institution-attested',
  manual: 'registrar-entered',
} as const;

/**
 * A person's transcript: their records a page at a time (withdrawn ones marked, for the person and
 * their readers; left out of shared views), and totals by stage, year and verification over active
 * records: the kept `record_totals` rows for the whole transcript, one scan for a share's choice.
 * No names, national ids or contact details: the learner number identifies the person.
 */
export async function buildTranscript(
  db: Queryable,
  person: { id: string; learnerNumber: string },
  share: ShareFilter | null,
  now: Date,
  page: { limit: number; cursor?: string | undefined } | 'all',
): Promise<Transcript> {
  const after = page !== 'all' && page.cursor ? decodeCursor(page.cursor, isEntryKey) : undefined;
  const chosen: SQL[] = [];
  if (share?.stages.length) chosen.push(inArray(records.stage, share.stages));
  if (share?.recordIds.length) chosen.push(inArray(records.id, share.recordIds));
  const visible = and(
    eq(records.personId, person.id),
    share ? eq(records.status, 'active') : undefined,
    chosen.length > 0 ? or(...chosen) : undefined,
  );

  const [rows, groups] = await Promise.all([
    db
      .select({
        id: records.id,
        title: records.title,
        stage: records.stage,
        level: records.level,
        providerInstitutionId: records.providerInstitutionId,
        completedAt: records.completedAt,
        workloadHours: records.workloadHours,
        assessmentType: records.assessmentType,
        credits: records.credits,
        status: records.status,
        origin: records.origin,
      })
      .from(records)
      .where(
        and(
          visible,
          after
            ? or(
                gt(records.completedAt, new Date(after.at)),
                and(eq(records.completedAt, new Date(after.at)), gt(records.id, after.id)),
              )
            : undefined,
        ),
      )
      .orderBy(asc(records.completedAt), asc(records.id))
      .limit(page === 'all' ? 1_000_000 : page.limit + 1),
    share ? scannedTotals(db, visible) : keptTotals(db, person.id),
  ]);
  const only = (dimension: Group['dimension']) =>
    groups.filter((g) => g.dimension === dimension && g.records > 0).sort((a, b) => a.key.localeCompare(b.key));
  const totals = groups.find((g) => g.dimension === 'all');
  const byStage = only('stage');
  const byYear = only('year').sort((a, b) => Number(a.key) - Number(b.key));
  const byOrigin = only('origin');

  return {
    learnerNumber: person.learnerNumber,
    generatedAt: now.toISOString(),
    shared: share !== null,
    totals: {
      credits: totals?.credits ?? '0',
      records: totals?.records ?? 0,
      withdrawn: totals?.withdrawn ?? 0,
      workloadHours: Number(totals?.workloadHours ?? 0),
    },
    byStage: byStage.map((g) => ({
      stage: g.key as TranscriptEntry['stage'],
      credits: g.credits,
      records: g.records,
    })),
    byYear: byYear.map((g) => ({ year: Number(g.key), credits: g.credits, records: g.records })),
    byVerification: byOrigin.map((g) => ({
      verification: verificationOf[g.key as keyof typeof verificationOf],
      credits: g.credits,
      records: g.records,
    })),
    records: toPage(
      rows,
      page === 'all' ? rows.length : page.limit,
      (r) => ({ at: r.completedAt.toISOString(), id: r.id }),
      (r) => ({
        id: r.id,
        title: r.title,
        stage: r.stage as TranscriptEntry['stage'],
        level: r.level as TranscriptEntry['level'],
        providerInstitutionId: r.providerInstitutionId,
        completedAt: r.completedAt.toISOString(),
        workloadHours: Number(r.workloadHours),
        assessmentType: r.assessmentType as TranscriptEntry['assessmentType'],
        credits: String(r.credits),
        status: r.status,
        verification: verificationOf[r.origin],
      }),
    ),
  };
}

const isEntryKey = (key: unknown): key is { at: string; id: string } =>
  isUuidKey(key) && isCursorTimestamp((key as { at?: unknown }).at);

interface Group {
  dimension: 'all' | 'stage' | 'year' | 'origin';
  key: string;
  credits: string;
  records: number;
  withdrawn: number;
  workloadHours: string;
}

/** The person's whole-transcript totals, kept up to date on every award and withdrawal. */
async function keptTotals(db: Queryable, personId: string): Promise<Group[]> {
  return db
    .select({
      dimension: recordTotals.dimension,
      key: recordTotals.key,
      credits: sql<string>`${recordTotals.credits}::text`,
      records: recordTotals.records,
      withdrawn: recordTotals.withdrawn,
      workloadHours: sql<string>`${recordTotals.workloadHours}::text`,
    })
    .from(recordTotals)
    .where(eq(recordTotals.personId, personId));
}

/**
 * Totals over the records a share chose, in one scan: `GROUPING SETS` by stage, year and origin,
 * and overall (grouping() has a bit per column left out: stage 4, year 2, origin 1).
 */
async function scannedTotals(db: Queryable, visible: SQL | undefined): Promise<Group[]> {
  const active = sql`${records.status} = 'active'`;
  const year = sql<number>`extract(year from ${records.completedAt} at time zone 'UTC')::int`;
  const rows = await db
    .select({
      stage: records.stage,
      year,
      origin: records.origin,
      grouping: sql<number>`grouping(${records.stage}, ${year}, ${records.origin})`,
      credits: sql<string>`coalesce(sum(${records.credits}) filter (where ${active}), 0)::text`,
      records: sql<number>`(count(*) filter (where ${active}))::int`,
      withdrawn: sql<number>`(count(*) filter (where not ${active}))::int`,
      workloadHours: sql<string>`coalesce(sum(${records.workloadHours}) filter (where ${active}), 0)::text`,
    })
    .from(records)
    .where(visible)
    .groupBy(sql`grouping sets ((${records.stage}), (${year}), (${records.origin}), ())`);
  const dimensions: Record<number, Group['dimension']> = { 3: 'stage', 5: 'year', 6: 'origin', 7: 'all' };
  return rows.flatMap((r) => {
    const dimension = dimensions[r.grouping];
    if (!dimension) return [];
    const key =
      dimension === 'stage' ? r.stage : dimension === 'year' ? String(r.year) : dimension === 'origin' ? r.origin : '';
    return [
      {
        dimension,
        key: key ?? '',
        credits: r.credits,
        records: r.records,
        withdrawn: r.withdrawn,
        workloadHours: r.workloadHours,
      },
    ];
  });
}

/** Which of `recordIds` are the person's own. */
export async function ownRecordIds(db: Queryable, personId: string, recordIds: string[]): Promise<Set<string>> {
  const owned = await db
    .select({ id: records.id })
    .from(records)
    .where(and(eq(records.personId, personId), inArray(records.id, recordIds)));
  return new Set(owned.map((r) => r.id));
}

export async function insertShare(db: Queryable, values: typeof transcriptShares.$inferInsert): Promise<ShareRow> {
  const [row] = await db.insert(transcriptShares).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** The person's share links, oldest first (at most 1000). */
export async function sharesOf(db: Queryable, personId: string): Promise<ShareRow[]> {
  return db
    .select()
    .from(transcriptShares)
    .where(eq(transcriptShares.personId, personId))
    .orderBy(asc(transcriptShares.id))
    .limit(1000);
}

export async function findShare(db: Queryable, shareId: string): Promise<ShareRow | undefined> {
  const [row] = await db.select().from(transcriptShares).where(eq(transcriptShares.id, shareId));
  return row;
}

/** Marks the share revoked (a revoked share keeps its first revocation time). */
export async function revokeShare(db: Queryable, shareId: string, at: Date): Promise<void> {
  await db
    .update(transcriptShares)
    .set({ revokedAt: at })
    .where(and(eq(transcriptShares.id, shareId), isNull(transcriptShares.revokedAt)));
}

/** The unrevoked share whose token hashes to `tokenHash`. */
export async function activeShareByTokenHash(db: Queryable, tokenHash: string): Promise<ShareRow | undefined> {
  const [share] = await db
    .select()
    .from(transcriptShares)
    .where(and(eq(transcriptShares.tokenHash, tokenHash), isNull(transcriptShares.revokedAt)));
  return share;
}
