import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from './index.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

describe('test principals', () => {
  it('are created once, each signed in with the role it names', async () => {
    const p = await t.principals();
    expect(await t.principals()).toBe(p);
    const me = async (auth: string) => (await t.request('/v1/me', { auth })).json();
    expect((await me(p.registrar.token)).roles).toEqual([expect.objectContaining({ role: 'registrar' })]);
    expect((await me(p.otherRegionAdmin.token)).roles[0].scope).toEqual({ type: 'region', id: 'elsewhere' });
    expect((await me(p.institution.key)).roles[0]).toMatchObject({ role: 'issuer', scope: { type: 'institution' } });
    const minor = await (await t.request(`/v1/people/${p.minor.learnerNumber}`, { auth: p.guardian.token })).json();
    expect(minor).toMatchObject({ isMinor: true, status: 'verified' });
  });
});
