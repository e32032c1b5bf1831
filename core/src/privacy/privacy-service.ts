import { and, asc, desc, eq, gt, ne, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/record.js';
import type { Queryable, Transaction } from '../db/database.js';
import { requestTransaction } from '../db/request-transaction.js';
import { Forbidden } from '../errors/core-errors.js';
import { requirePermission } from '../identity/authorize.js';
import type { IdentityContext } from '../identity/context.js';
import { ConflictOfInterest } from '../identity/errors.js';
import { PersonErased } from '../identity/events.js';
import { childrenOf, guardiansOf, isGuardianOf, linkedByGuardianship } from '../identity/guardians.js';
import { assertLearnerNumber, findPerson, type PersonRow } from '../identity/people-service.js';
import { isTombstone, people } from '../identity/schema.js';
import { uuidv7 } from '../ids/uuidv7.js';
import type { NotificationLocale } from '../notifications/notification-ref.js';
import { notify } from '../notifications/notifier.js';
import { corePersonalData } from './core-export.js';
import { eraseFromCore } from './erase-core.js';
import { ErasureAlreadyRequested, ErasureBlocked, ErasureDecided, ErasureRequestNotFound } from './errors.js';
import { ErasureRejected, ErasureRequested } from './notifications.js';
import type { PersonalDataHub, PersonalDataRequest } from './personal-data.js';
import { type ErasureStatus, erasureRequests } from './schema.js';

type RequestRow = typeof erasureRequests.$inferSelect;

export interface PrivacyDeps {
  identity: IdentityContext;
  hub: PersonalDataHub;
}

const NOT_YOURS = 'Only the person, or the guardian of a minor, may do this.';

/** The person themself or a current guardian of the minor; anyone else, unknown numbers included, a 403. */
async function requireSelfOrGuardian(ctx: IdentityContext, db: Queryable, actor: Actor, learnerNumber: string) {
  assertLearnerNumber(learnerNumber);
  const { principal } = actor;
  const person = await findPerson(db, learnerNumber);
  if (principal.kind !== 'person' || !person || isTombstone(person.status)) throw Forbidden({ detail: NOT_YOURS });
  if (principal.id === person.id) return person;
  if (await isGuardianOf(ctx, db, principal.id, person.id)) return person;
  throw Forbidden({ detail: NOT_YOURS });
}

function requestOf(actor: Actor): PersonalDataRequest {
  return { principal: actor.principal, requestId: actor.requestId ?? 'internal' };
}

export function toErasureView(row: RequestRow, learnerNumber: string) {
  return {
    id: row.id,
    learnerNumber,
    regionId: row.regionId,
    status: row.status,
    requestedBy: row.requestedBy === row.personId ? ('self' as const) : ('guardian' as const),
    reason: row.reason,
    requestedAt: row.requestedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionReason: row.decisionReason,
    outcome: row.outcome ?? null,
  };
}

/** The archive of everything held about a person: the core's part and every plugin's, one snapshot. */
export async function exportPersonalData(
  deps: PrivacyDeps,
  actor: Actor,
  learnerNumber: string,
  locale: NotificationLocale,
) {
  const ctx = deps.identity;
  return requestTransaction(ctx.db, async (tx) => {
    // One moment for every section: later writes in other transactions are not seen half-way.
    await tx.execute(sql`set transaction isolation level repeatable read`);
    const person = await requireSelfOrGuardian(ctx, tx, actor, learnerNumber);
    const core = await corePersonalData(tx, ctx.notifications, person, locale);
    const plugins = await deps.hub.export(tx, person.id, requestOf(actor));
    await recordAudit(tx, actor, {
      action: 'person.data.exported',
      subjectType: 'person',
      subjectId: person.id,
      regionId: person.regionId,
      details: { plugins: Object.keys(plugins).length },
    });
    return {
      format: 'lifelong.personal-data' as const,
      formatVersion: 1 as const,
      exportedAt: ctx.now().toISOString(),
      learnerNumber: person.learnerNumber,
      core,
      plugins,
    };
  });
}

/** Minors who would lose this guardian: a guardian is erased only once their wards have others or are adults. */
async function refuseIfGuardianOfMinors(ctx: IdentityContext, db: Queryable, person: PersonRow) {
  const wards = await childrenOf(ctx, db, person.id);
  const alone = [];
  for (const ward of wards) if ((await guardiansOf(ctx, db, ward.id)).length <= 1) alone.push(ward);
  if (alone.length > 0) {
    throw ErasureBlocked({
      detail: `This person is the only guardian of ${alone.length} minor(s): a registrar adds another guardian first.`,
      extensions: { reason: 'guardianOfMinors' },
    });
  }
}

export async function requestErasure(
  ctx: IdentityContext,
  actor: Actor,
  learnerNumber: string,
  body: { reason?: string | undefined },
) {
  return requestTransaction(ctx.db, async (tx) => {
    const person = await requireSelfOrGuardian(ctx, tx, actor, learnerNumber);
    await refuseIfGuardianOfMinors(ctx, tx, person);
    // One pending request per person; the row lock makes two concurrent requests queue here.
    await tx.select({ id: people.id }).from(people).where(eq(people.id, person.id)).for('update');
    const [pending] = await tx
      .select({ id: erasureRequests.id })
      .from(erasureRequests)
      .where(and(eq(erasureRequests.personId, person.id), eq(erasureRequests.status, 'pending')))
      .limit(1);
    if (pending) throw ErasureAlreadyRequested({ extensions: { requestId: pending.id } });
    const requester = actor.principal.kind === 'person' ? actor.principal.id : person.id;
    const [row] = await tx
      .insert(erasureRequests)
      .values({
        personId: person.id,
        id: uuidv7(),
        regionId: person.regionId,
        requestedBy: requester,
        reason: body.reason ?? null,
        requestedAt: ctx.now(),
      })
      .returning();
    if (!row) throw new Error('unreachable: insert returned no row');
    await recordAudit(tx, actor, {
      action: 'person.erasure.requested',
      subjectType: 'person',
      subjectId: person.id,
      regionId: person.regionId,
      details: { requestId: row.id, by: requester === person.id ? 'self' : 'guardian' },
    });
    const told = [person.id, ...(await guardiansOf(ctx, tx, person.id))];
    await notify(
      tx,
      ctx.notifications,
      'core',
      ErasureRequested,
      told,
      { learnerNumber },
      { regionId: person.regionId, link: '/my-data' },
    );
    return toErasureView(row, person.learnerNumber);
  });
}

export async function listPersonErasureRequests(ctx: IdentityContext, actor: Actor, learnerNumber: string) {
  const person = await requireSelfOrGuardian(ctx, ctx.db, actor, learnerNumber);
  const rows = await ctx.db
    .select()
    .from(erasureRequests)
    .where(eq(erasureRequests.personId, person.id))
    .orderBy(desc(erasureRequests.id));
  return rows.map((row) => toErasureView(row, person.learnerNumber));
}

async function lockRequest(tx: Transaction, person: PersonRow, requestId: string): Promise<RequestRow> {
  const [row] = await tx
    .select()
    .from(erasureRequests)
    .where(and(eq(erasureRequests.personId, person.id), eq(erasureRequests.id, requestId)))
    .for('update');
  if (!row) throw ErasureRequestNotFound();
  if (row.status !== 'pending') throw ErasureDecided({ extensions: { status: row.status } });
  return row;
}

export async function cancelErasure(ctx: IdentityContext, actor: Actor, learnerNumber: string, requestId: string) {
  return requestTransaction(ctx.db, async (tx) => {
    const person = await requireSelfOrGuardian(ctx, tx, actor, learnerNumber);
    await lockRequest(tx, person, requestId);
    const [row] = await tx
      .update(erasureRequests)
      .set({
        status: 'cancelled',
        decidedAt: ctx.now(),
        decidedBy: actor.principal.kind === 'anonymous' ? null : actor.principal.id,
      })
      .where(and(eq(erasureRequests.personId, person.id), eq(erasureRequests.id, requestId)))
      .returning();
    if (!row) throw ErasureRequestNotFound();
    await recordAudit(tx, actor, {
      action: 'person.erasure.cancelled',
      subjectType: 'person',
      subjectId: person.id,
      regionId: person.regionId,
      details: { requestId },
    });
    return toErasureView(row, person.learnerNumber);
  });
}

/** The officers' queue: the region's requests in one status, oldest first, never the caller's own. */
export async function listErasureQueue(
  ctx: IdentityContext,
  actor: Actor,
  regionId: string,
  status: ErasureStatus,
  page: { limit: number; after?: string | undefined },
) {
  requirePermission(actor.principal, 'people.erase', { regionId });
  const self = actor.principal.kind === 'person' ? actor.principal.id : undefined;
  return ctx.db
    .select({ request: erasureRequests, learnerNumber: people.learnerNumber })
    .from(erasureRequests)
    .innerJoin(people, eq(people.id, erasureRequests.personId))
    .where(
      and(
        eq(erasureRequests.regionId, regionId),
        eq(erasureRequests.status, status),
        self ? ne(erasureRequests.personId, self) : undefined,
        page.after ? gt(erasureRequests.id, page.after) : undefined,
      ),
    )
    .orderBy(asc(erasureRequests.id))
    .limit(page.limit + 1);
}

/**
 * Approves (and carries out) or declines an erasure. Approval erases the core's part and every
 * plugin's in this one transaction: a refusal anywhere (a plugin's 409, a conflict) leaves
 * everything as it was.
 */
export async function decideErasure(
  deps: PrivacyDeps,
  actor: Actor,
  learnerNumber: string,
  requestId: string,
  body: { decision: 'approve' | 'reject'; reason: string },
) {
  const ctx = deps.identity;
  assertLearnerNumber(learnerNumber);
  return requestTransaction(ctx.db, async (tx) => {
    const person = await findPerson(tx, learnerNumber);
    if (!person) {
      requirePermission(actor.principal, 'people.erase');
      throw ErasureRequestNotFound();
    }
    requirePermission(actor.principal, 'people.erase', { regionId: person.regionId });
    const { principal } = actor;
    if (principal.kind === 'person') {
      if (principal.id === person.id) {
        throw ConflictOfInterest({ detail: 'You may not decide on your own erasure: ask another officer.' });
      }
      if (await linkedByGuardianship(tx, principal.id, person.id)) {
        throw ConflictOfInterest({ detail: 'You may not decide on a person linked to you by guardianship.' });
      }
    }
    await lockRequest(tx, person, requestId);
    const now = ctx.now();
    const decidedBy = principal.kind === 'anonymous' ? null : principal.id;
    if (body.decision === 'reject') {
      const [row] = await tx
        .update(erasureRequests)
        .set({ status: 'rejected', decidedBy, decisionReason: body.reason, decidedAt: now })
        .where(and(eq(erasureRequests.personId, person.id), eq(erasureRequests.id, requestId)))
        .returning();
      if (!row) throw ErasureRequestNotFound();
      await recordAudit(tx, actor, {
        action: 'person.erasure.rejected',
        subjectType: 'person',
        subjectId: person.id,
        regionId: person.regionId,
        details: { requestId, reason: body.reason },
      });
      const told = [person.id, ...(await guardiansOf(ctx, tx, person.id))];
      await notify(
        tx,
        ctx.notifications,
        'core',
        ErasureRejected,
        told,
        { learnerNumber, reason: body.reason },
        {
          regionId: person.regionId,
          link: '/my-data',
        },
      );
      return toErasureView(row, person.learnerNumber);
    }
    await refuseIfGuardianOfMinors(ctx, tx, person);
    const outcome = {
      core: await eraseFromCore(tx, person.id, now),
      ...(await deps.hub.erase(tx, person.id, requestOf(actor))),
    };
    const [row] = await tx
      .update(erasureRequests)
      .set({ status: 'approved', decidedBy, decisionReason: body.reason, decidedAt: now, outcome })
      .where(and(eq(erasureRequests.personId, person.id), eq(erasureRequests.id, requestId)))
      .returning();
    if (!row) throw ErasureRequestNotFound();
    await recordAudit(tx, actor, {
      action: 'person.erasure.approved',
      subjectType: 'person',
      subjectId: person.id,
      regionId: person.regionId,
      details: { requestId, reason: body.reason, outcome },
    });
    await ctx.emit(tx, PersonErased, { personId: person.id, regionId: person.regionId });
    return toErasureView(row, person.learnerNumber);
  });
}
