import { afterIdCursor, toPage } from '@lifelong/core';
import { and, eq } from 'drizzle-orm';
import type { CreditBankRegistrar } from '../config.js';
import { memberOf } from '../shared/group.js';
import { personOf } from '../shared/person.js';
import * as contract from './contract.js';
import { familyTransfers } from './schema.js';
import type { FamilyTransfer } from './schemas.js';
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
  p.route(contract.createFamilyTransfer, async ({ params, body }, ctx) => ({
    status: 201,
    body: view(await makeFamilyTransfer(ctx, params.groupId, body)),
  }));

  p.route(contract.listFamilyTransfers, async ({ params, query }, ctx) => {
    const { group } = await memberOf(ctx, params.groupId);
    const limit = query.limit ?? 50;
    const rows = await ctx.db
      .select()
      .from(familyTransfers)
      .where(and(eq(familyTransfers.groupId, group.id), afterIdCursor(familyTransfers.id, query.cursor)))
      .orderBy(familyTransfers.id)
      .limit(limit + 1);
    return { status: 200, body: toPage(rows, limit, (row) => ({ id: row.id }), view) };
  });

  p.route(contract.getFamilyAllowance, async (_input, ctx) => ({
    status: 200,
    body: await allowanceOf(ctx, personOf(ctx)),
  }));
}
