// The ledger engine without HTTP: in-process group commit and big batches on a scratch
// PostgreSQL database. Run by hand: node --import tsx ledger/profile.ts (from bench/;
// DATABASE_URL is an admin connection, default postgres://root@127.0.0.1:5432/test).

import { createLogger, createPlatform, uuidv7 } from '@lifelong/core';
import postgres from 'postgres';

const base = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
const admin = postgres(base, { max: 1, onnotice: () => {} });
await admin.unsafe('drop database if exists lifelong_prof with (force)');
await admin.unsafe('create database lifelong_prof');
await admin.end();
const platform = createPlatform({
  env: {},
  settings: {
    databaseUrl: Object.assign(new URL(base), { pathname: '/lifelong_prof' }).toString(),
    logLevel: 'silent',
    nationalIdHmacKey: Buffer.alloc(32, 1).toString('base64'),
    nationalIdEncryptionKeys: `bench:${Buffer.alloc(32, 2).toString('base64')}`,
  },
  logger: createLogger({ level: 'silent' }),
});
await platform.start({ listen: false });
const db = platform.database.db;
const { ledger } = platform;
const issuance = (await ledger.listAssets(db)).find((a) => a.code === 'POINT')?.issuanceAccountId as string;
const accounts: string[] = [];
for (let i = 0; i < 1000; i++)
  accounts.push((await ledger.createAccount(db, { asset: 'POINT', flags: { debitsMustNotExceedCredits: true } })).id);
await ledger.submit(
  accounts.map((id) => ({ id: uuidv7(), debitAccountId: issuance, creditAccountId: id, amount: 1_000_000n, code: 1 })),
);
const pick = () => {
  const d = Math.floor(Math.random() * 1000);
  const c = (d + 1 + Math.floor(Math.random() * 999)) % 1000;
  return { id: uuidv7(), debitAccountId: accounts[d], creditAccountId: accounts[c], amount: 1n, code: 1 };
};
let t0 = performance.now();
for (let i = 0; i < 200; i++) await ledger.submit([pick()]);
console.log('sequential single ms/tx', (performance.now() - t0) / 200);
t0 = performance.now();
await Promise.all(Array.from({ length: 2000 }, () => ledger.submit([pick()])));
console.log('2000 concurrent singles /s', 2000 / ((performance.now() - t0) / 1000));
for (const size of [1000, 8000]) {
  t0 = performance.now();
  await ledger.submit(Array.from({ length: size }, pick));
  console.log(`batch ${size} ms`, performance.now() - t0);
}
await platform.stop();
const dropper = postgres(base, { max: 1, onnotice: () => {} });
await dropper.unsafe('drop database if exists lifelong_prof with (force)');
await dropper.end();
