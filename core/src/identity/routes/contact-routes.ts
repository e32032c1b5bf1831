import type { Context } from 'hono';
import { ValidationFailed } from '../../errors/core-errors.js';
import type { AppEnv } from '../../http/app-env.js';
import { actorOf, signedInPerson } from '../../http/request-context.js';
import { route } from '../../http/route.js';
import { pickLocale } from '../../notifications/notification-ref.js';
import { listContacts, removeContact, startContactChange, verifyContact } from '../contacts-service.js';
import type { IdentityContext } from '../context.js';
import { confirmPasswordReset, requestPasswordReset } from '../password-reset-service.js';
import * as contract from './contact-contract.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+[1-9][0-9]{6,14}$/;

const personOf = (c: Context<AppEnv>) => signedInPerson(c, 'API keys have no contacts.').id;

/** The value must fit its kind; the schema cannot say so, since the kind is in the path. */
function checkValue(kind: 'email' | 'phone', value: string): void {
  const ok = kind === 'email' ? EMAIL.test(value.trim()) : PHONE.test(value.trim());
  if (!ok) {
    throw ValidationFailed({
      errors: [
        {
          path: '/body/value',
          rule: kind === 'email' ? 'email' : 'e164',
          message: kind === 'email' ? 'Not an email address' : 'Not a mobile number in E.164 form (+8613812345678)',
        },
      ],
    });
  }
}

export function contactRoutes(identity: () => IdentityContext, trustProxy: boolean) {
  const locale = (c: Context<AppEnv>) => pickLocale(c.req.header('accept-language'));
  return [
    route(contract.listContacts, async (_input, c) => ({
      status: 200,
      body: await listContacts(identity(), personOf(c)),
    })),
    route(contract.setContact, async ({ params, body }, c) => {
      const personId = personOf(c);
      checkValue(params.kind, body.value);
      return {
        status: 202,
        body: await startContactChange(identity(), actorOf(c), personId, params.kind, body.value, locale(c)),
      };
    }),
    route(contract.verifyContact, async ({ params, body }, c) => ({
      status: 200,
      body: await verifyContact(identity(), actorOf(c), personOf(c), params.kind, body.code),
    })),
    route(contract.removeContact, async ({ params }, c) => {
      await removeContact(identity(), actorOf(c), personOf(c), params.kind);
      return { status: 204, body: undefined };
    }),
    route(contract.requestPasswordReset, async ({ body }, c) => ({
      status: 202,
      body: await requestPasswordReset(identity(), actorOf(c, trustProxy), body, locale(c)),
    })),
    route(contract.confirmPasswordReset, async ({ body }, c) => ({
      status: 200,
      body: await confirmPasswordReset(identity(), actorOf(c, trustProxy), body),
    })),
  ];
}
