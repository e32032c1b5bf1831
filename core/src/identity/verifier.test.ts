import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../testing/index.js';
import type { IdentityVerifier, VerificationRequest } from './verifier.js';

// A region that checks identities with a (here simulated) government service: it approves only
// evidence from that service, whatever the registrar decided.
const asked: VerificationRequest[] = [];
const governmentService: IdentityVerifier = {
  id: 'gov-id-service',
  decide: async (request) => {
    asked.push(request);
    return request.evidence.kind === 'government-service'
      ? { decision: 'approve', reference: `case-${request.person.learnerNumber}` }
      : { decision: 'reject' };
  },
};

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ identityVerifiers: { 'cn-gov': governmentService } });
  await t.request('/v1/regions', { method: 'POST', auth: 'admin', json: { id: 'cn-gov', name: 'Gov-checked region' } });
});
afterAll(() => t.close());

const verify = (learnerNumber: string, kind: string) =>
  t.request(`/v1/people/${learnerNumber}/verification`, {
    method: 'POST',
    auth: 'admin',
    json: { decision: 'approve', evidence: { kind, reference: 'desk' } },
  });

describe('pluggable identity verification', () => {
  it("lets a region's verifier overrule the registrar, and audits which verifier decided", async () => {
    const person = await t.person({ region: 'cn-gov' });
    const refused = await verify(person.learnerNumber, 'in-person');
    // The verifier's rejection is what counts: the person is rejected, and may be verified on better evidence.
    expect((await refused.json()).status).toBe('rejected');
    const approved = await verify(person.learnerNumber, 'government-service');
    expect((await approved.json()).status).toBe('verified');
    expect(asked.map((r) => r.person.id)).toEqual([person.id, person.id]);

    const audit = await (
      await t.request(`/v1/audit?subjectId=${person.id}&action=person.verification.approved`, { auth: 'admin' })
    ).json();
    expect(audit.items[0].details).toMatchObject({
      verifier: 'gov-id-service',
      verifierReference: `case-${person.learnerNumber}`,
    });
  });

  it("keeps the registrar's decision in regions without a verifier", async () => {
    const person = await t.person();
    expect((await (await verify(person.learnerNumber, 'in-person')).json()).status).toBe('verified');
  });
});
