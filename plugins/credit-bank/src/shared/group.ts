import type { GroupSummary, PluginRequestContext } from '@lifelong/core';
import { GroupNotFound, NotAGroupMember, PeopleOnly } from './errors.js';

/**
 * The group (of the request's region) and the signed-in person's role in it; 403 for non-members,
 * 404 for an unknown group or one of another region.
 */
export async function memberOf(
  ctx: PluginRequestContext,
  groupId: string,
): Promise<{ group: GroupSummary; personId: string; role: string }> {
  const personId = ctx.requirePerson(PeopleOnly);
  const group = await ctx.identity.group(groupId);
  if (!group || group.regionId !== ctx.regionId) throw GroupNotFound();
  const role = await ctx.identity.groupRole(group.id, personId);
  if (!role) throw NotAGroupMember();
  return { group, personId, role };
}
