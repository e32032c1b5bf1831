// Plugin-declared ledger assets (registered at start) and the guardians-of read for plugins.
import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, createTestPlatform, type TestPlatform } from '../testing/index.js';
import { definePlugin } from './define-plugin.js';

const tokens = definePlugin({
  id: 'tokens',
  version: '1.0.0',
  assets: [{ code: 'TOKEN', scale: 0 }],
  register(p) {
    p.route({
      method: 'post',
      path: '/mint/{personId}',
      summary: 'Mint a token to a person',
      access: { authenticated: 'anyone signed in' },
      request: { params: Type.Object({ personId: Type.String() }) },
      responses: { 200: { description: 'The account', schema: Type.Any() } },
      handler: async ({ params }, ctx) => {
        const token = (await ctx.ledger.assets()).find((a) => a.code === 'TOKEN');
        if (!token) throw new Error('TOKEN is not registered');
        const account = await ctx.ledger.createAccount({
          asset: 'TOKEN',
          owner: { type: 'person', id: params.personId },
        });
        const [result] = await ctx.ledger.transfer([
          {
            id: crypto.randomUUID(),
            debitAccountId: token.issuanceAccountId,
            creditAccountId: account.id,
            amount: 3n,
            code: 1,
          },
        ]);
        return {
          status: 200,
          body: { status: result?.status, balance: String((await ctx.ledger.getAccount(account.id))?.creditsPosted) },
        };
      },
    });
    p.route({
      method: 'get',
      path: '/guardians/{personId}',
      summary: 'Guardians of a person',
      access: { authenticated: 'anyone signed in' },
      request: { params: Type.Object({ personId: Type.String() }) },
      responses: { 200: { description: 'Their ids', schema: Type.Array(Type.String()) } },
      handler: async ({ params }, ctx) => ({ status: 200, body: await ctx.identity.guardiansOf(params.personId) }),
    });
  },
});

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ plugins: [tokens] });
});
afterAll(() => t.close());

describe('plugin-declared assets', () => {
  it('are registered at start and take transfers', async () => {
    const assets = await t.platform.ledger.listAssets(t.platform.database.db);
    expect(assets.map((a) => a.code)).toEqual(['CNY', 'CREDIT', 'POINT', 'TOKEN']);
    const person = await t.person();
    const res = await t.request(`/v1/tokens/mint/${person.id}`, { method: 'POST', auth: person.token });
    expect(await res.json()).toEqual({ status: 'created', balance: '3' });
  });

  it('are registered once: a restart with the same declaration keeps the asset; another scale is refused', async () => {
    const database = await createTestDatabase();
    try {
      const first = await createTestPlatform({ database, plugins: [tokens] });
      const before = (await first.platform.ledger.listAssets(database.db)).find((a) => a.code === 'TOKEN');
      await first.close();
      const again = await createTestPlatform({ database, plugins: [tokens] });
      expect((await again.platform.ledger.listAssets(database.db)).find((a) => a.code === 'TOKEN')).toEqual(before);
      await again.close();
      // The same code with another scale would change the meaning of stored amounts.
      const rescaled = definePlugin({
        id: 'tokens',
        version: '1.0.1',
        assets: [{ code: 'TOKEN', scale: 2 }],
        register() {},
      });
      await expect(createTestPlatform({ database, plugins: [rescaled] })).rejects.toThrow(
        /Asset "TOKEN" is registered with scale 0, not 2/,
      );
    } finally {
      await database.close();
    }
  });

  it('refuse a malformed code at start', async () => {
    const bad = definePlugin({
      id: 'bad-asset',
      version: '1.0.0',
      assets: [{ code: 'voucher', scale: 0 }],
      register() {},
    });
    const database = await createTestDatabase();
    try {
      await expect(createTestPlatform({ database, plugins: [bad] })).rejects.toThrow(
        /Plugin "bad-asset" failed to start: Asset .* is invalid/,
      );
    } finally {
      await database.close();
    }
  });
});

describe('guardiansOf', () => {
  it("lists a minor's guardians, nobody for an adult, and nothing for unknown or malformed ids", async () => {
    const { guardian, minor, learner } = await t.principals();
    const ask = async (id: string) => (await t.request(`/v1/tokens/guardians/${id}`, { auth: learner.token })).json();
    expect(await ask(minor.id)).toEqual([guardian.id]);
    expect(await ask(learner.id)).toEqual([]);
    expect(await ask(crypto.randomUUID())).toEqual([]);
    expect(await ask('not-a-uuid')).toEqual([]);
  });
});
