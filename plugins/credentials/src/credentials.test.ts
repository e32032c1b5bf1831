// Credentials end to end, checked by libraries that are not ours: Digital Bazaar's @digitalbazaar/vc
// with the eddsa-rdfc-2022 cryptosuite for Data Integrity proofs, `jose` for VC-JWTs, and Ajv
// against 1EdTech's published JSON schemas (fixtures/).
import { createRequire } from 'node:module';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import type { default as AjvDraft04 } from 'ajv-draft-04';
import { importJWK, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import clrSchema from './fixtures/clr_v2p0_clrcredential_schema_draft4.json' with { type: 'json' };
import obSchema from './fixtures/ob_v3p0_achievementcredential_schema_draft4.json' with { type: 'json' };
import { CONTEXTS } from './shared/contexts.js';
import { fromMultibase } from './shared/keys.js';
import { type Harness, harness, ORIGIN } from './test-support.js';

const require = createRequire(import.meta.url);
const didContext = require('did-context');
const multikeyContext = require('@digitalbazaar/multikey-context');
// Ajv for JSON Schema draft-04 (1EdTech's copies): CommonJS, its export is the class itself.
const Ajv = require('ajv-draft-04') as typeof AjvDraft04.default;

let h: Harness;
beforeAll(async () => {
  h = await harness();
}, 120_000);
afterAll(() => h?.t.close());

type Doc = Record<string, any>;
const DID = 'did:web:lifelong.test:v1:credentials:issuers:default';

/** did:web resolution as a verifier elsewhere would do it: GET the platform's did.json. */
async function didDocument(): Promise<Doc> {
  const res = await h.t.request('/v1/credentials/issuers/default/did.json');
  expect(res.status).toBe(200);
  return res.json();
}

/** A document loader for the independent verifier: the published contexts, and DIDs over "HTTP". */
async function loader(url: string) {
  const contexts: Record<string, unknown> = {
    ...CONTEXTS,
    [didContext.constants.DID_CONTEXT_URL]: didContext.contexts.get(didContext.constants.DID_CONTEXT_URL),
    [multikeyContext.constants.CONTEXT_URL]: multikeyContext.contexts.get(multikeyContext.constants.CONTEXT_URL),
  };
  if (contexts[url]) return { contextUrl: null, documentUrl: url, document: contexts[url] };
  if (url.startsWith('did:web:')) {
    const doc = await didDocument();
    const [, fragment] = url.split('#');
    const document = fragment
      ? { '@context': multikeyContext.constants.CONTEXT_URL, ...doc.verificationMethod.find((m: Doc) => m.id === url) }
      : doc;
    return { contextUrl: null, documentUrl: url, document };
  }
  throw new Error(`The test loader does not fetch ${url}`);
}

const independentlyVerify = (credential: Doc) =>
  vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
    documentLoader: loader,
    // The status list is checked by the platform's verifier below; this one checks the proof.
    checkStatus: async () => ({ verified: true }),
  });

async function jwtKey(token: string) {
  const kid = JSON.parse(Buffer.from(token.split('.')[0] as string, 'base64url').toString()).kid;
  const method = (await didDocument()).verificationMethod.find((m: Doc) => m.id === kid);
  return importJWK({ kty: 'OKP', crv: 'Ed25519', x: fromMultibase(method.publicKeyMultibase) as string }, 'EdDSA');
}

/**
 * 1EdTech's schemas as shipped (fixtures/) predate the VC 2.0 alignment of OB 3.0.3 / CLR 2.0.1:
 * they require VC 1.1's `issuanceDate` (now `validFrom`) and close `credentialStatus` to `id` and
 * `type` (a BitstringStatusListEntry needs `statusPurpose`, `statusListIndex`,
 * `statusListCredential`). Those two changes are made here, and nothing else.
 */
function schemaFor(schema: Doc) {
  const copy = structuredClone(schema);
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const o = node as Doc;
    if (Array.isArray(o.required)) o.required = o.required.map((r: string) => (r === 'issuanceDate' ? 'validFrom' : r));
    for (const value of Object.values(o)) walk(value);
  };
  walk(copy);
  copy.$defs.CredentialStatus.additionalProperties = true;
  delete copy.$id;
  return copy;
}
const ajv = new Ajv({ allErrors: true, strict: false });
const validOb = ajv.compile(schemaFor(obSchema));
const validClr = ajv.compile(schemaFor(clrSchema));

