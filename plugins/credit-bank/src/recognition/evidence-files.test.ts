// Evidence files people can open: download with ranges and sandboxing headers, who may download
// (an authorization matrix: everyone else gets the 404 an unknown certificate gets), the person's
// quota, and the removal of evidence no certificate cites.
import { createTestPlatform, type TestPerson, type TestPlatform, type TestPrincipals } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import creditBankClient from '../client.js';
import creditBank from '../index.js';

let clock = new Date('2026-05-01T08:00:00Z');
let t: TestPlatform;
let p: TestPrincipals;
let verifier: TestPerson;
let otherVerifier: TestPerson;
beforeAll(async () => {
  t = await createTestPlatform({
    plugins: [creditBank],
    now: () => clock,
    regions: [
      {
        id: 'default',
        name: 'Default',
        plugins: { 'credit-bank': { config: { recognition: { unattachedEvidenceHours: 1 } } } },
      },
      {
        id: 'tight',
        name: 'Tight',
        plugins: { 'credit-bank': { config: { recognition: { personQuotaBytes: 300 } } } },
      },
    ],
  });
  p = await t.principals();
  const other = await (
    await t.request('/v1/institutions', {
      method: 'POST',
      auth: 'admin',
      json: { name: 'Other College', kind: 'school', regionId: 'default' },
    })
  ).json();
  for (const institutionId of [p.institution.id, other.id]) {
    await t.request('/v1/credit-bank/providers', {
      method: 'POST',
      auth: p.regionAdmin.token,
      json: { institutionId, capabilities: ['award', 'verify'], validFrom: '2020-01-01T00:00:00Z' },
    });
  }
  const verifierOf = (id: string) => t.person({ roles: [{ role: 'registrar', scope: { type: 'institution', id } }] });
  verifier = await verifierOf(p.institution.id);
  otherVerifier = await verifierOf(other.id);
});
afterAll(() => t?.close());

let n = 0;
const pdf = (extra = '') => new TextEncoder().encode(`%PDF-1.7\n% evidence ${++n} ${extra}\n%%EOF`);
async function upload(auth: string, bytes = pdf(), region?: string) {
  return t.request('/v1/credit-bank/evidence', {
    method: 'POST',
    auth,
    body: bytes,
    headers: { 'Content-Type': 'application/pdf', ...(region ? { 'Lifelong-Region': region } : {}) },
  });
}
async function uploaded(auth: string, bytes = pdf()): Promise<string> {
  const res = await upload(auth, bytes);
  expect(res.status).toBe(201);
  return (await res.json()).sha256;
}
async function submit(person: TestPerson, evidence: string[]) {
  const res = await t.request('/v1/credit-bank/certificates', {
    method: 'POST',
    auth: person.token,
    json: {
      issuingInstitutionId: p.institution.id,
      title: `Evidence course ${++n}`,
      stage: 'social-in-service',
      learningOutcomes: ['Opens files'],
      workloadHours: 10,
      assessment: { type: 'practical' },
      form: 'offline',
      completedAt: '2026-04-01T00:00:00Z',
      evidence,
    },
  });
  return res;
}
const download = (certificateId: string, sha256: string, auth?: string, headers: Record<string, string> = {}) =>
  t.request(`/v1/credit-bank/certificates/${certificateId}/evidence/${sha256}`, {
    ...(auth ? { auth } : {}),
    headers,
  });

