import { defineContract } from '@lifelong/core/contract';
import { CredentialNotFound, InstitutionNotFound } from '../errors.js';
import {
  CreateCredentialBody,
  CreatedCredential,
  CredentialListQuery,
  CredentialPage,
  CredentialParams,
} from './schemas.js';

const managers = { permission: 'credentials.manage' } as const;
const notYours = 'Institutions the caller does not manage answer exactly as unknown ones (404, no existence oracle).';

export const createCredential = defineContract({
  operationId: 'credentials.create',
  method: 'post',
  path: '/credentials',
  summary: "Create an LRS credential for an institution's xAPI clients",
  description:
    'For holders of `learning-records.credentials.manage` for the institution (its issuer key or staff, ' +
    `or a region admin of its region). The secret is in this answer only. ${notYours}`,
  access: managers,
  request: { body: CreateCredentialBody },
  responses: { 201: { description: 'The credential, with its secret (shown once)', schema: CreatedCredential } },
  errors: [InstitutionNotFound],
});

export const listCredentials = defineContract({
  operationId: 'credentials.list',
  method: 'get',
  path: '/credentials',
  summary: "An institution's LRS credentials, oldest first (never their secrets)",
  description: `For the institution's managers. ${notYours}`,
  access: managers,
  request: { query: CredentialListQuery },
  responses: { 200: { description: 'A page of credentials', schema: CredentialPage } },
  errors: [InstitutionNotFound],
});

export const revokeCredential = defineContract({
  operationId: 'credentials.revoke',
  method: 'delete',
  path: '/credentials/{credentialId}',
  summary: 'Revoke an LRS credential (its statements stay)',
  description: `For its institution's managers; revoking twice is a no-op. ${notYours}`,
  access: managers,
  request: { params: CredentialParams },
  responses: { 204: { description: 'Revoked' } },
  errors: [CredentialNotFound],
});
