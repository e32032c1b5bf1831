// The platform under test, in a process of its own so the load generator does not share its
// event loop. Prints one JSON line `{ url, accounts }` once it is listening with funded accounts.

import { uuidv7 } from '../../core/src/ids/uuidv7.js';
import { createLogger, createPlatform } from '../../core/src/index.js';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required');
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 1000);

const platform = createPlatform({
  env: {},
  settings: {
    databaseUrl,
    port: 0,
    host: '127.0.0.1',
    adminKey: 'llk_bench-admin-key-000000000000000000',
    bodyLimitBytes: 16 * 1024 * 1024,
    logLevel: 'silent',
    nationalIdHmacKey: Buffer.alloc(32, 1).toString('base64'),
    nationalIdEncryptionKeys: `bench:${Buffer.alloc(32, 2).toString('base64')}`,
  },
  logger: createLogger({ level: 'silent' }),
});
const { url } = await platform.start();
const db = platform.database.db;
const { ledger } = platform;
const issuance = (await ledger.listAssets(db)).find((a) => a.code === 'POINT')?.issuanceAccountId as string;
const accounts: string[] = [];
for (let i = 0; i < ACCOUNTS; i++) {
  const account = await ledger.createAccount(db, {
    asset: 'POINT',
    owner: { type: 'platform' },
    flags: { debitsMustNotExceedCredits: true },
  });
  accounts.push(account.id);
}
const funding = accounts.map((id) => ({
  id: uuidv7(),
  debitAccountId: issuance,
  creditAccountId: id,
  amount: 1_000_000_000n,
  code: 1,
}));
for (let i = 0; i < funding.length; i += 1000) await ledger.submit(funding.slice(i, i + 1000));
process.stdout.write(`${JSON.stringify({ url, accounts })}\n`);
process.once('SIGTERM', () => {
  platform.stop().then(() => process.exit(0));
});
