import { type Queryable, uuidv7 } from '@lifelong/core';
import { and, asc, eq, gt } from 'drizzle-orm';
import { documents } from './schema.js';

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentKey = Pick<DocumentRow, 'lrsId' | 'kind' | 'activityId' | 'agentIfi' | 'registration'>;

const where = (key: DocumentKey) =>
  and(
    eq(documents.lrsId, key.lrsId),
    eq(documents.kind, key.kind),
    eq(documents.activityId, key.activityId),
    eq(documents.agentIfi, key.agentIfi),
    eq(documents.registration, key.registration),
  );

/** The document, locked for the rest of the request (concurrency checks compare its ETag). */
export async function findDocument(
  db: Queryable,
  key: DocumentKey,
  documentId: string,
): Promise<DocumentRow | undefined> {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(where(key), eq(documents.documentId, documentId)))
    .for('update');
  return row;
}

export async function documentIds(db: Queryable, key: DocumentKey, since?: Date): Promise<string[]> {
  const rows = await db
    .select({ documentId: documents.documentId })
    .from(documents)
    .where(and(where(key), since ? gt(documents.updated, since) : undefined))
    .orderBy(asc(documents.documentId))
    .limit(10_000);
  return rows.map((r) => r.documentId);
}

export async function upsertDocument(
  db: Queryable,
  key: DocumentKey,
  values: Pick<DocumentRow, 'documentId' | 'contentType' | 'content' | 'etag' | 'updated'>,
): Promise<void> {
  await db
    .insert(documents)
    .values({ id: uuidv7(), ...key, ...values })
    .onConflictDoUpdate({
      target: [
        documents.lrsId,
        documents.kind,
        documents.activityId,
        documents.agentIfi,
        documents.registration,
        documents.documentId,
      ],
      set: { contentType: values.contentType, content: values.content, etag: values.etag, updated: values.updated },
    });
}

export async function deleteDocuments(db: Queryable, key: DocumentKey, documentId?: string): Promise<void> {
  await db
    .delete(documents)
    .where(and(where(key), documentId === undefined ? undefined : eq(documents.documentId, documentId)));
}
