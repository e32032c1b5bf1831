import { type FieldError, type StagedUpload, sniffContentType, ValidationFailed } from '@lifelong/core';
import type { Ctx } from '../context.js';
import { personOf } from '../context.js';
import { FileMismatch, FileTooLarge, LimitReached, PostNotFound, TrustLevelTooLow } from '../errors.js';
import { activeMember, bump, howToProgress } from '../shared/members.js';
import { namedPost, namedPosts, ownPost, visiblePost } from '../shared/posts.js';
import type { MemberRow } from '../shared/schema.js';
import { FILE_LEVEL, LEVEL_NAMES, privileges } from '../shared/trust.js';
import { blockedTerm, countLinks, NEAR_DUPLICATE, shingles, similarity } from './content.js';
import type { CreatePostBody, PostListQuery } from './schemas.js';
import {
  attachFile,
  filesSince,
  insertPost,
  listPublished,
  oldestPostSince,
  postsSince,
  recentTexts,
  recordRead,
} from './store.js';

const DAY_MS = 86_400_000;

// Publishing by anyone, under the region's content rules and the author's trust level: rules
// broken are 400s naming the field; limits are 429/403s saying the limit and how to progress.

/** The region's content rules: kinds, length, blocked terms; every broken rule named. */
function contentErrors(ctx: Ctx, body: CreatePostBody): FieldError[] {
  const errors: FieldError[] = [];
  const { allowedKinds, maxBodyLength, blockedTerms } = ctx.config;
  if (!allowedKinds.includes(body.kind)) {
    errors.push({
      path: '/body/kind',
      rule: 'allowedKind',
      message: `Region "${ctx.regionId}" accepts ${allowedKinds.join(', ')} posts only.`,
    });
  }
  if (body.body.length > maxBodyLength) {
    errors.push({
      path: '/body/body',
      rule: 'maxBodyLength',
      message: `Region "${ctx.regionId}" allows posts of at most ${maxBodyLength} characters; this one has ${body.body.length}.`,
    });
  }
  for (const field of ['title', 'body'] as const) {
    const term = blockedTerm(body[field], blockedTerms);
    if (term) {
      errors.push({
        path: `/body/${field}`,
        rule: 'contentRule',
        message: `Region "${ctx.regionId}"'s content rules do not allow "${term}".`,
      });
    }
  }
  return errors;
}

function level(member: MemberRow) {
  return `trust level ${member.trustLevel} (${LEVEL_NAMES[member.trustLevel]})`;
}

export async function createPost(ctx: Ctx, body: CreatePostBody) {
  const personId = personOf(ctx);
  const member = await activeMember(ctx, personId);
  const now = ctx.now();
  const errors = contentErrors(ctx, body);
  if (errors.length > 0) throw ValidationFailed({ detail: errors[0]?.message, errors });
  const may = privileges(ctx.config, member.trustLevel);
  const links = countLinks(`${body.title} ${body.body}`);
  if (links > may.linksPerPost) {
    const message =
      `At ${level(member)} a post may hold ${may.linksPerPost} link(s); this one holds ${links}. ` +
      howToProgress(member, now, member.trustLevel, 'to add more links');
    throw ValidationFailed({ detail: message, errors: [{ path: '/body/body', rule: 'linksPerPost', message }] });
  }
  const since = new Date(now.getTime() - DAY_MS);
  const written = await postsSince(ctx.db, personId, ctx.regionId, since);
  if (written >= may.postsPerDay) {
    const oldest = await oldestPostSince(ctx.db, personId, ctx.regionId, since);
    const retryAt = new Date((oldest ?? now).getTime() + DAY_MS).toISOString();
    throw LimitReached({
      detail:
        `At ${level(member)} you may publish ${may.postsPerDay} post(s) in any 24 hours; you published ${written}. ` +
        `Your next post is possible at ${retryAt}. ` +
        howToProgress(member, now, member.trustLevel, 'to publish more a day'),
      extensions: { limit: 'postsPerDay', max: may.postsPerDay, used: written, trustLevel: member.trustLevel, retryAt },
    });
  }
  // Spam heuristics: a near-duplicate of a recent post of the region goes to review first.
  const mine = shingles(`${body.title} ${body.body}`);
  const recent = await recentTexts(ctx.db, ctx.regionId, new Date(now.getTime() - 7 * DAY_MS), 200);
  const signals = recent.some((r) => similarity(mine, shingles(`${r.title} ${r.body}`)) >= NEAR_DUPLICATE)
    ? ['nearDuplicate']
    : [];
  const published = !may.premoderated && signals.length === 0;
  const row = await insertPost(ctx.db, {
    regionId: ctx.regionId,
    authorPersonId: personId,
    kind: body.kind,
    title: body.title,
    body: body.body,
    topics: body.topics ?? [],
    status: published ? 'published' : 'pending',
    spamSignals: signals,
    linkCount: links,
    firstPublishedAt: published ? now : null,
    createdAt: now,
    updatedAt: now,
  });
  if (published) await bump(ctx.db, personId, ctx.regionId, 'postsPublished', 1, now);
  return namedPost(ctx, row);
}

