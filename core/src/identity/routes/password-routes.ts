import { actorOf, signedInPerson } from '../../http/request-context.js';
import { route } from '../../http/route.js';
import type { IdentityContext } from '../context.js';
import { changePassword, setMinorPassword } from '../password-service.js';
import * as contract from './password-contract.js';

export function passwordRoutes(identity: () => IdentityContext, trustProxy: boolean) {
  return [
    route(contract.changePassword, async ({ body }, c) => {
      const principal = signedInPerson(c, 'API keys have no password.');
      return { status: 200, body: await changePassword(identity(), actorOf(c, trustProxy), principal, body) };
    }),
    route(contract.setMinorPassword, async ({ params, body }, c) => {
      const principal = signedInPerson(c, "Only a minor's guardian may set their password.");
      return {
        status: 200,
        body: await setMinorPassword(identity(), actorOf(c), principal.id, params.learnerNumber, body.newPassword),
      };
    }),
  ];
}
