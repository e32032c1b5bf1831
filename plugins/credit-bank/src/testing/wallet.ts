// Helpers for the credit bank's tests (not part of the package's entry points).
import type { TestPlatform } from '@lifelong/core/testing';
import { expect } from 'vitest';

/** The signed-in person's wallet as the API shows it. */
export async function wallet(t: TestPlatform, token: string) {
  const res = await t.request('/v1/credit-bank/wallet', { auth: token });
  expect(res.status).toBe(200);
  return (await res.json()) as {
    points: { accountId: string; balance: string; held: string; available: string };
    vouchers: { accountId: string; balance: string; held: string; available: string };
  };
}

/**
 * Mints POINTs into an account as the platform admin, through the core ledger's HTTP API (points
 * normally come from awards, which another part of the credit bank makes).
 */
export async function mintPoints(t: TestPlatform, accountId: string, amount: number): Promise<void> {
  const point = (await t.platform.ledger.listAssets(t.platform.database.db)).find((a) => a.code === 'POINT');
  const res = await t.request('/v1/ledger/transfers', {
    method: 'POST',
    auth: 'admin',
    json: {
      transfers: [
        {
          id: crypto.randomUUID(),
          debitAccountId: point?.issuanceAccountId,
          creditAccountId: accountId,
          amount: String(amount),
          code: 5002,
        },
      ],
    },
  });
  const body = await res.json();
  expect(body.results?.[0]?.status, JSON.stringify(body)).toBe('created');
}

/** Gives the person `amount` POINTs in their wallet. */
export async function givePoints(t: TestPlatform, token: string, amount: number): Promise<void> {
  await mintPoints(t, (await wallet(t, token)).points.accountId, amount);
}

export function expectProblem(res: { status: number; headers: Headers }, status: number): void {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
}
