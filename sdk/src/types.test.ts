import { describe, expectTypeOf, it } from 'vitest';
import {
  type Account,
  createClient,
  definePluginClient,
  type Guardians,
  type InstalledPlugin,
  type IssuedSession,
  type Me,
  type Person,
  type RegionPluginState,
  type RegionPluginUpdate,
  type RevocationBody,
  type SignInBody,
  type TransferRequest,
  type TransferStatus,
} from './index.js';

// Compiled by `tsc --noEmit` (npm run typecheck): a wrong request body is a compile error.
const client = createClient({ baseUrl: 'http://localhost:3000', fetch: async () => new Response('{}') });

describe('types derived from the server schemas', () => {
  it('types requests and responses', () => {
    expectTypeOf<SignInBody>().toEqualTypeOf<{ learnerNumber: string; password: string }>();
    expectTypeOf<IssuedSession>().toHaveProperty('refreshToken').toEqualTypeOf<string>();
    expectTypeOf<Me['kind']>().toEqualTypeOf<'person' | 'apiKey'>();
    expectTypeOf(client.people.get).returns.resolves.toEqualTypeOf<Person>();
    expectTypeOf<Person['status']>().toEqualTypeOf<'unverified' | 'verified' | 'rejected' | 'revoked'>();
    expectTypeOf(client.people.setGuardians).returns.resolves.toEqualTypeOf<Guardians>();
    expectTypeOf<RevocationBody['reason']>().toEqualTypeOf<string>();
    expectTypeOf(client.ledger.getAccount).returns.resolves.toEqualTypeOf<Account>();
    expectTypeOf<Account['kind']>().toEqualTypeOf<'standard' | 'issuance'>();
    expectTypeOf<TransferRequest['amount']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<TransferStatus>().toExtend<string>();
    expectTypeOf<'created'>().toExtend<TransferStatus>();
  });

  it('types the plugin administration module', () => {
    expectTypeOf(client.admin.plugins.list).returns.resolves.toEqualTypeOf<InstalledPlugin[]>();
    expectTypeOf(client.admin.plugins.get).returns.resolves.toEqualTypeOf<RegionPluginState>();
    expectTypeOf(client.admin.plugins.set).parameter(2).toEqualTypeOf<RegionPluginUpdate>();
    expectTypeOf<RegionPluginUpdate>().toEqualTypeOf<{ enabled: boolean; config?: Record<string, unknown> }>();
    expectTypeOf<InstalledPlugin['regions']>().toEqualTypeOf<{ regionId: string; enabled: boolean }[]>();
  });

  it('rejects wrong bodies at compile time', () => {
    const never = false as boolean;
    if (never) {
      const misnamed = {
        name: 'x',
        dateOfBirth: '2000-01-01',
        nationalId: { scheme: 'CN-RIC', number: '1' },
        password: 'p',
      };
      // @ts-expect-error: `legalName` is required.
      void client.people.register(misnamed);
      // @ts-expect-error: `type` must be a known group type.
      void client.groups.create({ type: 'gang', name: 'x' });
      // @ts-expect-error: amounts are decimal strings, not numbers.
      void client.ledger.transfers([{ id: 'x', code: 1, amount: 5 }]);
      // @ts-expect-error: sign-in needs a password.
      void client.sessions.signIn({ learnerNumber: 'L1' });
      // @ts-expect-error: an account owner's type is one of the known owner types.
      void client.ledger.createAccount({ asset: 'POINT', owner: { type: 'club', id: 'x' } });
      // @ts-expect-error: a region's plugin state needs `enabled`.
      void client.admin.plugins.set('default', 'notes', { config: {} });
      // @ts-expect-error: `enabled` is a boolean, not a string.
      void client.admin.plugins.set('default', 'notes', { enabled: 'yes' });
    }
  });

  it('types plugin clients by id', () => {
    const notes = definePluginClient('notes', (request) => ({
      add: (body: { text: string }) => request<{ id: string }>('POST', '/notes', { body }),
    }));
    const withPlugin = createClient({ baseUrl: 'http://x', plugins: [notes] });
    expectTypeOf(withPlugin.plugins.notes.add).parameter(0).toEqualTypeOf<{ text: string }>();
  });
});
