import { createTestPlatform, type TestPerson, type TestPlatform, type TestPrincipals } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import creditBank from '../index.js';
import { probe, seen } from '../testing/probe.js';

let t: TestPlatform;
let p: TestPrincipals;
let verifier: TestPerson;
let wrongVerifier: TestPerson;
let unaccredited: string;
beforeAll(async () => {
  t = await createTestPlatform({
    plugins: [creditBank, probe],
    regions: [
      {
        id: 'default',
        name: 'Default',
        plugins: { 'credit-bank': { config: { recognition: { maxEvidenceBytes: 2000 } } } },
      },
      { id: 'elsewhere', name: 'Elsewhere' },
    ],
  });
  p = await t.principals();
  const admin = async (path: string, json: unknown, method = 'POST') =>
    (await t.request(path, { method, auth: 'admin', json })).json();
  const other = await admin('/v1/institutions', { name: 'Other College', kind: 'school', regionId: 'default' });
  await admin(`/v1/institutions/${other.id}/accreditation`, { status: 'accredited' }, 'PUT');
  unaccredited = (await admin('/v1/institutions', { name: 'Unknown Academy', kind: 'school', regionId: 'default' })).id;
  for (const institutionId of [p.institution.id, other.id]) {
    const res = await t.request('/v1/credit-bank/providers', {
      method: 'POST',
      auth: p.regionAdmin.token,
      json: { institutionId, capabilities: ['award', 'verify'], validFrom: '2020-01-01T00:00:00Z' },
    });
    expect(res.status).toBe(201);
  }
  const verifierOf = (id: string) => t.person({ roles: [{ role: 'registrar', scope: { type: 'institution', id } }] });
  verifier = await verifierOf(p.institution.id);
  wrongVerifier = await verifierOf(other.id);
});
afterAll(() => t?.close());

let fileCounter = 0;
const pdf = () => new TextEncoder().encode(`%PDF-1.7\n% certificate ${++fileCounter} ${Math.random()}\n%%EOF`);
const upload = (bytes: Uint8Array, contentType: string, auth?: string) =>
  t.request('/v1/credit-bank/evidence', {
    method: 'POST',
    body: bytes,
    headers: { 'Content-Type': contentType },
    ...(auth ? { auth } : {}),
  });
const uploaded = async (auth: string, bytes = pdf()) => {
  const res = await upload(bytes, 'application/pdf', auth);
  expect(res.status).toBe(201);
  return (await res.json()).sha256 as string;
};
const call = (method: string, path: string, auth?: string, json?: unknown) =>
  t.request(`/v1/credit-bank${path}`, { method, ...(auth ? { auth } : {}), ...(json !== undefined ? { json } : {}) });

const certificate = (evidence: string[], overrides: Record<string, unknown> = {}) => ({
  issuingInstitutionId: p.institution.id,
  title: `First aid course ${++fileCounter}`,
  stage: 'social-in-service',
  learningOutcomes: ['Gives first aid'],
  workloadHours: 50,
  assessment: { type: 'practical' },
  form: 'offline',
  completedAt: '2026-04-01T00:00:00Z',
  evidence,
  ...overrides,
});
const submit = async (person: TestPerson, overrides: Record<string, unknown> = {}) => {
  const res = await call('POST', '/certificates', person.token, certificate([await uploaded(person.token)], overrides));
  expect(res.status).toBe(201);
  return res.json();
};