export async function listPosts(ctx: Ctx, query: PostListQuery) {
  const page = await listPublished(ctx.db, ctx.regionId, query.topic, query.limit ?? 50, query.cursor);
  return { ...page, items: await namedPosts(ctx, page.items) };
}

/** A post; a person's first read of someone else's published post counts towards their trust. */
export async function getPost(ctx: Ctx, postId: string) {
  const row = await visiblePost(ctx, postId);
  if (ctx.principal.kind === 'person' && row.status === 'published' && row.authorPersonId !== ctx.principal.id) {
    const now = ctx.now();
    if (await recordRead(ctx.db, row.id, ctx.principal.id, now)) {
      await bump(ctx.db, ctx.principal.id, ctx.regionId, 'postsRead', 1, now);
    }
  }
  return namedPost(ctx, row);
}

/** Attaches a file (the author only): sniffed, within the region's size and the level's daily files. */
export async function attachPostFile(ctx: Ctx, postId: string, upload: StagedUpload, name: string | undefined) {
  const personId = personOf(ctx);
  const row = await ownPost(ctx, postId, true);
  const member = await activeMember(ctx, personId);
  const now = ctx.now();
  if (member.trustLevel < FILE_LEVEL) {
    throw TrustLevelTooLow({ detail: howToProgress(member, now, member.trustLevel, 'to attach files') });
  }
  const sniffed = sniffContentType(upload.head);
  if (sniffed !== upload.contentType) {
    throw FileMismatch({
      detail: `Declared ${upload.contentType}, but the bytes are ${sniffed ?? 'of an unknown type'}.`,
    });
  }
  if (upload.size > ctx.config.maxFileBytes) {
    throw FileTooLarge({
      detail: `Region "${ctx.regionId}" takes files of at most ${ctx.config.maxFileBytes} bytes; this one has ${upload.size}.`,
      extensions: { maxFileBytes: ctx.config.maxFileBytes, size: upload.size },
    });
  }
  const may = privileges(ctx.config, member.trustLevel);
  const since = new Date(now.getTime() - DAY_MS);
  const attached = await filesSince(ctx.db, personId, ctx.regionId, since);
  if (attached >= may.filesPerDay) {
    throw LimitReached({
      detail:
        `At ${level(member)} you may attach ${may.filesPerDay} file(s) in any 24 hours; you attached ${attached}. ` +
        howToProgress(member, now, member.trustLevel, 'to attach more a day'),
      extensions: { limit: 'filesPerDay', max: may.filesPerDay, used: attached, trustLevel: member.trustLevel },
    });
  }
  const stored = await ctx.files.keep(upload);
  const updated = await attachFile(
    ctx.db,
    row.id,
    { sha256: stored.sha256, contentType: sniffed, name: name ?? `${row.kind}-${row.id}`, size: upload.size },
    now,
  );
  return namedPost(ctx, updated);
}

/** The post's file, for whoever may see the post (404 otherwise, and for a post without one). */
export async function fileToServe(ctx: Ctx, postId: string) {
  const row = await visiblePost(ctx, postId);
  if (!row.fileSha256 || !row.fileContentType) throw PostNotFound({ detail: `Post ${postId} has no file.` });
  return {
    sha256: row.fileSha256,
    contentType: row.fileContentType,
    filename: row.fileName ?? 'file',
    disposition: 'attachment' as const,
  };
}
