import { createTestPlatform, type TestPlatform, type TestPrincipals } from '@lifelong/core/testing';
import { createClient } from '@lifelong/sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { creditBankClient } from './client.js';
import creditBank from './index.js';

// The SDK client module against a real in-process platform: paths, bodies and types line up.
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
  }).plugins['credit-bank'];

it('accredits, imports, reads records and the transcript, and shares it', async () => {
  const admin = client({ token: p.regionAdmin.token });
  const provider = await admin.accreditProvider({
    institutionId: p.institution.id,
    capabilities: ['award'],
    validFrom: '2020-01-01T00:00:00Z',
  });
  expect((await admin.provider(provider.id)).institutionId).toBe(p.institution.id);

  const issuer = client({ apiKey: p.institution.key });
  const job = await issuer.importRecords([
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
  ]);
  expect(job).toMatchObject({ status: 'completed', created: 1 });
  const [row] = (await issuer.importRows(job.id).page()).items;

  const learner = client({ token: p.learner.token });
  const records = [];
  for await (const record of learner.records()) records.push(record);
  expect(records.map((r) => r.id)).toContain(row?.recordId);
  expect((await learner.transcript(p.learner.learnerNumber)).totals.credits).toBe('10');
  const share = await learner.shareTranscript({ expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
  expect((await learner.sharedTranscript(share.token)).records.items).toHaveLength(1);
  await learner.revokeTranscriptShare(share.id);
  await expect(learner.sharedTranscript(share.token)).rejects.toMatchObject({ status: 404 });
});
