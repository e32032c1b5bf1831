import { Forbidden } from '../../errors/core-errors.js';
import { actorOf, signedIn } from '../../http/request-context.js';
import { defineRoute } from '../../http/route.js';
import type { IdentityContext } from '../context.js';
import { findPersonById, toPersonView } from '../people-service.js';
import { IssuedSession, MeView, RefreshSessionBody, SignInBody } from '../session-schemas.js';
import { refreshSession, signIn, signOut, signOutEverywhere } from '../sessions-service.js';

export function sessionRoutes(identity: () => IdentityContext, trustProxy: boolean) {
  return [
    defineRoute({
      method: 'post',
      path: '/sessions',
      summary: 'Sign in with learner number and password',
      description: 'Repeated failures back off exponentially per account and per address (429 with Retry-After).',
      access: { public: true },
      rateLimit: 'signIn',
      request: {
        body: SignInBody,
      },
      responses: {
        201: { description: 'Signed in', schema: IssuedSession },
        401: { description: 'Wrong learner number or password (never says which)' },
        429: { description: 'Too many failures; see Retry-After' },
      },
      handler: async ({ body }, c) => ({ status: 201, body: await signIn(identity(), actorOf(c, trustProxy), body) }),
    }),
    defineRoute({
      method: 'post',
      path: '/sessions/refresh',
      summary: 'Exchange a refresh token for a new token pair',
      description:
        'Rotates both tokens: the old pair stops working at once. Presenting an already exchanged refresh ' +
        'token again ends the whole session (both pairs) and is audited as `session.refresh-reused`. ' +
        'Counted against the sign-in rate limit of the client address.',
      access: { public: true },
      rateLimit: 'signIn',
      request: {
        body: RefreshSessionBody,
      },
      responses: {
        201: { description: 'A new token pair', schema: IssuedSession },
        401: { description: 'Unknown, expired, revoked or already exchanged refresh token' },
      },
      handler: async ({ body }, c) => ({
        status: 201,
        body: await refreshSession(identity(), actorOf(c, trustProxy), body.refreshToken),
      }),
    }),
    defineRoute({
      method: 'delete',
      path: '/sessions/current',
      summary: 'Sign out of this session',
      description: 'Ends the session whose token is sent; its refresh token stops working too.',
      access: { authenticated: 'a signed-in person (session token)' },
      responses: { 204: { description: 'Signed out' } },
      handler: async (_input, c) => {
        const principal = signedIn(c);
        if (principal.kind !== 'person')
          throw Forbidden({ detail: 'Only session tokens sign out; revoke API keys instead.' });
        await signOut(identity(), principal.sessionId);
        return { status: 204, body: undefined };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/sessions',
      summary: 'Sign out of every session',
      description: 'Ends every session of the signed-in person, this one included.',
      access: { authenticated: 'a signed-in person (session token)' },
      responses: { 204: { description: 'Every session revoked' } },
      handler: async (_input, c) => {
        const principal = signedIn(c);
        if (principal.kind !== 'person') throw Forbidden({ detail: 'Only people have sessions.' });
        await signOutEverywhere(identity(), actorOf(c), principal.id);
        return { status: 204, body: undefined };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/me',
      summary: 'Who am I: the signed-in person or API key, with roles',
      description:
        'The principal behind the bearer token: a person (with their learner number) or an API key, and its role grants with their scopes and permissions.',
      access: { authenticated: 'any signed-in principal' },
      responses: { 200: { description: 'The caller', schema: MeView } },
      handler: async (_input, c) => {
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
      },
    }),
  ];
}
