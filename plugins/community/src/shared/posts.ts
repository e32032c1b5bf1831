import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { PostNotFound } from '../errors.js';
import { isModerator } from './members.js';
import type { Post } from './post-schemas.js';
import { type PostRow, posts } from './schema.js';

/** `authorDisplayName`: from `namedPosts`, which asks the core. */
export const postView = (row: PostRow, authorDisplayName: string | null): Post => ({
  id: row.id,
  regionId: row.regionId,
  authorPersonId: row.authorPersonId,
  authorDisplayName,
  kind: row.kind,
  title: row.title,
  body: row.body,
  topics: row.topics,
  status: row.status,
  file:
    row.fileSha256 && row.fileContentType
      ? {
          contentType: row.fileContentType,
          name: row.fileName ?? 'file',
          size: row.fileSize ?? 0,
          sha256: row.fileSha256,
        }
      : null,
  createdAt: row.createdAt.toISOString(),
  publishedAt: row.firstPublishedAt ? row.firstPublishedAt.toISOString() : null,
});

/**
 * Views of posts, each naming its author by the name they chose. Asked without a viewer: the
 * community shows every reader, moderators included, only chosen names, never legal ones.
 */
export async function namedPosts(ctx: Ctx, rows: PostRow[]): Promise<Post[]> {
  const names = await ctx.identity.names(rows.map((row) => row.authorPersonId));
  return rows.map((row) => postView(row, names.get(row.authorPersonId)?.displayName ?? null));
}

export const namedPost = async (ctx: Ctx, row: PostRow) => (await namedPosts(ctx, [row]))[0] as Post;

/** A post of the request's region, whoever may see it (callers check), optionally locked. */
export async function postRow(ctx: Ctx, postId: string, lock = false): Promise<PostRow | null> {
  const query = ctx.db
    .select()
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.regionId, ctx.regionId)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

const notFound = (ctx: Ctx, postId: string) =>
  PostNotFound({ detail: `No post ${postId} you may see in region "${ctx.regionId}".` });

/**
 * The post if the caller may see it: readers (anyone, anonymous too) a published one, its author
 * any of theirs, moderators every one. Anyone else gets the same 404 as for no post at all.
 */
export async function visiblePost(ctx: Ctx, postId: string, lock = false): Promise<PostRow> {
  const row = await postRow(ctx, postId, lock);
  if (!row) throw notFound(ctx, postId);
  if (row.status === 'published') return row;
  if (ctx.principal.kind === 'person' && ctx.principal.id === row.authorPersonId) return row;
  if (await isModerator(ctx)) return row;
  throw notFound(ctx, postId);
}

/** The caller's own post (any status), or 404. */
export async function ownPost(ctx: Ctx, postId: string, lock = false): Promise<PostRow> {
  const row = await postRow(ctx, postId, lock);
  if (!row || ctx.principal.kind !== 'person' || row.authorPersonId !== ctx.principal.id) throw notFound(ctx, postId);
  return row;
}