describe('evidence upload', () => {
  it('stores a real PDF by its hash', async () => {
    const bytes = pdf();
    const res = await upload(bytes, 'application/pdf', p.learner.token);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ size: bytes.length, contentType: 'application/pdf' });
  });

  it('refuses forged types (415), undeclared types (415), oversize files (413) and anonymous callers (401)', async () => {
    const forged = await upload(pdf(), 'image/png', p.learner.token);
    expect(forged.status).toBe(415);
    expect((await forged.json()).code).toBe('CREDIT_BANK_EVIDENCE_TYPE_MISMATCH');
    expect((await upload(new TextEncoder().encode('MZ binary'), 'application/pdf', p.learner.token)).status).toBe(415);
    expect((await upload(pdf(), 'text/plain', p.learner.token)).status).toBe(415);
    const big = new Uint8Array(3000);
    big.set(new TextEncoder().encode('%PDF-1.7'));
    const oversize = await upload(big, 'application/pdf', p.learner.token);
    expect(oversize.status).toBe(413);
    expect(oversize.headers.get('content-type')).toContain('application/problem+json');
    expect((await upload(pdf(), 'application/pdf')).status).toBe(401);
  });
});

describe('submitting a certificate', () => {
  it('refuses unknown or unaccredited institutions, bad workloads and foreign evidence, storing nothing', async () => {
    const person = await t.person({ verified: true });
    const mine = await uploaded(person.token);
    const theirs = await uploaded(p.otherLearner.token);
    for (const [body, path] of [
      [
        certificate([mine], { issuingInstitutionId: '0190a8d4-6a1e-7c3b-9f00-000000000001' }),
        '/body/issuingInstitutionId',
      ],
      [certificate([mine], { issuingInstitutionId: unaccredited }), '/body/issuingInstitutionId'],
      [certificate([mine], { completedAt: '2019-06-01T00:00:00Z' }), '/body/issuingInstitutionId'],
      [certificate([mine], { workloadHours: -3 }), '/body/workloadHours'],
      [certificate([theirs]), '/body/evidence/0'],
      [certificate(['not-a-hash']), '/body/evidence/0'],
    ] as const) {
      const res = await call('POST', '/certificates', person.token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await (await call('GET', '/certificates', person.token)).json()).items).toEqual([]);
    expect((await call('POST', '/certificates', undefined, certificate([mine]))).status).toBe(401);
  });
});

