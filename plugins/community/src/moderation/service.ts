import type { Ctx } from '../context.js';
import { personOf } from '../context.js';
import {
  AlreadyFlagged,
  MemberNotFound,
  PostNotFound,
  SecondModeratorRequired,
  SuspensionNotFound,
  TrustLevelTooLow,
} from '../errors.js';
import { activeMember, bump, howToProgress, logAction, memberOf, requireModerator } from '../shared/members.js';
import { namedPost, namedPosts, postRow, visiblePost } from '../shared/posts.js';
import type { PostRow } from '../shared/schema.js';
import { FLAG_LEVEL, LEVEL_NAMES } from '../shared/trust.js';
import type { SuspensionRow } from './schema.js';
import type { CreateFlagBody, DecisionBody, QueueQuery, SuspensionBody } from './schemas.js';
import {
  closeOpenFlags,
  confirmSuspension,
  insertFlag,
  insertSuspension,
  listActions,
  queuePage,
  suspensionRow,
  updatePost,
} from './store.js';

// Moderation: flags from readers, one review queue, decisions with stated reasons, warnings,
// suspensions by two moderators; every step is written to the moderation log.

export async function flagPost(ctx: Ctx, postId: string, body: CreateFlagBody) {
  const personId = personOf(ctx);
  const member = await activeMember(ctx, personId);
  const now = ctx.now();
  const post = await visiblePost(ctx, postId, true);
  if (post.status !== 'published' && post.status !== 'hidden') {
    throw PostNotFound({ detail: `Post ${postId} is not published; there is nothing to flag.` });
  }
  if (member.trustLevel < FLAG_LEVEL) {
    throw TrustLevelTooLow({
      detail:
        `Flagging needs trust level ${FLAG_LEVEL}; you are at ${member.trustLevel} (${LEVEL_NAMES[member.trustLevel]}). ` +
        howToProgress(member, now, member.trustLevel, 'to flag posts'),
      extensions: { required: FLAG_LEVEL, trustLevel: member.trustLevel },
    });
  }
  await ctx.refuseConflictOfInterest({ action: 'flag this post', personIds: [post.authorPersonId] });
  const flag = await insertFlag(ctx.db, {
    postId: post.id,
    regionId: ctx.regionId,
    flaggerPersonId: personId,
    reason: body.reason,
    note: body.note ?? '',
    status: 'open',
    createdAt: now,
  });
  if (!flag) throw AlreadyFlagged({ detail: `You flagged post ${postId} already; a moderator will decide.` });
  const openFlags = post.openFlags + 1;
  const hide = post.status === 'published' && openFlags >= ctx.config.autoHideFlags;
  const updated = await updatePost(ctx.db, post.id, {
    openFlags,
    ...(hide ? { status: 'hidden' as const, updatedAt: now } : {}),
  });
  if (hide) {
    await logAction(ctx, {
      action: 'post.autoHide',
      actor: null,
      postId: post.id,
      subjectPersonId: post.authorPersonId,
      reason: `${openFlags} open flags (the region hides a post at ${ctx.config.autoHideFlags}) until a moderator decides`,
    });
  }
  return {
    id: flag.id,
    postId: flag.postId,
    reason: flag.reason,
    note: flag.note,
    status: flag.status,
    createdAt: flag.createdAt.toISOString(),
    postStatus: updated.status,
  };
}

export async function reviewQueue(ctx: Ctx, query: QueueQuery) {
  await requireModerator(ctx);
  const page = await queuePage(ctx.db, ctx.regionId, ctx.now(), query.limit ?? 50, query.cursor);
  const views = await namedPosts(
    ctx,
    page.items.map(({ post }) => post),
  );
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ row, post, flags }, i) => ({
      post: views[i] as (typeof views)[number],
      score: Math.round(Number(row.score) * 1000) / 1000,
      openFlags: flags,
      authorTrustLevel: Number(row.trust),
      spamSignals: post.spamSignals,
      waitingSince: new Date(row.waiting_since).toISOString(),
    })),
  };
}

/** A decision on a post, by a moderator who is not its author (nor close to them), with a reason. */
export async function decide(ctx: Ctx, postId: string, body: DecisionBody) {
  const moderator = await requireModerator(ctx);
  const post = await postRow(ctx, postId, true);
  if (!post) throw PostNotFound({ detail: `No post ${postId} in region "${ctx.regionId}".` });
  await ctx.refuseConflictOfInterest({ action: 'moderate this post', personIds: [post.authorPersonId] });
  const updated = await applyDecision(ctx, post, body.action, moderator);
  await logAction(ctx, {
    action: `post.${body.action}`,
    postId: post.id,
    subjectPersonId: post.authorPersonId,
    reason: body.reason,
  });
  return namedPost(ctx, updated);
}

