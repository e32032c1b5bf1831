import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ScratchDatabase, scratchDatabase } from '../support/database.js';
import { expectedBalances, type Sent, sendBatch, type Transfer, transferFactory } from '../support/ledger-load.js';
import { call, type PlatformProcess, platformEnv, runCli, startPlatform } from '../support/platform-process.js';

/**
 * Crash: a real `lifelong start` process under concurrent transfer load is killed with SIGKILL at
 * a random moment, several times; after each restart the client retries every unacknowledged
 * request with the same transfer ids and bodies. Then every transfer must be stored exactly once,
 * the balances must match, and `lifelong ledger verify` must pass.
 */
const KILLS = 3;
const WORKERS = 16;
const ACCOUNTS = 8;

let db: ScratchDatabase;
let platform: PlatformProcess | undefined;

beforeAll(async () => {
  db = await scratchDatabase('lifelong_rel_crash');
});
afterAll(async () => {
  platform?.child.kill('SIGKILL');
  await platform?.exited;
  await db?.drop();
});

it('keeps every acknowledged and every retried transfer exactly once across SIGKILLs', async () => {
  const env = platformEnv(db.url);
  platform = await startPlatform(env);
  const [asset] = await db.sql<{ id: string }[]>`
    select issuance_account_id as id from core.ledger_assets where code = 'CREDIT'`;
  const issuance = asset?.id as string;
  const accounts: string[] = [];
  for (let i = 0; i < ACCOUNTS; i++) {
    const res = await call(platform.url, '/v1/ledger/accounts', { method: 'POST', json: { asset: 'CREDIT' } });
    expect(res.status).toBe(201);
    accounts.push((res.body as { id: string }).id);
  }
  const next = transferFactory(issuance, accounts);

  const applied = new Map<string, Transfer>();
  let acknowledged = 0;
  let retried = 0;
  let requests = 0;
  for (let kill = 1; kill <= KILLS; kill++) {
    const url = platform.url;
    let running = true;
    const unacknowledged: Sent[] = [];
    const worker = async () => {
      while (running) {
        // Mostly single transfers (group commit), sometimes a batch of up to 20.
        const size = Math.random() < 0.8 ? 1 : 2 + Math.floor(Math.random() * 19);
        const sent = await sendBatch(url, Array.from({ length: size }, next));
        requests++;
        if (sent.acknowledged) {
          acknowledged += sent.batch.length;
          for (const t of sent.batch) applied.set(t.id, t);
        } else {
          unacknowledged.push(sent);
          // After the kill every request fails: stop this worker.
          if (sent.reason !== '503') return;
        }
      }
    };
    const workers = Array.from({ length: WORKERS }, worker);
    await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 1500));
    platform.child.kill('SIGKILL');
    expect(await platform.exited).toBe('SIGKILL');
    running = false;
    await Promise.all(workers);

    platform = await startPlatform(env);
    for (const sent of unacknowledged) {
      let again = await sendBatch(platform.url, sent.batch);
      for (let attempt = 0; !again.acknowledged && attempt < 10; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        again = await sendBatch(platform.url, sent.batch);
      }
      expect(again.acknowledged, `retry of ${sent.batch[0]?.id} was not acknowledged`).toBe(true);
      retried += sent.batch.length;
      for (const t of sent.batch) applied.set(t.id, t);
    }
    console.log(
      `crash ${kill}/${KILLS}: killed after ${acknowledged} acknowledged transfers so far; ` +
        `${unacknowledged.length} unacknowledged requests retried`,
    );
  }

  // Every transfer is readable, with the body it was sent with.
  for (const t of applied.values()) {
    const res = await call(platform.url, `/v1/ledger/transfers/${t.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: t.id,
      debitAccountId: t.debitAccountId,
      creditAccountId: t.creditAccountId,
      amount: t.amount,
    });
  }
  // Exactly once: no other transfer exists, and each has one debit and one credit entry.
  const [counts] = await db.sql<{ transfers: number; entries: number }[]>`
    select (select count(*)::int from core.ledger_transfers) as transfers,
           (select count(*)::int from core.ledger_entries) as entries`;
  expect(counts).toEqual({ transfers: applied.size, entries: 2 * applied.size });
  for (const [account, balance] of expectedBalances(applied.values())) {
    const res = await call(platform.url, `/v1/ledger/accounts/${account}`);
    expect(res.status).toBe(200);
    expect((res.body as { balance: string }).balance, `balance of ${account}`).toBe(String(balance));
  }

  platform.child.kill('SIGTERM');
  await platform.exited;
  platform = undefined;
  const verify = await runCli(['ledger', 'verify', '--seal'], platformEnv(db.url));
  expect(verify.code, verify.output).toBe(0);
  console.log(
    `crash: ${KILLS} SIGKILLs, ${requests} requests, ${acknowledged} transfers acknowledged under load, ` +
      `${retried} retried after restarts, ${applied.size} stored exactly once; ledger verify passed`,
  );
});