describe('reviewing a certificate', () => {
  it('lets only verifiers of the issuing institution and the region’s registrars decide', async () => {
    const cert = await submit(p.learner);
    const decide = (auth: string | undefined, json: unknown = { decision: 'approve' }) =>
      call('POST', `/certificates/${cert.id}/decisions`, auth, json);
    expect((await decide(undefined)).status).toBe(401);
    for (const who of [p.learner, p.otherLearner, p.guardian, wrongVerifier, p.otherRegionAdmin]) {
      expect((await decide(who.token)).status).toBe(403);
    }
    expect((await decide(p.institution.key)).status).toBe(403);
    // Reading follows the same lines, plus the submitter.
    expect((await call('GET', `/certificates/${cert.id}`, p.learner.token)).status).toBe(200);
    expect((await call('GET', `/certificates/${cert.id}`, verifier.token)).status).toBe(200);
    expect((await call('GET', `/certificates/${cert.id}`, p.otherLearner.token)).status).toBe(403);
    expect((await call('GET', `/certificates/${cert.id}`, wrongVerifier.token)).status).toBe(403);
    expect((await call('GET', `/certificates/${cert.id}`, p.otherRegionAdmin.token)).status).toBe(403);
    expect((await call('GET', `/institutions/${p.institution.id}/certificates`, wrongVerifier.token)).status).toBe(403);
    const queue = await (
      await call('GET', `/institutions/${p.institution.id}/certificates?status=submitted&limit=200`, verifier.token)
    ).json();
    expect(queue.items.map((c: { id: string }) => c.id)).toContain(cert.id);
    expect((await decide(verifier.token)).status).toBe(200);
  });

  it('asks for more evidence, takes it, then approves: record, credits and points, every step audited', async () => {
    const person = await t.person({ verified: true });
    const cert = await submit(person);
    const noReason = await call('POST', `/certificates/${cert.id}/decisions`, verifier.token, {
      decision: 'request-evidence',
    });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).errors[0].path).toBe('/body/reason');

    const asked = await call('POST', `/certificates/${cert.id}/decisions`, verifier.token, {
      decision: 'request-evidence',
      reason: 'Please add the transcript page',
    });
    expect((await asked.json()).status).toBe('more-evidence-requested');
    expect(
      (await call('POST', `/certificates/${cert.id}/decisions`, verifier.token, { decision: 'approve' })).status,
    ).toBe(409);

    const extra = await uploaded(person.token);
    expect(
      (await call('POST', `/certificates/${cert.id}/evidence`, p.otherLearner.token, { evidence: [extra] })).status,
    ).toBe(403);
    const added = await (
      await call('POST', `/certificates/${cert.id}/evidence`, person.token, { evidence: [extra] })
    ).json();
    expect(added).toMatchObject({ status: 'submitted' });
    expect(added.evidence).toHaveLength(2);

    const approved = await (
      await call('POST', `/certificates/${cert.id}/decisions`, verifier.token, { decision: 'approve' })
    ).json();
    expect(approved.status).toBe('approved');
    expect(approved.decisions.map((d: { decision: string }) => d.decision)).toEqual([
      'more-evidence-requested',
      'evidence-added',
      'approved',
    ]);
    expect(approved.decisions[0]).toMatchObject({
      reason: 'Please add the transcript page',
      decidedBy: `person:${verifier.id}`,
    });

    const record = await (await call('GET', `/records/${approved.recordId}`, person.token)).json();
    expect(record).toMatchObject({
      origin: 'recognition',
      providerInstitutionId: p.institution.id,
      credits: '20',
      points: '20',
      evidence: added.evidence,
    });
    await t.drainEvents();
    const decisions = seen.filter(
      (e) => e.name === 'credit-bank.certificate.reviewed' && e.payload.certificateId === cert.id,
    );
    expect(decisions.map((e) => e.payload.decision)).toEqual(['more-evidence-requested', 'approved']);
  });

  it('is rejected by a registrar of the region with a reason, and credits nothing', async () => {
    const person = await t.person({ verified: true });
    const cert = await submit(person);
    const res = await call('POST', `/certificates/${cert.id}/decisions`, p.registrar.token, {
      decision: 'reject',
      reason: 'The certificate is not legible',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'rejected', recordId: null });
    expect((await (await call('GET', '/records', person.token)).json()).items).toEqual([]);
  });

  it('never credits the same certificate (file) twice', async () => {
    const [a, b] = [await t.person({ verified: true }), await t.person({ verified: true })];
    const bytes = pdf();
    const hashA = await uploaded(a.token, bytes);
    const hashB = await uploaded(b.token, bytes);
    expect(hashA).toBe(hashB);
    const first = await (await call('POST', '/certificates', a.token, certificate([hashA]))).json();
    const second = await (await call('POST', '/certificates', b.token, certificate([hashB]))).json();
    expect(
      (await call('POST', `/certificates/${first.id}/decisions`, verifier.token, { decision: 'approve' })).status,
    ).toBe(200);
    const again = await call('POST', `/certificates/${second.id}/decisions`, verifier.token, { decision: 'approve' });
    expect(again.status).toBe(409);
    expect((await again.json()).code).toBe('CREDIT_BANK_EVIDENCE_ALREADY_CREDITED');
    expect((await (await call('GET', `/certificates/${second.id}`, b.token)).json()).status).toBe('submitted');
    // And a new submission of it is refused at once.
    const resubmit = await call('POST', '/certificates', b.token, certificate([hashB]));
    expect(resubmit.status).toBe(409);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'credits a file once when two certificates of it are approved at once (PostgreSQL)',
    async () => {
      const people = await Promise.all([t.person({ verified: true }), t.person({ verified: true })]);
      const bytes = pdf();
      const certs = [];
      for (const person of people) {
        const hash = await uploaded(person.token, bytes);
        certs.push(await (await call('POST', '/certificates', person.token, certificate([hash]))).json());
      }
      const results = await Promise.all(
        certs.map((c) => call('POST', `/certificates/${c.id}/decisions`, verifier.token, { decision: 'approve' })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    },
  );
});
