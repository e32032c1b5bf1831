import { defineContract } from '@lifelong/core/contract';
import {
  CreateProviderBody,
  Provider,
  ProviderListQuery,
  ProviderPage,
  ProviderParams,
  UpdateProviderBody,
} from './schemas.js';

export const accreditProvider = defineContract({
  operationId: 'providers.create',
  method: 'post',
  path: '/providers',
  summary: 'Accredit an institution as a provider of some credits for a period',
  access: { permission: 'providers.manage' },
  request: { body: CreateProviderBody },
  responses: { 201: { description: 'The accreditation', schema: Provider } },
});

export const listProviders = defineContract({
  operationId: 'providers.list',
  method: 'get',
  path: '/providers',
  summary: 'Accredited providers (optionally of one institution), oldest first',
  access: { public: true },
  request: { query: ProviderListQuery },
  responses: { 200: { description: 'A page of accreditations', schema: ProviderPage } },
});

export const getProvider = defineContract({
  operationId: 'providers.get',
  method: 'get',
  path: '/providers/{providerId}',
  summary: 'One accreditation',
  access: { public: true },
  request: { params: ProviderParams },
  responses: { 200: { description: 'The accreditation', schema: Provider } },
});

export const updateProvider = defineContract({
  operationId: 'providers.update',
  method: 'patch',
  path: '/providers/{providerId}',
  summary: 'Change an accreditation (e.g. end it by setting validTo)',
  access: { permission: 'providers.manage' },
  request: { params: ProviderParams, body: UpdateProviderBody },
  responses: { 200: { description: 'The accreditation', schema: Provider } },
});
