import { afterIdCursor, toPage } from '@lifelong/core';
import { and, eq } from 'drizzle-orm';
import type { CreditBankRegistrar } from '../config.js';
import { InsufficientFunds, LedgerRefused } from '../wallet/errors.js';
import { memberOf } from '../wallet/group.js';
import { personOf } from '../wallet/person.js';
import { AnnualCapExceeded, InexactConversion, NotAFamily, ReceiverNotYounger } from './errors.js';
import { familyTransfers } from './schema.js';
import {
  FamilyAllowance,
  FamilyGroupParams,
  FamilyTransfer,
  FamilyTransferBody,
  FamilyTransferListQuery,
  FamilyTransferPage,
} from './schemas.js';
import { allowanceOf, type FamilyTransferRow, makeFamilyTransfer } from './transfer.js';

const view = (row: FamilyTransferRow): FamilyTransfer => ({
  id: row.id,
  groupId: row.groupId,
  from: row.fromLearnerNumber,
  to: row.toLearnerNumber,
  points: String(row.points),
  vouchers: String(row.vouchers),
  createdAt: row.createdAt.toISOString(),
});

/** Declares the family feature's routes, handlers and jobs. */
export function registerFamily(p: CreditBankRegistrar): void {
  p.route({
    method: 'post',
    path: '/family/groups/{groupId}/transfers',
    errors: [AnnualCapExceeded, NotAFamily, ReceiverNotYounger, InexactConversion, InsufficientFunds, LedgerRefused],
    summary: 'Convert your points into learning vouchers for a younger member of your family',
    access: { authenticated: 'an adult elder or parent of the family group' },
    request: { params: FamilyGroupParams, body: FamilyTransferBody },
    responses: { 201: { description: 'The transfer', schema: FamilyTransfer } },
    handler: async ({ params, body }, ctx) => ({
      status: 201,
      body: view(await makeFamilyTransfer(ctx, params.groupId, body)),
    }),
  });

  p.route({
    method: 'get',
    path: '/family/groups/{groupId}/transfers',
    summary: "The family group's transfers, oldest first",
    access: { authenticated: 'members of the family group' },
    request: { params: FamilyGroupParams, query: FamilyTransferListQuery },
    responses: { 200: { description: 'A page of transfers', schema: FamilyTransferPage } },
    handler: async ({ params, query }, ctx) => {
      const { group } = await memberOf(ctx, params.groupId);
      const limit = query.limit ?? 50;
      const rows = await ctx.db
        .select()
        .from(familyTransfers)
        .where(and(eq(familyTransfers.groupId, group.id), afterIdCursor(familyTransfers.id, query.cursor)))
        .orderBy(familyTransfers.id)
        .limit(limit + 1);
      return { status: 200, body: toPage(rows, limit, (row) => ({ id: row.id }), view) };
    },
  });

  p.route({
    method: 'get',
    path: '/family/allowance',
    summary: 'What you converted for family members this year, the cap and the rate in this region',
    access: { authenticated: 'a signed-in person, for their own allowance' },
    responses: { 200: { description: 'The allowance', schema: FamilyAllowance } },
    handler: async (_input, ctx) => ({ status: 200, body: await allowanceOf(ctx, personOf(ctx)) }),
  });
}
