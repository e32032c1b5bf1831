import { definePlugin } from '@lifelong/core';
import pkg from '../package.json' with { type: 'json' };
import { CreditBankConfig } from './config.js';
import { distribution } from './distribution.js';
import { registerExchange } from './exchange/routes.js';
import { registerFamily } from './family/routes.js';
import { registerImports } from './imports/routes.js';
import { permissions, roles } from './permissions.js';
import { registerPools } from './pools/routes.js';
import { registerProviders } from './providers/routes.js';
import { registerRecognition } from './recognition/routes.js';
import { registerRecords } from './records/routes.js';
import { findRecordOrNull, listRecords } from './records/store.js';
import { creditBankService } from './service.js';
import { accountFor } from './shared/accounts.js';
import { awardForCompletion } from './shared/records/award.js';
import { registerTranscript } from './transcript/routes.js';
import { registerWallet } from './wallet/routes.js';

export { CreditBankConfig } from './config.js';
export * from './events.js';
export * from './schemas.js';
export { type CreditBankService, creditBankService } from './service.js';

/**
 * The credit bank center: every piece of learning a person does becomes a lifelong record, and
 * credits (the record) and points (the wallet) move through the core ledger.
 */
const creditBank = definePlugin({
  id: 'credit-bank',
  version: pkg.version,
  description: 'Learning records, credits and points: awards, recognition, exchange, family transfers, transcripts',
  requires: { core: '^0.1.0' },
  config: CreditBankConfig,
  migrations: new URL('../drizzle', import.meta.url),
  // Where each table goes on a distributed cluster (docs/scale.md), declared next to each table.
  distribution,
  // Learning vouchers: what family transfers convert points into (see family/).
  assets: [{ code: 'VOUCHER', scale: 0 }],
  // Awards mint lifetime credits and spendable points (records/award.ts).
  mints: ['CREDIT', 'POINT'],
  permissions,
  roles,
  register(p) {
    p.provide(creditBankService, (ctx) => ({
      awardForCompletion: (input) => awardForCompletion(ctx, input),
      account: (key) => accountFor(ctx, key),
      record: (recordId) => findRecordOrNull(ctx.db, recordId),
      records: (personId, page) => listRecords(ctx.db, personId, Math.min(page?.limit ?? 100, 500), page?.cursor),
    }));
    registerRecords(p);
    registerRecognition(p);
    registerProviders(p);
    registerImports(p);
    registerTranscript(p);
    registerWallet(p);
    registerExchange(p);
    registerFamily(p);
    registerPools(p);
  },
});

export default creditBank;
