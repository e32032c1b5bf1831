import type { PersonSummary, PluginRequestContext } from '@lifelong/core';
import { Forbidden } from '@lifelong/core';

/**
 * Who may read a person's records and transcript: the person, a guardian of theirs while they
 * are a minor, or a holder of `records.read` in the person's region.
 */
export async function canReadPerson(ctx: PluginRequestContext, person: PersonSummary): Promise<boolean> {
  if (ctx.principal.kind === 'person') {
    if (ctx.principal.id === person.id) return true;
    if (person.isMinor && (await ctx.identity.isGuardianOf(ctx.principal.id, person.id))) return true;
  }
  return ctx.can('records.read', { regionId: person.regionId });
}

const READERS_ONLY =
  "Only the person, their guardian while a minor, or a records reader of the person's region may see this.";

export async function requireReadPerson(ctx: PluginRequestContext, person: PersonSummary): Promise<void> {
  if (!(await canReadPerson(ctx, person))) {
    throw Forbidden({ detail: READERS_ONLY });
  }
}

/**
 * The person with this learner number, if the caller may read their records. An unknown number
 * is the same 403 as a person the caller may not read (no existence oracle: a learner number
 * alone never tells whether someone is registered).
 */
export async function readablePerson(ctx: PluginRequestContext, learnerNumber: string): Promise<PersonSummary> {
  const person = await ctx.identity.person(learnerNumber);
  if (!person) throw Forbidden({ detail: READERS_ONLY });
  await requireReadPerson(ctx, person);
  return person;
}

/** Who did something, for audit columns: `person:<id>` or `apiKey:<id>`. */
export const actorId = (ctx: PluginRequestContext): string =>
  ctx.principal.kind === 'anonymous' ? 'anonymous' : `${ctx.principal.kind}:${ctx.principal.id}`;
