import type { Ctx } from '../context.js';
import { personOf } from '../context.js';
import { MemberNotFound } from '../errors.js';
import { isModerator, logAction, memberOf, requireModerator } from '../shared/members.js';
import type { MemberRow } from '../shared/schema.js';
import { LEVEL_NAMES, nextLevel, privileges } from '../shared/trust.js';
import type { SetModeratorBody, SetTrustLevelBody, Standing } from './schemas.js';
import { updateMember } from './store.js';

function standing(ctx: Ctx, m: MemberRow, moderator: boolean): Standing {
  const now = ctx.now();
  return {
    personId: m.personId,
    regionId: m.regionId,
    trustLevel: m.trustLevel,
    levelName: LEVEL_NAMES[m.trustLevel] ?? 'new',
    locked: m.lockedLevel !== null,
    joinedAt: m.joinedAt.toISOString(),
    postsRead: m.postsRead,
    postsPublished: m.postsPublished,
    upheldFlagsAgainst: m.upheldFlagsAgainst,
    warnings: m.warnings,
    suspendedUntil: m.suspendedUntil && m.suspendedUntil > now ? m.suspendedUntil.toISOString() : null,
    moderator,
    privileges: privileges(ctx.config, m.trustLevel),
    next: nextLevel(m, now, m.trustLevel),
  };
}

export async function getStanding(ctx: Ctx) {
  const personId = personOf(ctx);
  const member = await memberOf(ctx.db, personId, ctx.regionId, ctx.now());
  return standing(ctx, member, await isModerator(ctx));
}

/** A person known to the core, or 404 (a malformed or unknown id alike). */
async function knownPerson(ctx: Ctx, personId: string) {
  const person = await ctx.identity.personById(personId);
  if (!person) throw MemberNotFound({ detail: `No person ${personId}.` });
  return person.id;
}

export async function setTrustLevel(ctx: Ctx, personId: string, body: SetTrustLevelBody) {
  await requireModerator(ctx);
  await knownPerson(ctx, personId);
  await ctx.refuseConflictOfInterest({ action: 'set this trust level', personIds: [personId] });
  await memberOf(ctx.db, personId, ctx.regionId, ctx.now());
  await updateMember(ctx.db, personId, ctx.regionId, { lockedLevel: body.level });
  await logAction(ctx, {
    action: body.level === null ? 'trustLevel.unlock' : `trustLevel.lock:${body.level}`,
    reason: body.reason,
    subjectPersonId: personId,
  });
  const member = await memberOf(ctx.db, personId, ctx.regionId, ctx.now());
  return standing(ctx, member, member.isModerator === 1);
}

export async function setModerator(ctx: Ctx, personId: string, body: SetModeratorBody) {
  ctx.require('moderators.manage', { regionId: ctx.regionId });
  await knownPerson(ctx, personId);
  await memberOf(ctx.db, personId, ctx.regionId, ctx.now());
  const member = await updateMember(ctx.db, personId, ctx.regionId, { isModerator: body.moderator ? 1 : 0 });
  await logAction(ctx, {
    action: body.moderator ? 'moderator.appoint' : 'moderator.dismiss',
    reason: body.reason,
    subjectPersonId: personId,
  });
  return standing(ctx, member, body.moderator);
}
