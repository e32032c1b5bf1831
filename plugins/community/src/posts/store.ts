import { afterIdCursor, type Queryable, toPage, uuidv7 } from '@lifelong/core';
import { and, count, desc, eq, gt, isNotNull, sql } from 'drizzle-orm';
import { idKey } from '../context.js';
import { type PostRow, postReads, posts } from '../shared/schema.js';

export async function insertPost(db: Queryable, values: Omit<typeof posts.$inferInsert, 'id'>): Promise<PostRow> {
  const [row] = await db
    .insert(posts)
    .values({ id: uuidv7(), ...values })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** How many posts the author wrote in the region since `since`. */
export async function postsSince(db: Queryable, authorPersonId: string, regionId: string, since: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(posts)
    .where(and(eq(posts.authorPersonId, authorPersonId), eq(posts.regionId, regionId), gt(posts.createdAt, since)));
  return row?.n ?? 0;
}

/** The oldest of the author's posts since `since` (when the window frees a place). */
export async function oldestPostSince(db: Queryable, authorPersonId: string, regionId: string, since: Date) {
  const [row] = await db
    .select({ at: posts.createdAt })
    .from(posts)
    .where(and(eq(posts.authorPersonId, authorPersonId), eq(posts.regionId, regionId), gt(posts.createdAt, since)))
    .orderBy(posts.createdAt)
    .limit(1);
  return row?.at ?? null;
}

/** How many files the author attached in the region since `since`. */
export async function filesSince(db: Queryable, authorPersonId: string, regionId: string, since: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(posts)
    .where(
      and(
        eq(posts.authorPersonId, authorPersonId),
        eq(posts.regionId, regionId),
        isNotNull(posts.fileAttachedAt),
        gt(posts.fileAttachedAt, since),
      ),
    );
  return row?.n ?? 0;
}

/** The region's recent posts' texts (the near-duplicate check compares with them). */
export async function recentTexts(db: Queryable, regionId: string, since: Date, limit: number) {
  return db
    .select({ id: posts.id, title: posts.title, body: posts.body })
    .from(posts)
    .where(and(eq(posts.regionId, regionId), gt(posts.createdAt, since)))
    .orderBy(desc(posts.createdAt))
    .limit(limit);
}

/** The region's published posts, oldest first, optionally of one topic. */
export async function listPublished(
  db: Queryable,
  regionId: string,
  topic: string | undefined,
  limit: number,
  cursor: string | undefined,
) {
  const rows = await db
    .select()
    .from(posts)
    .where(
      and(
        eq(posts.regionId, regionId),
        eq(posts.status, 'published'),
        topic ? sql`${posts.topics} @> ${JSON.stringify([topic])}::jsonb` : undefined,
        afterIdCursor(posts.id, cursor),
      ),
    )
    .orderBy(posts.id)
    .limit(limit + 1);
  return toPage(rows, limit, idKey);
}

/** Records a first read; true when it was the first. */
export async function recordRead(db: Queryable, postId: string, personId: string, at: Date): Promise<boolean> {
  const rows = await db
    .insert(postReads)
    .values({ postId, personId, readAt: at })
    .onConflictDoNothing()
    .returning({ postId: postReads.postId });
  return rows.length > 0;
}

export async function attachFile(
  db: Queryable,
  postId: string,
  file: { sha256: string; contentType: string; name: string; size: number },
  at: Date,
) {
  const [row] = await db
    .update(posts)
    .set({
      fileSha256: file.sha256,
      fileContentType: file.contentType,
      fileName: file.name,
      fileSize: file.size,
      fileAttachedAt: at,
      updatedAt: at,
    })
    .where(eq(posts.id, postId))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}
