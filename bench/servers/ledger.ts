// The platform under test for the ledger figures, in a process of its own so the load generator
// does not share its event loop. Opens BENCH_ACCOUNTS funded POINT accounts, then prints one JSON
// line `{ url, accounts, adminKey }` once listening. Over IPC it accepts `{ grow: n }`: post n
// random transfers between those accounts through the real engine (batches of 8,000, the
// engine's own group commit), to build a history before the growth probes.
import { createLogger, createPlatform, uuidv7 } from '@lifelong/core';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required');
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 1000);
const ADMIN_KEY = 'llk_bench-admin-key-000000000000000000';
const GROW_BATCH = 8000;

const platform = createPlatform({
  env: {},
  settings: {
    databaseUrl,
    port: 0,
    host: '127.0.0.1',
    adminKey: ADMIN_KEY,
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
  amount: 1_000_000_000_000n,
  code: 1,
}));
for (let i = 0; i < funding.length; i += 1000) await ledger.submit(funding.slice(i, i + 1000));

function randomTransfers(count: number) {
  const transfers = [];
  for (let i = 0; i < count; i++) {
    const d = Math.floor(Math.random() * accounts.length);
    const c = (d + 1 + Math.floor(Math.random() * (accounts.length - 1))) % accounts.length;
    transfers.push({
      id: uuidv7(),
      debitAccountId: accounts[d] as string,
      creditAccountId: accounts[c] as string,
      amount: 1n,
      code: 1,
    });
  }
  return transfers;
}

async function grow(count: number): Promise<number> {
  let posted = 0;
  let next = 0;
  // Two batches in flight: one is being decided while the other commits.
  const worker = async () => {
    while (next < count) {
      const size = Math.min(GROW_BATCH, count - next);
      next += size;
      const results = await ledger.submit(randomTransfers(size));
      posted += results.filter((r) => r.status === 'created').length;
    }
  };
  await Promise.all([worker(), worker()]);
  return posted;
}

process.on('message', (message: { grow?: number }) => {
  if (typeof message.grow !== 'number') return;
  grow(message.grow).then(
    (posted) => process.send?.({ posted }),
    (error: unknown) => process.send?.({ error: String(error) }),
  );
});
process.stdout.write(`${JSON.stringify({ url, accounts, adminKey: ADMIN_KEY })}\n`);
process.once('SIGTERM', () => {
  platform.stop().then(() => process.exit(0));
});
