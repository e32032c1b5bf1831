import { afterIdCursor, type Queryable, toPage, uuidv7 } from '@lifelong/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { type EvidenceRow, type EvidenceVersionRow, evidence, evidenceVersions } from '../shared/schema.js';
import type { Evidence } from './schemas.js';

const versionView = (v: EvidenceVersionRow) => ({
  version: v.version,
  text: v.text,
  indicatorCodes: v.indicatorCodes,
  file:
    v.fileSha256 && v.contentType && v.size !== null
      ? { sha256: v.fileSha256, contentType: v.contentType, size: v.size }
      : null,
  createdBy: v.createdBy,
  createdAt: v.createdAt.toISOString(),
});

export const evidenceView = (row: EvidenceRow, versions: EvidenceVersionRow[]): Evidence => ({
  id: row.id,
  kind: row.kind as Evidence['kind'],
  title: row.title,
  latestVersion: row.latestVersion,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  versions: versions.map(versionView),
});

export async function insertEvidence(
  db: Queryable,
  values: Omit<typeof evidence.$inferInsert, 'id' | 'latestVersion'>,
) {
  const [row] = await db
    .insert(evidence)
    .values({ id: uuidv7(), latestVersion: 0, ...values })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** The item, locked for a new version (null when it is not the engagement's). */
export async function evidenceRow(db: Queryable, engagementId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(evidence)
    .where(and(eq(evidence.engagementId, engagementId), eq(evidence.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** Appends the next version and moves the item's latest version to it. */
export async function addVersion(
  db: Queryable,
  item: EvidenceRow,
  values: Omit<typeof evidenceVersions.$inferInsert, 'engagementId' | 'evidenceId' | 'version'>,
) {
  const version = item.latestVersion + 1;
  await db
    .insert(evidenceVersions)
    .values({ engagementId: item.engagementId, evidenceId: item.id, version, ...values });
  const [row] = await db
    .update(evidence)
    .set({ latestVersion: version })
    .where(and(eq(evidence.engagementId, item.engagementId), eq(evidence.id, item.id)))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

export const versionsOf = (db: Queryable, engagementId: string, evidenceId: string) =>
  db
    .select()
    .from(evidenceVersions)
    .where(and(eq(evidenceVersions.engagementId, engagementId), eq(evidenceVersions.evidenceId, evidenceId)))
    .orderBy(asc(evidenceVersions.version));

export async function versionRow(db: Queryable, engagementId: string, evidenceId: string, version: number) {
  const [row] = await db
    .select()
    .from(evidenceVersions)
    .where(
      and(
        eq(evidenceVersions.engagementId, engagementId),
        eq(evidenceVersions.evidenceId, evidenceId),
        eq(evidenceVersions.version, version),
      ),
    );
  return row ?? null;
}

export async function evidencePage(db: Queryable, engagementId: string, limit: number, cursor: string | undefined) {
  const rows = await db
    .select()
    .from(evidence)
    .where(and(eq(evidence.engagementId, engagementId), afterIdCursor(evidence.id, cursor)))
    .orderBy(evidence.id)
    .limit(limit + 1);
  const ids = rows.map((r) => r.id);
  const latest = ids.length
    ? await db
        .select()
        .from(evidenceVersions)
        .where(and(eq(evidenceVersions.engagementId, engagementId), inArray(evidenceVersions.evidenceId, ids)))
    : [];
  return toPage(
    rows,
    limit,
    (r) => ({ id: r.id }),
    (r) =>
      evidenceView(
        r,
        latest.filter((v) => v.evidenceId === r.id && v.version === r.latestVersion),
      ),
  );
}
