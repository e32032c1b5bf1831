import type { Context } from 'hono';
import { ValidationFailed } from '../../errors/core-errors.js';
import type { AppEnv } from '../../http/app-env.js';
import { actorOf, signedInPerson } from '../../http/request-context.js';
import { route } from '../../http/route.js';
import type { IdentityContext } from '../context.js';
import { TwoFactorStateConflict } from '../errors.js';
import { checkCredentials, openSession } from '../sessions-service.js';
import {
  confirmEnrolment,
  disableTwoFactor,
  hasSecondFactor,
  renewRecoveryCodes,
  startEnrolment,
  startEnrolmentWithPassword,
  twoFactorStatus,
} from '../two-factor-service.js';
import * as contract from './two-factor-contract.js';

const personOf = (c: Context<AppEnv>) => signedInPerson(c, 'API keys have no second factor.');

const alreadyOn = () =>
  TwoFactorStateConflict({
    detail: 'Two-factor sign-in is already on; turn it off first to enrol another authenticator.',
    extensions: { reason: 'enabled' },
  });

export function twoFactorRoutes(identity: () => IdentityContext, trustProxy: boolean) {
  return [
    route(contract.getTwoFactor, async (_input, c) => ({
      status: 200,
      body: await twoFactorStatus(identity(), personOf(c).id),
    })),
    route(contract.startTwoFactor, async ({ body }, c) => ({
      status: 201,
      body: await startEnrolmentWithPassword(identity(), actorOf(c, trustProxy), personOf(c).id, body.password),
    })),
    route(contract.confirmTwoFactor, async ({ body }, c) => {
      const principal = personOf(c);
      return {
        status: 200,
        body: await confirmEnrolment(identity(), actorOf(c, trustProxy), principal.id, body.code, principal.sessionId),
      };
    }),
    route(contract.disableTwoFactor, async ({ body }, c) => {
      const principal = personOf(c);
      const proofs = [body.code, body.recoveryCode, body.password].filter((p) => p !== undefined);
      if (proofs.length !== 1) {
        throw ValidationFailed({
          errors: [
            {
              path: '/body',
              rule: proofs.length === 0 ? 'required' : 'oneOf',
              message: 'Send exactly one of code, recoveryCode and password',
            },
          ],
        });
      }
      await disableTwoFactor(identity(), actorOf(c, trustProxy), principal.id, body);
      return { status: 204, body: undefined };
    }),
    route(contract.renewRecoveryCodes, async ({ body }, c) => ({
      status: 200,
      body: await renewRecoveryCodes(identity(), actorOf(c, trustProxy), personOf(c).id, body.code),
    })),
    route(contract.startEnrolmentAtSignIn, async ({ body }, c) => {
      const ctx = identity();
      const actor = actorOf(c, trustProxy);
      const account = await checkCredentials(ctx, actor, body);
      if (await hasSecondFactor(ctx.db, account.id)) throw alreadyOn();
      return { status: 201, body: await startEnrolment(ctx, actor, account.id) };
    }),
    route(contract.confirmEnrolmentAtSignIn, async ({ body }, c) => {
      const ctx = identity();
      const actor = actorOf(c, trustProxy);
      const account = await checkCredentials(ctx, actor, body);
      const { recoveryCodes } = await confirmEnrolment(ctx, actor, account.id, body.code);
      return { status: 201, body: { session: await openSession(ctx, actor, account, 'totp'), recoveryCodes } };
    }),
  ];
}
