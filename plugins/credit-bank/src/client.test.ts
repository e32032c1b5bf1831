import { createTestPlatform, type TestPlatform, type TestPrincipals } from '@lifelong/core/testing';
import { createClient } from '@lifelong/sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import creditBankClient from './client.js';
import creditBank from './index.js';
import { givePoints } from './testing/wallet.js';

// The client module (built from the contracts) through the SDK against a real in-process platform:
// paths, bodies and types line up.
let t: TestPlatform;
let p: TestPrincipals;
beforeAll(async () => {
  t = await createTestPlatform({ plugins: [creditBank] });
  p = await t.principals();
});
afterAll(() => t?.close());

const client = (auth: { token: string } | { apiKey: string }) =>
  createClient({
    baseUrl: 'http://lifelong.test/',
    fetch: (request) => Promise.resolve(t.platform.app.fetch(request)),
    auth,
    plugins: [creditBankClient],
  }).creditBank;

it('accredits, imports, reads records and the transcript, and shares it', async () => {
  const admin = client({ token: p.regionAdmin.token });
  const provider = await admin.providers.create({
    body: { institutionId: p.institution.id, capabilities: ['award'], validFrom: '2020-01-01T00:00:00Z' },
  });
  expect((await admin.providers.get({ providerId: provider.id })).institutionId).toBe(p.institution.id);

  const issuer = client({ apiKey: p.institution.key });
  const rows = [
    {
      externalId: 'sdk-1',
      learnerNumber: p.learner.learnerNumber,
      title: 'Carpentry',
      stage: 'vocational',
      learningOutcomes: [],
      workloadHours: 25,
      assessment: { type: 'practical' },
      form: 'offline',
      completedAt: '2026-02-02T00:00:00Z',
    },
  ];
  // Imports are uploads (JSON or CSV): the file and its media type.
  const job = await issuer.imports.create({
    body: new TextEncoder().encode(JSON.stringify({ rows })),
    contentType: 'application/json',
  });
  expect(job).toMatchObject({ status: 'completed', created: 1 });
  const [row] = (await issuer.imports.rows.list({ importId: job.id })).items;

  const learner = client({ token: p.learner.token });
  const records = [];
  for await (const record of learner.records.list.all()) records.push(record);
  expect(records.map((r) => r.id)).toContain(row?.recordId);
  expect((await learner.people.transcript.get({ learnerNumber: p.learner.learnerNumber })).totals.credits).toBe('10');
  const share = await learner.transcript.shares.create({
    body: { expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
  });
  expect((await learner.sharedTranscripts.get({ token: share.token })).records.items).toHaveLength(1);
  await learner.transcript.shares.revoke({ shareId: share.id });
  await expect(learner.sharedTranscripts.get({ token: share.token })).rejects.toMatchObject({ status: 404 });
});

it('redeems with an idempotency key: the repeated call answers the first redemption and holds nothing twice', async () => {
  const issuer = client({ apiKey: p.institution.key });
  const resource = await issuer.exchange.resources.create({
    body: { kind: 'book', title: 'An atlas', price: '30', stock: 5, institutionId: p.institution.id },
  });
  await givePoints(t, p.learner.token, 100);
  const learner = client({ token: p.learner.token });
  const before = await learner.wallet.get();
  const idempotencyKey = crypto.randomUUID();
  const first = await learner.exchange.redemptions.create({ resourceId: resource.id, body: {} }, { idempotencyKey });
  const again = await learner.exchange.redemptions.create({ resourceId: resource.id, body: {} }, { idempotencyKey });
  expect(again.id).toBe(first.id);
  expect(BigInt((await learner.wallet.get()).points.held) - BigInt(before.points.held)).toBe(30n);
  const mine = [];
  for await (const redemption of learner.exchange.redemptions.list.all()) mine.push(redemption.id);
  expect(mine).toContain(first.id);
  expect((await issuer.exchange.resources.get({ resourceId: resource.id })).stock).toBe(4);
});