/** Applies approve / hide / remove to a locked post: its status, its open flags, everyone's counters. */
export async function applyDecision(ctx: Ctx, post: PostRow, action: DecisionBody['action'], moderator: string) {
  const now = ctx.now();
  if (action === 'approve') {
    const flaggers = await closeOpenFlags(ctx.db, post.id, 'rejected', now);
    for (const f of flaggers) await bump(ctx.db, f, ctx.regionId, 'flagsRejected', 1, now);
    if (!post.firstPublishedAt) await bump(ctx.db, post.authorPersonId, ctx.regionId, 'postsPublished', 1, now);
    return updatePost(ctx.db, post.id, {
      status: 'published',
      openFlags: 0,
      firstPublishedAt: post.firstPublishedAt ?? now,
      moderatedBy: moderator,
      updatedAt: now,
    });
  }
  const flaggers = await closeOpenFlags(ctx.db, post.id, 'upheld', now);
  for (const f of flaggers) await bump(ctx.db, f, ctx.regionId, 'flagsUpheld', 1, now);
  const wasAgainst = post.status === 'hidden' || post.status === 'removed';
  if (!wasAgainst || flaggers.length > 0) {
    await bump(ctx.db, post.authorPersonId, ctx.regionId, 'upheldFlagsAgainst', 1, now);
  }
  return updatePost(ctx.db, post.id, {
    status: action === 'hide' ? 'hidden' : 'removed',
    openFlags: 0,
    moderatedBy: moderator,
    updatedAt: now,
  });
}

async function subject(ctx: Ctx, personId: string, action: string) {
  const person = await ctx.identity.personById(personId);
  if (!person) throw MemberNotFound({ detail: `No person ${personId}.` });
  await ctx.refuseConflictOfInterest({ action, personIds: [personId] });
  return memberOf(ctx.db, personId, ctx.regionId, ctx.now());
}

export async function warn(ctx: Ctx, personId: string, reason: string) {
  await requireModerator(ctx);
  await subject(ctx, personId, 'warn this person');
  await bump(ctx.db, personId, ctx.regionId, 'warnings', 1, ctx.now());
  await logAction(ctx, { action: 'person.warn', subjectPersonId: personId, reason });
  const member = await memberOf(ctx.db, personId, ctx.regionId, ctx.now());
  return { personId, warnings: member.warnings, reason };
}

const suspensionView = (row: SuspensionRow) => ({
  id: row.id,
  personId: row.personId,
  days: row.days,
  reason: row.reason,
  status: row.status,
  proposedBy: row.proposedBy,
  confirmedBy: row.confirmedBy,
  until: row.confirmedAt ? new Date(row.confirmedAt.getTime() + row.days * 86_400_000).toISOString() : null,
});

export async function proposeSuspension(ctx: Ctx, personId: string, body: SuspensionBody) {
  const moderator = await requireModerator(ctx);
  await subject(ctx, personId, 'suspend this person');
  const row = await insertSuspension(ctx.db, {
    personId,
    regionId: ctx.regionId,
    days: body.days,
    reason: body.reason,
    status: 'proposed',
    proposedBy: moderator,
    confirmedBy: null,
    createdAt: ctx.now(),
    confirmedAt: null,
  });
  await logAction(ctx, { action: 'suspension.propose', subjectPersonId: personId, reason: body.reason });
  return suspensionView(row);
}

/** The second moderator's confirmation puts a suspension in force; the proposer cannot confirm it. */
export async function confirm(ctx: Ctx, suspensionId: string) {
  const moderator = await requireModerator(ctx);
  const row = await suspensionRow(ctx.db, ctx.regionId, suspensionId);
  if (!row) throw SuspensionNotFound({ detail: `No suspension proposal ${suspensionId} in region "${ctx.regionId}".` });
  if (row.status === 'active') return suspensionView(row);
  if (row.proposedBy === moderator) {
    throw SecondModeratorRequired({
      detail: 'You proposed this suspension; another moderator of the region must confirm it.',
    });
  }
  await subject(ctx, row.personId, 'suspend this person');
  const updated = await confirmSuspension(ctx.db, row, moderator, ctx.now());
  await logAction(ctx, { action: 'suspension.confirm', subjectPersonId: row.personId, reason: row.reason });
  return suspensionView(updated);
}

export async function actionLog(ctx: Ctx, query: { limit?: number; cursor?: string }) {
  await requireModerator(ctx);
  return listActions(ctx.db, ctx.regionId, query.limit ?? 50, query.cursor);
}
