// Compile-time only (never bundled: nothing imports it). Proves the session mirrors in types.ts
// equal the types of core's session routes, read from the route definitions themselves.
import type { Static, TSchema } from '@sinclair/typebox';
import type { RouteDefinition } from '../../core/src/http/route.js';
import type { sessionRoutes } from '../../core/src/identity/routes/session-routes.js';
import type { IssuedSession, Me, SignInBody } from './types.js';

type SessionRoute = ReturnType<typeof sessionRoutes>[number];
type BodyOf<R> =
  R extends RouteDefinition<infer Q, infer _R> ? (Q['body'] extends TSchema ? Static<Q['body']> : never) : never;
type ResponseOf<R, S extends number> =
  R extends RouteDefinition<infer _Q, infer Rs>
    ? S extends keyof Rs
      ? Rs[S]['schema'] extends TSchema
        ? Static<Rs[S]['schema']>
        : never
      : never
    : never;

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;

export type Checks = [
  Assert<Equal<IssuedSession, ResponseOf<SessionRoute, 201>>>,
  Assert<Equal<Me, ResponseOf<SessionRoute, 200>>>,
  Assert<Equal<SignInBody, Extract<BodyOf<SessionRoute>, { password: string }>>>,
];
