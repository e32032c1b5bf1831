import { createTestDatabase, type TestPerson } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, fund, type Harness, harness, ok, START, wallet } from '../test-support.js';

let h: Harness;

const needBody = (bountyPoints = 50) => ({
  title: 'Help me read a payslip',
  description: 'I start my first job next month and want to understand deductions.',
  stage: 'social-in-service',
  bountyPoints,
});

// Needs stay open two days in this region, so the clock can pass a deadline within a session.
const regionConfig = { needDays: 2 };

beforeAll(async () => {
  h = await harness({ regionConfig });
});
afterAll(() => h.t.close());

async function asker(points = 100) {
  const person = await h.t.person({ verified: true });
  await fund(h, person, points);
  return person;
}

async function needWithOffer(by: TestPerson, bounty = 50) {
  const need = await ok(await h.call('POST', '/needs', { auth: by.token, json: needBody(bounty) }), 201);
  const provider = await h.t.person({ verified: true });
  const offer = await ok(
    await h.call('POST', `/needs/${need.id}/offers`, {
      auth: provider.token,
      json: { message: 'I teach payroll basics.' },
    }),
    201,
  );
  return { need, provider, offer };
}

describe('a learning need with a bounty', () => {
  it('escrows the bounty as a pending transfer from the asker’s wallet', async () => {
    const person = await asker(100);
    const need = await ok(await h.call('POST', '/needs', { auth: person.token, json: needBody(60) }), 201);
    expect(need).toMatchObject({ status: 'open', bountyPoints: '60', escrowTransferId: expect.any(String) });
    expect(Date.parse(need.deadline)).toBe(h.clock.now.getTime() + 2 * 86_400_000);
    expect(await wallet(h, person)).toMatchObject({ balance: '100', held: '60', available: '40' });
    const transfer = await ok(await h.t.request(`/v1/ledger/transfers/${need.escrowTransferId}`, { auth: 'admin' }));
    expect(transfer).toMatchObject({ kind: 'pending', amount: '60' });
  });

  it('refuses a bounty the wallet cannot hold, and one outside the region’s range, changing nothing', async () => {
    const person = await asker(30);
    const problem = await expectProblem(
      await h.call('POST', '/needs', { auth: person.token, json: needBody(50) }),
      409,
      'COMMUNITY_INSUFFICIENT_POINTS',
    );
    expect(problem.detail).toContain('50 points');
    const range = await expectProblem(await h.call('POST', '/needs', { auth: person.token, json: needBody(5) }), 400);
    expect(range.errors).toEqual([expect.objectContaining({ path: '/body/bountyPoints', rule: 'minBountyPoints' })]);
    expect(await wallet(h, person)).toMatchObject({ balance: '30', held: '0' });
  });

  it('pays the accepted provider once: a replayed accept pays nothing, another offer is refused', async () => {
    const person = await asker(100);
    const { need, provider, offer } = await needWithOffer(person, 50);
    const second = await h.t.person({ verified: true });
    const other = await ok(
      await h.call('POST', `/needs/${need.id}/offers`, { auth: second.token, json: { message: 'Me too.' } }),
      201,
    );
    const accepted = await ok(
      await h.call('POST', `/needs/${need.id}/offers/${offer.id}/accept`, { auth: person.token }),
    );
    expect(accepted).toMatchObject({ status: 'accepted', acceptedOfferId: offer.id });
    const again = await ok(await h.call('POST', `/needs/${need.id}/offers/${offer.id}/accept`, { auth: person.token }));
    expect(again).toEqual(accepted);
    await expectProblem(
      await h.call('POST', `/needs/${need.id}/offers/${other.id}/accept`, { auth: person.token }),
      409,
      'COMMUNITY_NEED_CLOSED',
    );
    expect(await wallet(h, person)).toMatchObject({ balance: '50', held: '0' });
    expect(await wallet(h, provider)).toMatchObject({ balance: '50' });
    expect(await wallet(h, second)).toMatchObject({ balance: '0' });
    await expectProblem(
      await h.call('POST', `/needs/${need.id}/withdrawal`, { auth: person.token }),
      409,
      'COMMUNITY_NEED_CLOSED',
    );
  });

  it('pays once when 20 accepts race', async () => {
    const person = await asker(100);
    const { need, provider, offer } = await needWithOffer(person, 40);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        h.call('POST', `/needs/${need.id}/offers/${offer.id}/accept`, { auth: person.token }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(await wallet(h, person)).toMatchObject({ balance: '60', held: '0' });
    expect(await wallet(h, provider)).toMatchObject({ balance: '40' });
  });

  it('does not let the asker answer their own need, nor anyone offer twice', async () => {
    const person = await asker(100);
    const { need, provider } = await needWithOffer(person);
    await expectProblem(
      await h.call('POST', `/needs/${need.id}/offers`, { auth: person.token, json: { message: 'Myself' } }),
      403,
      'CONFLICT_OF_INTEREST',
    );
    await expectProblem(
      await h.call('POST', `/needs/${need.id}/offers`, { auth: provider.token, json: { message: 'Again' } }),
      409,
      'COMMUNITY_ALREADY_OFFERED',
    );
    const mine = await ok(await h.call('GET', `/needs/${need.id}/offers`, { auth: provider.token }));
    expect(mine.items).toHaveLength(1);
    const all = await ok(await h.call('GET', `/needs/${need.id}/offers`, { auth: person.token }));
    expect(all.items).toHaveLength(1);
  });

  it('refunds a withdrawn need, once', async () => {
    const person = await asker(100);
    const { need, offer } = await needWithOffer(person, 70);
    const withdrawn = await ok(await h.call('POST', `/needs/${need.id}/withdrawal`, { auth: person.token }));
    expect(withdrawn.status).toBe('withdrawn');
    await ok(await h.call('POST', `/needs/${need.id}/withdrawal`, { auth: person.token }));
    expect(await wallet(h, person)).toMatchObject({ balance: '100', held: '0', available: '100' });
    await expectProblem(
      await h.call('POST', `/needs/${need.id}/offers/${offer.id}/accept`, { auth: person.token }),
      409,
      'COMMUNITY_NEED_CLOSED',
    );
  });

  it('refunds at the deadline, not a second before, through the expiry job (safe to run twice)', async () => {
    const person = await asker(100);
    const { need, offer } = await needWithOffer(person, 30);
    h.clock.now = new Date(Date.parse(need.deadline) - 1000);
    await h.t.runJob('community', 'expire-needs');
    expect((await ok(await h.call('GET', `/needs/${need.id}`))).status).toBe('open');
    h.tick(1);
    // At the deadline it cannot be accepted any more, even before the job ran.
    await expectProblem(
      await h.call('POST', `/needs/${need.id}/offers/${offer.id}/accept`, { auth: person.token }),
      409,
      'COMMUNITY_NEED_CLOSED',
    );
    await h.t.runJob('community', 'expire-needs');
    await h.t.runJob('community', 'expire-needs');
    expect((await ok(await h.call('GET', `/needs/${need.id}`))).status).toBe('expired');
    expect(await wallet(h, person)).toMatchObject({ balance: '100', held: '0' });
  });
});

describe('across a restart', () => {
  it('keeps the escrow and refunds it when the need expires after the platform started again', async () => {
    const database = await createTestDatabase();
    const clock = { now: new Date(START) };
    const first = await harness({ regionConfig, database, clock });
    const person = await first.t.person({ verified: true });
    await fund(first, person, 80);
    const { id: need } = await ok(await first.call('POST', '/needs', { auth: person.token, json: needBody(80) }), 201);
    await first.t.close();

    const second = await harness({ regionConfig, database, clock });
    try {
      expect(await wallet(second, person)).toMatchObject({ held: '80', available: '0' });
      clock.now = new Date(START.getTime() + 3 * 86_400_000);
      await second.t.runJob('community', 'expire-needs');
      expect((await ok(await second.call('GET', `/needs/${need}`))).status).toBe('expired');
      expect(await wallet(second, person)).toMatchObject({ balance: '80', held: '0', available: '80' });
    } finally {
      await second.t.close();
      await database.close();
    }
  });
});
