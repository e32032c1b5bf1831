import type { Ctx } from '../context.js';
import { personOf } from '../context.js';
import { AppealClosed, AppealNotFound, PostNotAppealable, PostNotFound, SecondModeratorRequired } from '../errors.js';
import { bump, isModerator, logAction, requireModerator } from '../shared/members.js';
import { ownPost, postRow } from '../shared/posts.js';
import type { AppealRow } from './schema.js';
import type { Appeal, AppealDecisionBody } from './schemas.js';
import {
  appealRow,
  decideAppeal,
  insertAppeal,
  insertMessage,
  messagesOf,
  openAppealOf,
  rejectUpheldFlags,
  republish,
} from './store.js';

// Appeals: the author of a hidden or removed post asks again; author and moderators talk it
// through; a moderator (not the one who decided) upholds or overturns it, stating why.

async function view(ctx: Ctx, row: AppealRow): Promise<Appeal> {
  const messages = await messagesOf(ctx.db, row.postId, row.id);
  return {
    id: row.id,
    postId: row.postId,
    personId: row.personId,
    status: row.status,
    decisionReason: row.decisionReason,
    decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    messages: messages.map((m) => ({
      id: m.id,
      authorPersonId: m.authorPersonId,
      role: m.role,
      body: m.body,
      createdAt: m.createdAt.toISOString(),
    })),
  };
}

export async function createAppeal(ctx: Ctx, postId: string, message: string) {
  const personId = personOf(ctx);
  const post = await ownPost(ctx, postId, true);
  if (post.status !== 'hidden' && post.status !== 'removed') {
    throw PostNotAppealable({ detail: `Post ${postId} is ${post.status}; only hidden or removed posts are appealed.` });
  }
  if (await openAppealOf(ctx.db, post.id)) {
    throw PostNotAppealable({ detail: `Post ${postId} has an open appeal already; add to its dialogue instead.` });
  }
  const now = ctx.now();
  const row = await insertAppeal(ctx.db, {
    postId: post.id,
    regionId: ctx.regionId,
    personId,
    status: 'open',
    decidedBy: null,
    decisionReason: null,
    createdAt: now,
    decidedAt: null,
  });
  await insertMessage(ctx.db, {
    postId: post.id,
    appealId: row.id,
    authorPersonId: personId,
    role: 'author',
    body: message,
    createdAt: now,
  });
  await logAction(ctx, { action: 'appeal.open', postId: post.id, subjectPersonId: personId, reason: message });
  return view(ctx, row);
}

/** The appeal, for its author and the region's moderators; anyone else gets 404. */
async function readableAppeal(ctx: Ctx, appealId: string, lock = false) {
  const row = await appealRow(ctx.db, ctx.regionId, appealId, lock);
  const mine = row && ctx.principal.kind === 'person' && ctx.principal.id === row.personId;
  if (!row || (!mine && !(await isModerator(ctx)))) {
    throw AppealNotFound({ detail: `No appeal ${appealId} you may read in region "${ctx.regionId}".` });
  }
  return { row, role: mine ? ('author' as const) : ('moderator' as const) };
}

export async function getAppeal(ctx: Ctx, appealId: string) {
  return view(ctx, (await readableAppeal(ctx, appealId)).row);
}

export async function addMessage(ctx: Ctx, appealId: string, body: string) {
  const personId = personOf(ctx);
  const { row, role } = await readableAppeal(ctx, appealId, true);
  if (row.status !== 'open')
    throw AppealClosed({ detail: `Appeal ${appealId} was ${row.status}; the dialogue is closed.` });
  await insertMessage(ctx.db, {
    postId: row.postId,
    appealId: row.id,
    authorPersonId: personId,
    role,
    body,
    createdAt: ctx.now(),
  });
  return view(ctx, row);
}

export async function decide(ctx: Ctx, appealId: string, body: AppealDecisionBody) {
  const moderator = await requireModerator(ctx);
  const row = await appealRow(ctx.db, ctx.regionId, appealId, true);
  if (!row) throw AppealNotFound({ detail: `No appeal ${appealId} in region "${ctx.regionId}".` });
  if (row.status !== 'open') throw AppealClosed({ detail: `Appeal ${appealId} was ${row.status} already.` });
  await ctx.refuseConflictOfInterest({ action: 'decide this appeal', personIds: [row.personId] });
  const post = await postRow(ctx, row.postId, true);
  if (!post) throw PostNotFound({ detail: `The post of appeal ${appealId} is gone.` });
  if (post.moderatedBy === moderator) {
    throw SecondModeratorRequired({
      detail: 'You made the decision under appeal; another moderator of the region decides the appeal.',
    });
  }
  const now = ctx.now();
  if (body.outcome === 'overturned') {
    const flaggers = await rejectUpheldFlags(ctx.db, post.id, now);
    for (const f of flaggers) {
      await bump(ctx.db, f, ctx.regionId, 'flagsUpheld', -1, now);
      await bump(ctx.db, f, ctx.regionId, 'flagsRejected', 1, now);
    }
    await bump(ctx.db, post.authorPersonId, ctx.regionId, 'upheldFlagsAgainst', -1, now);
    if (!post.firstPublishedAt) await bump(ctx.db, post.authorPersonId, ctx.regionId, 'postsPublished', 1, now);
    await republish(ctx.db, post, now);
  }
  const updated = await decideAppeal(ctx.db, row, {
    status: body.outcome,
    decidedBy: moderator,
    decisionReason: body.reason,
    decidedAt: now,
  });
  await insertMessage(ctx.db, {
    postId: row.postId,
    appealId: row.id,
    authorPersonId: moderator,
    role: 'moderator',
    body: `Decision: ${body.outcome}. ${body.reason}`,
    createdAt: now,
  });
  await logAction(ctx, {
    action: `appeal.${body.outcome}`,
    postId: row.postId,
    subjectPersonId: row.personId,
    reason: body.reason,
  });
  return view(ctx, updated);
}
