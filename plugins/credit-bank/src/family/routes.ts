import type { CreditBankRegistrar } from '../config.js';
import { PeopleOnly } from '../shared/errors.js';
import * as contract from './contract.js';
import { allowanceOf, familyTransferView, listFamilyTransfers, makeFamilyTransfer } from './service.js';

/** Declares the family feature's routes: each hands the request to the service. */
export function registerFamily(p: CreditBankRegistrar): void {
  p.route(contract.createFamilyTransfer, async ({ params, body }, ctx) => ({
    status: 201,
    body: familyTransferView(await makeFamilyTransfer(ctx, params.groupId, body)),
  }));

  p.route(contract.listFamilyTransfers, async ({ params, query }, ctx) => ({
    status: 200,
    body: await listFamilyTransfers(ctx, params.groupId, query),
  }));

  p.route(contract.getFamilyAllowance, async (_input, ctx) => ({
    status: 200,
    body: await allowanceOf(ctx, ctx.requirePerson(PeopleOnly)),
  }));
}