describe('downloading evidence', () => {
  it('streams the file as an attachment with its sniffed type, ranges, ETag and a sandbox', async () => {
    const bytes = pdf('x'.repeat(100));
    const sha256 = await uploaded(p.learner.token, bytes);
    const cert = await (await submit(p.learner, [sha256])).json();

    const whole = await download(cert.id, sha256, p.learner.token);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(Buffer.from(bytes));
    expect(Object.fromEntries(whole.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(bytes.byteLength),
      'accept-ranges': 'bytes',
      etag: `"${sha256}"`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
    });
    expect(whole.headers.get('content-disposition')).toBe(
      `attachment; filename="certificate-${cert.id.slice(0, 8)}-evidence-${sha256.slice(0, 12)}.pdf"; filename*=UTF-8''certificate-${cert.id.slice(0, 8)}-evidence-${sha256.slice(0, 12)}.pdf`,
    );

    const text = (res: Response) => res.text();
    const first = await download(cert.id, sha256, p.learner.token, { Range: 'bytes=0-7' });
    expect([first.status, await text(first), first.headers.get('content-range')]).toEqual([
      206,
      '%PDF-1.7',
      `bytes 0-7/${bytes.byteLength}`,
    ]);
    const middle = await download(cert.id, sha256, p.learner.token, { Range: 'bytes=9-18' });
    expect([middle.status, await text(middle)]).toEqual([206, new TextDecoder().decode(bytes.slice(9, 19))]);
    const suffix = await download(cert.id, sha256, p.learner.token, { Range: 'bytes=-5' });
    expect([suffix.status, await text(suffix)]).toEqual([206, '%%EOF']);
    const past = await download(cert.id, sha256, p.learner.token, { Range: `bytes=${bytes.byteLength}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${bytes.byteLength}`);
    expect((await past.json()).code).toBe('RANGE_NOT_SATISFIABLE');
    const cached = await download(cert.id, sha256, p.learner.token, { 'If-None-Match': `"${sha256}"` });
    expect(cached.status).toBe(304);
  });

  it('is a Response from the typed client (200 and 206), a problem otherwise', async () => {
    const sha256 = await uploaded(p.learner.token);
    const cert = await (await submit(p.learner, [sha256])).json();
    const client = t.client(p.learner.token, [creditBankClient]).creditBank;
    const res = await client.certificates.evidence.get({ certificateId: cert.id, sha256 });
    expect(res.status).toBe(200);
    expect((await res.text()).startsWith('%PDF-1.7')).toBe(true);
    const part = await client.certificates.evidence.get(
      { certificateId: cert.id, sha256 },
      { headers: { Range: 'bytes=0-3' } },
    );
    expect([part.status, await part.text()]).toEqual([206, '%PDF']);
    await expect(
      t
        .client(p.otherLearner.token, [creditBankClient])
        .creditBank.certificates.evidence.get({ certificateId: cert.id, sha256 }),
    ).rejects.toMatchObject({ status: 404, problem: { code: 'CREDIT_BANK_CERTIFICATE_NOT_FOUND' } });
  });
});

describe('who may download evidence (authorization matrix)', () => {
  let adult: { id: string; sha256: string };
  let minors: { id: string; sha256: string };
  beforeAll(async () => {
    const a = await uploaded(p.learner.token);
    adult = { id: (await (await submit(p.learner, [a])).json()).id, sha256: a };
    const m = await uploaded(p.minor.token);
    const res = await submit(p.minor, [m]);
    expect(res.status).toBe(201);
    minors = { id: (await res.json()).id, sha256: m };
  });

  const callers: [string, () => string | undefined, 'adult' | 'minor', number][] = [
    ['the submitter', () => p.learner.token, 'adult', 200],
    ['a region reviewer (registrar)', () => p.registrar.token, 'adult', 200],
    ['the region admin', () => p.regionAdmin.token, 'adult', 200],
    ["the issuing institution's verifier", () => verifier.token, 'adult', 200],
    ["another institution's verifier", () => otherVerifier.token, 'adult', 404],
    ['the region admin of another region', () => p.otherRegionAdmin.token, 'adult', 404],
    ['an unrelated person', () => p.otherLearner.token, 'adult', 404],
    ['a guardian of someone else (an adult has none)', () => p.guardian.token, 'adult', 404],
    ["the institution's API key", () => p.institution.key, 'adult', 404],
    ['anonymous', () => undefined, 'adult', 401],
    ['the minor submitter', () => p.minor.token, 'minor', 200],
    ["the minor's guardian", () => p.guardian.token, 'minor', 200],
    ['another learner', () => p.learner.token, 'minor', 404],
  ];

  it.each(callers)('%s → %s', async (_who, auth, whose, status) => {
    const cert = whose === 'adult' ? adult : minors;
    const res = await download(cert.id, cert.sha256, auth());
    expect(res.status).toBe(status);
    if (status === 404) {
      // The same answer as for a certificate that does not exist: no existence oracle.
      const unknown = await download('0190f5d0-0000-7000-8000-000000000000', cert.sha256, auth());
      expect([unknown.status, (await unknown.json()).code]).toEqual([404, (await res.json()).code]);
    }
  });

  it('is a 404 for a file the certificate does not cite, even to its submitter', async () => {
    const other = await uploaded(p.learner.token);
    expect((await download(adult.id, other, p.learner.token)).status).toBe(404);
  });
});

describe('evidence quota', () => {
  it("refuses a file that would pass the person's quota with 413 naming it, and keeps nothing", async () => {
    const person = await t.person({ verified: true });
    const first = pdf('a'.repeat(150));
    expect((await upload(person.token, first, 'tight')).status).toBe(201);
    // The same file again costs nothing more.
    expect((await upload(person.token, first, 'tight')).status).toBe(201);
    const second = pdf('b'.repeat(150));
    const res = await upload(person.token, second, 'tight');
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({
      code: 'CREDIT_BANK_EVIDENCE_PERSON_QUOTA_EXCEEDED',
      quota: 'person',
      quotaBytes: 300,
      usedBytes: first.byteLength,
    });
    const { sha256Hex } = await import('@lifelong/core');
    expect(await t.platform.files.has(sha256Hex(second))).toBe(false);
  });
});

describe('removing unattached evidence', () => {
  it('removes an unattached upload older than the region allows (1 hour here) and its bytes; keeps attached and young ones', async () => {
    clock = new Date('2026-05-02T08:00:00Z');
    const person = await t.person({ verified: true });
    const other = await t.person({ verified: true });
    const oldLoose = await uploaded(person.token);
    const oldAttached = await uploaded(person.token);
    const shared = pdf('shared');
    const oldSharedLoose = await uploaded(person.token, shared);
    const cert = await (await submit(person, [oldAttached])).json();
    await uploaded(other.token, shared);
    await submit(other, [oldSharedLoose]);
    clock = new Date('2026-05-02T08:50:00Z');
    const young = await uploaded(person.token);
    clock = new Date('2026-05-02T09:10:00Z'); // 70 minutes after the first uploads, 20 after the young one

    await t.runJob('credit-bank', 'remove-unattached-evidence');
    // Back inside the sessions' hour, to ask the API what is left.
    clock = new Date('2026-05-02T08:55:00Z');

    expect(await t.platform.files.has(oldLoose)).toBe(false);
    const cite = await submit(person, [oldLoose]);
    expect(cite.status).toBe(400); // the upload is gone: it may no longer be cited
    expect((await download(cert.id, oldAttached, person.token)).status).toBe(200);
    expect(await t.platform.files.has(young)).toBe(true);
    expect((await submit(person, [young])).status).toBe(201);
    // Another person's upload of the same bytes keeps them.
    expect(await t.platform.files.has(oldSharedLoose)).toBe(true);
    expect((await submit(person, [oldSharedLoose])).status).toBe(400);

    // Twice is the same as once.
    clock = new Date('2026-05-02T09:10:00Z');
    await t.runJob('credit-bank', 'remove-unattached-evidence');
    clock = new Date('2026-05-02T08:55:00Z');
    expect((await download(cert.id, oldAttached, person.token)).status).toBe(200);
  });
});
