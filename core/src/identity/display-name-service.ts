import { eq } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/record.js';
import { requestTransaction } from '../db/request-transaction.js';
import { ValidationFailed } from '../errors/core-errors.js';
import type { IdentityContext } from './context.js';
import { people } from './schema.js';

/**
 * A person sets (or, with null, clears) the name they are shown by. Only the person: a name
 * others read as theirs is theirs to choose. Audited with keyed hashes of the old and new name,
 * since a display name is public and could be used to pass for someone else.
 */
/** The audit's stand-in for a display name: an HMAC bound to the person, or null for none. */
export function nameDigest(ctx: IdentityContext, personId: string, name: string | null): string | null {
  return name === null ? null : ctx.protector.hmac('audit:display-name', `${personId}:${name}`);
}

export async function setDisplayName(
  ctx: IdentityContext,
  actor: Actor,
  personId: string,
  displayName: string | null,
): Promise<{ displayName: string | null }> {
  if (displayName !== null && displayName.trim() !== displayName) {
    throw ValidationFailed({
      errors: [{ path: '/body/displayName', rule: 'trimmed', message: 'Must not start or end with spaces' }],
    });
  }
  return requestTransaction(ctx.db, async (tx) => {
    const [before] = await tx
      .select({ displayName: people.displayName, regionId: people.regionId })
      .from(people)
      .where(eq(people.id, personId))
      .for('update');
    if (!before) throw new Error(`The signed-in person ${personId} has no row`);
    if (before.displayName === displayName) return { displayName };
    await tx.update(people).set({ displayName }).where(eq(people.id, personId));
    await recordAudit(tx, actor, {
      action: 'person.display-name.changed',
      subjectType: 'person',
      subjectId: personId,
      regionId: before.regionId,
      // Keyed hashes, not the names: an investigator holding the platform key can still confirm
      // "did this person use this name?", and an erased person's names are gone (docs/privacy.md).
      details: { from: nameDigest(ctx, personId, before.displayName), to: nameDigest(ctx, personId, displayName) },
    });
    return { displayName };
  });
}
