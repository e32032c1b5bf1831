import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../audit/record.js';
import { recordAudit } from '../audit/record.js';
import type { Queryable } from '../db/database.js';
import { requestTransaction } from '../db/request-transaction.js';
import { uuidv7 } from '../ids/uuidv7.js';
import { regions } from '../regions/schema.js';
import { isAllowed, isPlatformAdmin } from './authorize.js';
import type { IdentityContext } from './context.js';
import { GrantRefused, RoleGrantNotFound, UnknownInstitution, UnknownRegion } from './errors.js';
import { assertLearnerNumber, requireActivePerson } from './people-service.js';
import { REGION_GRANTABLE_ROLES, type Role } from './roles.js';
import { institutions, roleGrants } from './schema.js';

export type GrantScopeInput =
  | { type: 'platform' }
  | { type: 'region'; id: string }
  | { type: 'institution'; id: string }
  | { type: 'group'; id: string };

export type RoleGrantRow = typeof roleGrants.$inferSelect;

/** The region a scope lies in (platform: none), checking that the region or institution exists. */
async function regionOfScope(db: Queryable, scope: GrantScopeInput): Promise<string | undefined> {
  if (scope.type === 'region') {
    const [row] = await db.select({ id: regions.id }).from(regions).where(eq(regions.id, scope.id)).limit(1);
    if (!row) throw UnknownRegion();
    return row.id;
  }
  if (scope.type === 'institution') {
    const [row] = await db
      .select({ regionId: institutions.regionId })
      .from(institutions)
      .where(eq(institutions.id, scope.id))
      .limit(1);
    if (!row) throw UnknownInstitution();
    return row.regionId;
  }
  return undefined;
}

/** Platform admins grant anything; region admins grant the region roles within their region. */
async function assertMayGrant(
  db: Queryable,
  actor: Actor,
  role: Role,
  scope: GrantScopeInput,
): Promise<string | undefined> {
  const regionId = await regionOfScope(db, scope);
  if (isPlatformAdmin(actor.principal)) return regionId;
  if (!regionId || !REGION_GRANTABLE_ROLES.includes(role) || !isAllowed(actor.principal, 'roles.grant', { regionId })) {
    throw GrantRefused({ detail: `You may not grant "${role}" in this scope.` });
  }
  return regionId;
}

export async function grantRole(
  ctx: IdentityContext,
  actor: Actor,
  learnerNumber: string,
  role: Role,
  scope: GrantScopeInput,
): Promise<RoleGrantRow> {
  assertLearnerNumber(learnerNumber);
  return requestTransaction(ctx.db, async (tx) => {
    const person = await requireActivePerson(tx, learnerNumber);
    const regionId = await assertMayGrant(tx, actor, role, scope);
    const scopeId = scope.type === 'platform' ? null : scope.id;
    const [existing] = await tx
      .select()
      .from(roleGrants)
      .where(
        and(
          eq(roleGrants.personId, person.id),
          eq(roleGrants.role, role),
          eq(roleGrants.scopeType, scope.type),
          scopeId === null ? isNull(roleGrants.scopeId) : eq(roleGrants.scopeId, scopeId),
          isNull(roleGrants.revokedAt),
        ),
      )
      .limit(1);
    if (existing) return existing;
    const [row] = await tx
      .insert(roleGrants)
      .values({
        id: uuidv7(),
        personId: person.id,
        role,
        scopeType: scope.type,
        scopeId,
        grantedBy: actor.principal.kind === 'anonymous' ? 'anonymous' : actor.principal.id,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'role.granted',
      subjectType: 'person',
      subjectId: person.id,
      regionId: regionId ?? person.regionId,
      details: { grantId: row?.id, role, scope },
    });
    return row as RoleGrantRow;
  });
}

export async function listGrants(ctx: IdentityContext, personId: string): Promise<RoleGrantRow[]> {
  return ctx.db
    .select()
    .from(roleGrants)
    .where(and(eq(roleGrants.personId, personId), isNull(roleGrants.revokedAt)))
    .orderBy(roleGrants.id);
}

export async function revokeGrant(
  ctx: IdentityContext,
  actor: Actor,
  learnerNumber: string,
  grantId: string,
): Promise<void> {
  assertLearnerNumber(learnerNumber);
  await requestTransaction(ctx.db, async (tx) => {
    const person = await requireActivePerson(tx, learnerNumber);
    const [grant] = await tx
      .select()
      .from(roleGrants)
      .where(and(eq(roleGrants.id, grantId), eq(roleGrants.personId, person.id), isNull(roleGrants.revokedAt)))
      .limit(1);
    if (!grant) throw RoleGrantNotFound();
    const scope = (
      grant.scopeType === 'platform' ? { type: 'platform' } : { type: grant.scopeType, id: grant.scopeId }
    ) as GrantScopeInput;
    const regionId = await assertMayGrant(tx, actor, grant.role as Role, scope);
    await tx.update(roleGrants).set({ revokedAt: ctx.now() }).where(eq(roleGrants.id, grant.id));
    await recordAudit(tx, actor, {
      action: 'role.revoked',
      subjectType: 'person',
      subjectId: person.id,
      regionId: regionId ?? person.regionId,
      details: { grantId, role: grant.role, scope },
    });
  });
}
