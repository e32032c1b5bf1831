import type { CreditBankRegistrar } from '../config.js';
import * as contract from './contract.js';
import { enterRecord, myRecords, personRecords, recordFor, withdrawRecord } from './service.js';
import { recordView } from './store.js';

/** Declares the records feature's routes: reading records, entering one by hand and withdrawing them. */
export function registerRecords(p: CreditBankRegistrar): void {
  p.route(contract.listRecords, async ({ query }, ctx) => ({ status: 200, body: await myRecords(ctx, query) }));

  p.route(contract.listPersonRecords, async ({ params, query }, ctx) => ({
    status: 200,
    body: await personRecords(ctx, params.learnerNumber, query),
  }));

  p.route(contract.getRecord, async ({ params }, ctx) => ({
    status: 200,
    body: recordView(await recordFor(ctx, params.recordId)),
  }));

  p.route(contract.enterRecord, async ({ params, body }, ctx) => {
    const { status, record } = await enterRecord(ctx, params.learnerNumber, body);
    return status === 'duplicate'
      ? { status: 200, body: recordView(record) }
      : { status: 201, body: recordView(record) };
  });

  p.route(contract.withdrawRecord, async ({ params, body }, ctx) => ({
    status: 200,
    body: recordView(await withdrawRecord(ctx, params.recordId, body.reason)),
  }));
}
