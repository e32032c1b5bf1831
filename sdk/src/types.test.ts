import { defineContract } from '@lifelong/core/contract';
import { Type } from '@sinclair/typebox';
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
    expectTypeOf<SignInBody>().toEqualTypeOf<{
      learnerNumber: string;
      password: string;
      code?: string;
      recoveryCode?: string;
    }>();
    expectTypeOf<IssuedSession>().toHaveProperty('refreshToken').toEqualTypeOf<string>();
    expectTypeOf<Me['kind']>().toEqualTypeOf<'person' | 'apiKey'>();
    expectTypeOf(client.people.get).returns.resolves.toEqualTypeOf<Person>();
    expectTypeOf<Person['status']>().toEqualTypeOf<'unverified' | 'verified' | 'rejected' | 'revoked'>();
    expectTypeOf(client.people.guardians.set).returns.resolves.toEqualTypeOf<Guardians>();
    expectTypeOf<RevocationBody['reason']>().toEqualTypeOf<string>();
    expectTypeOf(client.ledger.accounts.get).returns.resolves.toEqualTypeOf<Account>();
    expectTypeOf<Account['kind']>().toEqualTypeOf<'standard' | 'issuance'>();
    expectTypeOf<TransferRequest['amount']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<TransferStatus>().toExtend<string>();
    expectTypeOf<'created'>().toExtend<TransferStatus>();
  });

  it('types the plugin administration module', () => {
    expectTypeOf(client.plugins.list).returns.resolves.toEqualTypeOf<{ items: InstalledPlugin[] }>();
    expectTypeOf(client.regions.plugins.get).returns.resolves.toEqualTypeOf<RegionPluginState>();
    expectTypeOf(client.regions.plugins.set).parameter(0).toEqualTypeOf<{
      regionId: string;
      pluginId: string;
      cascade?: boolean;
      body: RegionPluginUpdate;
    }>();
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
      void client.people.register({ body: misnamed });
      // @ts-expect-error: `type` must be a known group type.
      void client.groups.create({ body: { type: 'gang', name: 'x' } });
      // @ts-expect-error: amounts are decimal strings, not numbers.
      void client.ledger.transfers.create({ body: { transfers: [{ id: 'x', code: 1, amount: 5 }] } });
      // @ts-expect-error: sign-in needs a password.
      void client.sessions.create({ body: { learnerNumber: 'L1' } });
      // @ts-expect-error: an account owner's type is one of the known owner types.
      void client.ledger.accounts.open({ body: { asset: 'POINT', owner: { type: 'club', id: 'x' } } });
      // @ts-expect-error: a region's plugin state needs `enabled`.
      void client.regions.plugins.set({ regionId: 'default', pluginId: 'notes', body: { config: {} } });
      // @ts-expect-error: `enabled` is a boolean, not a string.
      void client.regions.plugins.set({ regionId: 'default', pluginId: 'notes', body: { enabled: 'yes' } });
      // @ts-expect-error: the path parameter is required.
      void client.people.get({});
    }
  });

  it('types plugin clients by id', () => {
    const add = defineContract({
      operationId: 'notes.add',
      method: 'post',
      path: '/notes',
      summary: 'Add a note',
      access: { authenticated: 'anyone signed in' },
      request: { body: Type.Object({ text: Type.String() }) },
      responses: { 201: { description: 'The note', schema: Type.Object({ id: Type.String() }) } },
    });
    const notes = definePluginClient('sticky-notes', { add });
    const withPlugin = createClient({ baseUrl: 'http://x', plugins: [notes] });
    expectTypeOf(withPlugin.stickyNotes.notes.add).parameter(0).toEqualTypeOf<{ body: { text: string } }>();
    expectTypeOf(withPlugin.stickyNotes.notes.add).returns.resolves.toEqualTypeOf<{ id: string }>();
  });
});
