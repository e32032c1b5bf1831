import { defineContract } from '@lifelong/core/contract';
import { StatusListCredential, StatusListParams } from './schemas.js';

export const getStatusList = defineContract({
  operationId: 'issuers.statusList.get',
  method: 'get',
  path: '/issuers/{regionId}/status/revocation',
  summary: 'The region issuer’s revocation list (a Bitstring Status List credential)',
  description:
    'Open to anyone, signed with the issuer’s key (eddsa-rdfc-2022): a verifier checks a credential’s ' +
    '`credentialStatus.statusListIndex` bit offline from a copy. A region that never issued is a 404.',
  access: { public: true },
  request: { params: StatusListParams },
  responses: { 200: { description: 'The status list credential', schema: StatusListCredential } },
});