const issue = (recordId: string, auth?: string, format = 'ldp_vc') =>
  h.t.request(`/v1/credentials/records/${recordId}/credential?format=${format}`, {
    method: 'POST',
    ...(auth ? { auth } : {}),
  });
const verify = async (credential: unknown) => {
  const res = await h.t.request('/v1/credentials/verify', { method: 'POST', json: { credential } });
  expect(res.status).toBe(200);
  return res.json();
};

describe('an Open Badges 3.0 credential for a record', () => {
  let person: Awaited<ReturnType<Harness['t']['person']>>;
  let recordId: string;
  let ldp: Doc;
  let jwt: string;
  beforeAll(async () => {
    person = await h.t.person({ verified: true });
    recordId = await h.record(person.id);
    const res = await issue(recordId, person.token);
    expect(res.status).toBe(201);
    ldp = (await res.json()).credential;
    const asJwt = await issue(recordId, person.token, 'jwt_vc');
    jwt = (await asJwt.json()).credential;
  });

  it('carries the record: achievement, credits, stage, level, workload, outcomes, a hashed subject', () => {
    expect(ldp.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(ldp.issuer.id).toBe(DID);
    const subject = ldp.credentialSubject;
    expect(subject.achievement.name).toBe('统计学入门 Introduction to statistics');
    expect(subject.creditsEarned).toBeGreaterThan(0);
    expect(subject.achievement.alignment.map((a: Doc) => a.targetName)).toEqual(
      expect.arrayContaining(['Stage: social-in-service', 'Level 6', 'Computes a mean and a variance']),
    );
    expect(subject.result).toContainEqual(expect.objectContaining({ value: '50' }));
    const [hashed, learner] = subject.identifier;
    expect(hashed).toMatchObject({ hashed: true, identityType: 'identifier' });
    expect(hashed.identityHash).toMatch(/^sha256\$[0-9a-f]{64}$/);
    expect(JSON.stringify(ldp)).not.toContain(person.id);
    expect(learner).toMatchObject({ identityType: 'ext:LearnerNumber', identityHash: person.learnerNumber });
  });

  it('validates against 1EdTech’s OB 3.0 AchievementCredential schema', () => {
    expect(validOb(ldp), JSON.stringify(validOb.errors)).toBe(true);
  });

  it('verifies with Digital Bazaar’s verifier (eddsa-rdfc-2022), and fails it once tampered', async () => {
    const result = await independentlyVerify(ldp);
    expect(result.verified, JSON.stringify(result.error ?? result)).toBe(true);
    const tampered = structuredClone(ldp);
    tampered.credentialSubject.creditsEarned = 99;
    expect((await independentlyVerify(tampered)).verified).toBe(false);
  });

  it('verifies as a VC-JWT with jose, and fails once tampered', async () => {
    const { payload, protectedHeader } = await jwtVerify(jwt, await jwtKey(jwt), { issuer: DID });
    expect(protectedHeader.alg).toBe('EdDSA');
    expect((payload.vc as Doc).id).toBe(ldp.id);
    const [head, body, sig] = jwt.split('.');
    const changed = JSON.parse(Buffer.from(body as string, 'base64url').toString());
    changed.vc.credentialSubject.creditsEarned = 99;
    const forged = `${head}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${sig}`;
    await expect(jwtVerify(forged, await jwtKey(jwt))).rejects.toThrow();
  });

  it('passes the platform’s verifier both ways, and each tampered field fails with SIGNATURE_INVALID', async () => {
    expect(await verify(ldp)).toMatchObject({ verified: true, format: 'ldp_vc', errors: [] });
    expect(await verify(jwt)).toMatchObject({ verified: true, format: 'jwt_vc', errors: [] });
    const edits: ((d: Doc) => void)[] = [
      (d) => {
        d.name = 'Something else';
      },
      (d) => {
        d.credentialSubject.identifier[1].identityHash = 'L0000000';
      },
      (d) => {
        d.credentialSubject.achievement.alignment[0].targetName = 'Stage: doctoral';
      },
      (d) => {
        d.validFrom = '2020-01-01T00:00:00Z';
      },
    ];
    for (const edit of edits) {
      const copy = structuredClone(ldp);
      edit(copy);
      const result = await verify(copy);
      expect(result.verified).toBe(false);
      expect(result.errors.map((e: Doc) => e.reason)).toEqual(['SIGNATURE_INVALID']);
    }
    const [head, body, sig] = jwt.split('.');
    const changed = JSON.parse(Buffer.from(body as string, 'base64url').toString());
    changed.vc.name = 'Something else';
    const forged = `${head}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${sig}`;
    expect((await verify(forged)).errors.map((e: Doc) => e.reason)).toEqual(['SIGNATURE_INVALID']);
  });

  it('an unknown DID and a malformed credential fail with their reasons', async () => {
    const foreign = structuredClone(ldp);
    foreign.issuer.id = 'did:web:elsewhere.example';
    foreign.proof.verificationMethod = 'did:web:elsewhere.example#key-1';
    expect((await verify(foreign)).errors.map((e: Doc) => e.reason)).toEqual(['DID_UNRESOLVED']);
    expect((await verify('not.a.jwt')).errors.map((e: Doc) => e.reason)).toEqual(['MALFORMED']);
    const noSchema = structuredClone(ldp);
    noSchema['@context'] = ['https://www.w3.org/2018/credentials/v1'];
    expect((await verify(noSchema)).errors.map((e: Doc) => e.reason)).toEqual(['SCHEMA_INVALID']);
  });

  it('offers downloads as .json, application/ld+json and .jwt, to the holder only', async () => {
    const id = ldp.id.replace('urn:uuid:', '');
    const json = await h.t.request(`/v1/credentials/credentials/${id}/download?as=jsonld`, { auth: person.token });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toContain('application/ld+json');
    expect(json.headers.get('content-disposition')).toContain('.json');
    expect((await json.json()).proof.cryptosuite).toBe('eddsa-rdfc-2022');
    const asJwt = await h.t.request(`/v1/credentials/credentials/${id}/download?as=jwt`, { auth: person.token });
    expect(asJwt.headers.get('content-disposition')).toContain('.jwt');
    expect(await asJwt.text()).toBe(jwt);
    const other = await h.t.person();
    expect((await h.t.request(`/v1/credentials/credentials/${id}/download`, { auth: other.token })).status).toBe(404);
  });

  it('shows the verified facts on the public verification page', async () => {
    const id = ldp.id.replace('urn:uuid:', '');
    const page = await h.t.request(`/v1/credentials/credentials/${id}/verification`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Verified');
    expect(html).toContain('统计学入门');
    expect(html).toContain(DID);
  });
});

describe('revocation', () => {
  it('a withdrawn record revokes its credential and the CLR carrying it, on the status list', async () => {
    const person = await h.t.person({ verified: true });
    const first = await h.record(person.id);
    await h.record(person.id, { title: 'Second course' });
    const badge = (await (await issue(first, person.token)).json()).credential;
    const clrRes = await h.t.request(`/v1/credentials/people/${person.learnerNumber}/clr`, { auth: person.token });
    expect(clrRes.status).toBe(200);
    const clr = (await clrRes.json()).credential;
    expect(clr.type).toEqual(['VerifiableCredential', 'ClrCredential']);
    expect(clr.credentialSubject.verifiableCredential).toHaveLength(2);
    expect(validClr(clr), JSON.stringify(validClr.errors)).toBe(true);
    const independent = await independentlyVerify(clr);
    expect(independent.verified, JSON.stringify(independent.error ?? independent)).toBe(true);
    expect((await verify(clr)).verified).toBe(true);

    const p = await h.t.principals();
    const withdraw = await h.t.request(`/v1/credit-bank/records/${first}/withdrawal`, {
      method: 'POST',
      auth: p.regionAdmin.token,
      json: { reason: 'Issued in error' },
    });
    expect(withdraw.status, await withdraw.clone().text()).toBe(200);
    await h.t.drainEvents();

    for (const credential of [badge, clr]) {
      const result = await verify(credential);
      expect(result.verified).toBe(false);
      expect(result.errors.map((e: Doc) => e.reason)).toEqual(['REVOKED']);
    }
    // The list itself is a signed credential a verifier can keep and check offline.
    const list = await (await h.t.request('/v1/credentials/issuers/default/status/revocation')).json();
    expect(list.type).toContain('BitstringStatusListCredential');
    const { gunzipSync } = await import('node:zlib');
    const bits = gunzipSync(Buffer.from(list.credentialSubject.encodedList.slice(1), 'base64url'));
    const index = Number(badge.credentialStatus.statusListIndex);
    expect(bits.length).toBe(131_072 / 8);
    expect((bits[Math.floor(index / 8)] as number) & (0x80 >> (index % 8))).not.toBe(0);
    expect((await independentlyVerify(list)).verified).toBe(true);
    // A withdrawn record gets no new credential.
    expect((await issue(first, person.token)).status).toBe(409);
  });
});

describe('authorization', () => {
  it('owner, institution and issuers may issue; others and anonymous get 404 / 401', async () => {
    const p = await h.t.principals();
    const owner = await h.t.person({ verified: true });
    const recordId = await h.record(owner.id, { providerInstitutionId: p.institution.id });
    expect((await issue(recordId)).status).toBe(401);
    expect((await issue(recordId, p.otherLearner.token)).status).toBe(404);
    expect((await issue(recordId, p.otherRegionAdmin.token)).status).toBe(404);
    expect((await issue(crypto.randomUUID(), p.otherLearner.token)).status).toBe(404);
    expect((await issue(recordId, p.institution.key)).status).toBe(201);
    expect((await issue(recordId, p.registrar.token)).status).toBe(201);
    expect((await issue(recordId, owner.token)).status).toBe(201);
    const clr = (auth: string) => h.t.request(`/v1/credentials/people/${owner.learnerNumber}/clr`, { auth });
    expect((await clr(p.otherLearner.token)).status).toBe(404);
    expect((await clr(p.regionAdmin.token)).status).toBe(200);
    const rotate = (auth?: string) =>
      h.t.request('/v1/credentials/issuers/default/rotation', {
        method: 'POST',
        json: { reason: 'scheduled' },
        ...(auth ? { auth } : {}),
      });
    expect((await rotate()).status).toBe(401);
    expect((await rotate(p.learner.token)).status).toBe(403);
    expect((await rotate(p.otherRegionAdmin.token)).status).toBe(403);
  });
});

describe('keys', () => {
  it('publishes did:web with Multikey keys; the private key is sealed, never stored or logged in clear', async () => {
    const doc = await didDocument();
    expect(doc.id).toBe(DID);
    expect(doc.verificationMethod[0].publicKeyMultibase).toMatch(/^z6Mk/);
    expect(h.t.rawLogs()).not.toMatch(/"d":"/);
    expect(ORIGIN).toBe('https://lifelong.test');
  });

  it('rotation keeps old credentials verifiable; a compromised key and an expired key fail', async () => {
    const p = await h.t.principals();
    const person = await h.t.person({ verified: true });
    const before = (await (await issue(await h.record(person.id), person.token)).json()).credential;
    const scheduled = await h.t.request('/v1/credentials/issuers/default/rotation', {
      method: 'POST',
      auth: p.regionAdmin.token,
      json: { reason: 'scheduled' },
    });
    expect(scheduled.status).toBe(200);
    const after = (await (await issue(await h.record(person.id), person.token)).json()).credential;
    expect(after.proof.verificationMethod).not.toBe(before.proof.verificationMethod);
    expect((await verify(before)).verified).toBe(true);
    expect((await independentlyVerify(before)).verified).toBe(true);
    expect((await verify(after)).verified).toBe(true);

    const compromised = await h.t.request('/v1/credentials/issuers/default/rotation', {
      method: 'POST',
      auth: p.regionAdmin.token,
      json: { reason: 'compromised' },
    });
    expect(compromised.status).toBe(200);
    expect((await verify(after)).errors.map((e: Doc) => e.reason)).toEqual(['KEY_REVOKED']);
    const latest = (await (await issue(await h.record(person.id), person.token)).json()).credential;
    expect((await verify(latest)).verified).toBe(true);

    h.tick(366); // past the key's lifetime (keyLifetimeDays: 365 in this region)
    expect((await verify(latest)).errors.map((e: Doc) => e.reason)).toEqual(['KEY_EXPIRED']);
  });
});

describe('rotation of an unknown region', () => {
  it('is a 404 for the platform admin, and makes no key', async () => {
    const res = await h.t.request('/v1/credentials/issuers/nowhere/rotation', {
      method: 'POST',
      auth: 'admin',
      json: { reason: 'scheduled' },
    });
    expect(res.status).toBe(404);
    expect((await h.t.request('/v1/credentials/issuers/nowhere/did.json')).status).toBe(404);
  });
});
