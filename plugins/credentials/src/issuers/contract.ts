import { defineContract } from '@lifelong/core/contract';
import { DidDocument, IssuerParams, RotationBody } from './schemas.js';

export const getDidDocument = defineContract({
  operationId: 'issuers.did.get',
  method: 'get',
  path: '/issuers/{regionId}/did.json',
  summary: 'The DID document of a region’s issuer (did:web resolution)',
  description:
    'did:web:<host>:v1:credentials:issuers:<region> resolves here. Every key the issuer ever used is listed with its ' +
    '`expires`; a compromised one also with `revoked` (and out of `assertionMethod`). A region that never issued is a 404.',
  access: { public: true },
  request: { params: IssuerParams },
  responses: { 200: { description: 'The DID document (application/did+json)', schema: DidDocument } },
});

export const rotateIssuerKey = defineContract({
  operationId: 'issuers.keys.rotate',
  method: 'post',
  path: '/issuers/{regionId}/rotation',
  summary: 'Rotate the region issuer’s signing key',
  description:
    'For `credentials.keys.rotate` in the region. Answers the new DID document; a region where the plugin is not enabled is a 404.',
  access: { permission: 'keys.rotate' },
  request: { params: IssuerParams, body: RotationBody },
  responses: { 200: { description: 'The DID document after the rotation', schema: DidDocument } },
});
