import { Forbidden } from '../../errors/core-errors.js';
import { actorOf, signedIn, signedInPerson } from '../../http/request-context.js';
import { route } from '../../http/route.js';
import type { IdentityContext } from '../context.js';
import { childrenOf } from '../guardians.js';
import { findPersonById, toPersonView } from '../people-service.js';
import { refreshSession, signIn, signOut, signOutEverywhere } from '../sessions-service.js';
import * as contract from './session-contract.js';

export function sessionRoutes(identity: () => IdentityContext, trustProxy: boolean) {
  return [
    route(contract.signIn, async ({ body }, c) => ({
      status: 201,
      body: await signIn(identity(), actorOf(c, trustProxy), body),
    })),
    route(contract.refreshSession, async ({ body }, c) => ({
      status: 201,
      body: await refreshSession(identity(), actorOf(c, trustProxy), body.refreshToken),
    })),
    route(contract.signOut, async (_input, c) => {
      const principal = signedIn(c);
      if (principal.kind !== 'person')
        throw Forbidden({ detail: 'Only session tokens sign out; revoke API keys instead.' });
      await signOut(identity(), principal.sessionId);
      return { status: 204, body: undefined };
    }),
    route(contract.signOutEverywhere, async (_input, c) => {
      const principal = signedIn(c);
      if (principal.kind !== 'person') throw Forbidden({ detail: 'Only people have sessions.' });
      await signOutEverywhere(identity(), actorOf(c), principal.id);
      return { status: 204, body: undefined };
    }),
    route(contract.getMe, async (_input, c) => {
      const principal = signedIn(c);
      const roles = principal.roles.map((g) => ({ role: g.role, scope: g.scope }));
      if (principal.kind === 'apiKey') {
        return { status: 200, body: { kind: 'apiKey' as const, id: principal.id, name: principal.name, roles } };
      }
      const ctx = identity();
      const person = await findPersonById(ctx.db, principal.id);
      return {
        status: 200,
        body: {
          kind: 'person' as const,
          id: principal.id,
          ...(person ? { person: toPersonView(ctx, person) } : {}),
          roles,
        },
      };
    }),
    route(contract.listMyChildren, async (_input, c) => {
      const principal = signedInPerson(c, 'API keys have no children.');
      const ctx = identity();
      const children = await childrenOf(ctx, ctx.db, principal.id);
      return { status: 200, body: { items: children.map((child) => toPersonView(ctx, child)) } };
    }),
  ];
}
