import { defineContract } from '@lifelong/core/contract';
import { Verification, VerificationPageParams, VerifyBody } from './schemas.js';

export const verifyCredential = defineContract({
  operationId: 'verify',
  method: 'post',
  path: '/verify',
  summary: 'Verify a credential (JSON-LD with a Data Integrity proof, or a VC-JWT)',
  description:
    'Open to anyone. Runs the checks in order — format, schema, issuer (DID resolution, without the network: did:key ' +
    'and this platform’s did:web issuers), signature (eddsa-rdfc-2022 or EdDSA JWT), status (the issuer’s Bitstring ' +
    'Status List) and expiry — and answers 200 with `verified` and why not: a credential that fails is an answer, ' +
    'not an error.',
  access: { public: true },
  request: { body: VerifyBody },
  responses: { 200: { description: 'The checks and their outcome', schema: Verification } },
});

export const verificationPage = defineContract({
  operationId: 'credentials.verification.page',
  method: 'get',
  path: '/credentials/{credentialId}/verification',
  summary: 'The human verification page of an issued credential (the share URL, the QR code’s target)',
  description:
    'Open to whoever has the link: an HTML page with the credential’s verified facts (issuer, achievements, credits, ' +
    'status) and each check. An unknown id is a 404.',
  access: { public: true },
  request: { params: VerificationPageParams },
  responses: { 200: { description: 'text/html', schema: Verification } },
});
