// Test helpers: groups built through the core's HTTP API, as people would.
import type { TestPerson, TestPlatform } from '@lifelong/core/testing';
import { expect } from 'vitest';

/** Creates a group with `creator` in its creating role, then adds each member with their role. */
export async function makeGroup(
  t: TestPlatform,
  creator: TestPerson,
  type: 'family' | 'school' | 'collective' | 'interest',
  members: { person: TestPerson; role: string; guardian?: TestPerson }[],
  creatorRole?: string,
): Promise<string> {
  const res = await t.request('/v1/groups', {
    method: 'POST',
    auth: creator.token,
    json: { type, name: `Group ${crypto.randomUUID().slice(0, 8)}`, ...(creatorRole ? { creatorRole } : {}) },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const group = await res.json();
  for (const m of members) {
    const invite = await t.request(`/v1/groups/${group.id}/invitations`, {
      method: 'POST',
      auth: creator.token,
      json: { learnerNumber: m.person.learnerNumber, role: m.role },
    });
    expect(invite.status, await invite.clone().text()).toBe(201);
    const accept = await t.request(`/v1/invitations/${(await invite.json()).id}/accept`, {
      method: 'POST',
      auth: (m.guardian ?? m.person).token,
    });
    expect(accept.status, await accept.clone().text()).toBe(200);
  }
  return group.id;
}
