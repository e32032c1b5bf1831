import { randomUUID } from 'node:crypto';
import { call } from './platform-process.js';

export interface Transfer {
  id: string;
  debitAccountId: string;
  creditAccountId: string;
  amount: string;
  code: number;
}

/** Random transfers among `accounts`, half of them minted from `issuance`. */
export function transferFactory(issuance: string, accounts: readonly string[]) {
  const pick = () => accounts[Math.floor(Math.random() * accounts.length)] as string;
  return (): Transfer => {
    const credit = pick();
    let debit = Math.random() < 0.5 ? issuance : pick();
    while (debit === credit) debit = pick();
    return {
      id: randomUUID(),
      debitAccountId: debit,
      creditAccountId: credit,
      amount: String(1 + Math.floor(Math.random() * 100)),
      code: 1 + Math.floor(Math.random() * 9),
    };
  };
}

/** The outcome of one request of transfers. */
export type Sent =
  | { batch: Transfer[]; acknowledged: true }
  | { batch: Transfer[]; acknowledged: false; reason: string };

/**
 * Sends one batch; acknowledged only on 200 with every result `created` or `exists`. Anything
 * else that is not a network failure or a 503 is a bug, reported as such.
 */
export async function sendBatch(url: string, batch: Transfer[], timeoutMs = 15_000): Promise<Sent> {
  try {
    const res = await call(url, '/v1/ledger/transfers', { method: 'POST', json: { transfers: batch }, timeoutMs });
    if (res.status === 200) {
      const results = (res.body as { results: { id: string; status: string }[] }).results;
      const bad = results.filter((r) => r.status !== 'created' && r.status !== 'exists');
      if (bad.length > 0) throw new Error(`transfers refused: ${JSON.stringify(bad)}`);
      return { batch, acknowledged: true };
    }
    if (res.status === 503) return { batch, acknowledged: false, reason: '503' };
    throw new Error(`unexpected ${res.status}: ${JSON.stringify(res.body)}`);
  } catch (error) {
    if (error instanceof Error && /^(transfers refused|unexpected)/.test(error.message)) throw error;
    return { batch, acknowledged: false, reason: (error as Error).name };
  }
}

/** Expected balance (credits − debits) per account from applied transfers. */
export function expectedBalances(transfers: Iterable<Transfer>): Map<string, bigint> {
  const balances = new Map<string, bigint>();
  for (const t of transfers) {
    const amount = BigInt(t.amount);
    balances.set(t.creditAccountId, (balances.get(t.creditAccountId) ?? 0n) + amount);
    balances.set(t.debitAccountId, (balances.get(t.debitAccountId) ?? 0n) - amount);
  }
  return balances;
}
