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
  description:
    "Holders of `providers.manage` in the institution's region accredit it to `award` and/or `verify` credits of " +
    'some `stages` and `levels` (none named: all) from `validFrom`, open-ended unless `validTo` is given. 400 for ' +
    'an unknown institution or a `validTo` not after `validFrom`; send an `Idempotency-Key` so that a retry does ' +
    'not accredit twice.',
  access: { permission: 'providers.manage' },
  request: { body: CreateProviderBody },
  responses: { 201: { description: 'The accreditation', schema: Provider } },
});

export const listProviders = defineContract({
  operationId: 'providers.list',
  method: 'get',
  path: '/providers',
  summary: "The region's accredited providers (optionally of one institution), oldest first",
  description:
    "Open to anyone: every accreditation of the request's region (`Lifelong-Region`), current or ended, optionally " +
    'of one `?institutionId=`, a page at a time (`?limit=&cursor=`).',
  access: { public: true },
  request: { query: ProviderListQuery },
  responses: { 200: { description: 'A page of accreditations', schema: ProviderPage } },
});

export const getProvider = defineContract({
  operationId: 'providers.get',
  method: 'get',
  path: '/providers/{providerId}',
  summary: 'One accreditation',
  description: 'Open to anyone, current or ended (see `validFrom` and `validTo`). An unknown id is a 404.',
  access: { public: true },
  request: { params: ProviderParams },
  responses: { 200: { description: 'The accreditation', schema: Provider } },
});

export const updateProvider = defineContract({
  operationId: 'providers.update',
  method: 'patch',
  path: '/providers/{providerId}',
  summary: 'Change an accreditation (e.g. end it by setting validTo)',
  description:
    "Holders of `providers.manage` in the accreditation's region change its capabilities, coverage or validity; " +
    'only the fields sent change, and `validTo: null` makes it open-ended again. 400 when `validTo` would not come ' +
    'after `validFrom`.',
  access: { permission: 'providers.manage' },
  request: { params: ProviderParams, body: UpdateProviderBody },
  responses: { 200: { description: 'The accreditation', schema: Provider } },
});
