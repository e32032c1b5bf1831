import { uuidv7, ValidationFailed } from '@lifelong/core';
import { eq } from 'drizzle-orm';
import { actorId } from '../access.js';
import type { CreditBankRegistrar } from '../config.js';
import { providers } from './schema.js';
import {
  CreateProviderBody,
  Provider,
  ProviderListQuery,
  ProviderPage,
  ProviderParams,
  UpdateProviderBody,
} from './schemas.js';
import { findProvider, listProviders, providerView, requireOrderedValidity } from './store.js';

/** Declares the accredited providers registry: who may award or verify which credits, and when. */
export function registerProviders(p: CreditBankRegistrar): void {
  p.route({
    method: 'post',
    path: '/providers',
    summary: 'Accredit an institution as a provider of some credits for a period',
    access: { permission: 'providers.manage' },
    request: { body: CreateProviderBody },
    responses: { 201: { description: 'The accreditation', schema: Provider } },
    handler: async ({ body }, ctx) => {
      const institution = await ctx.identity.institution(body.institutionId);
      if (!institution) {
        throw ValidationFailed({
          errors: [{ path: '/body/institutionId', rule: 'institutionExists', message: 'No such institution' }],
        });
      }
      ctx.require('providers.manage', { regionId: institution.regionId });
      const validFrom = new Date(body.validFrom);
      const validTo = body.validTo ? new Date(body.validTo) : null;
      requireOrderedValidity(validFrom, validTo);
      const now = ctx.now();
      const [row] = await ctx.db
        .insert(providers)
        .values({
          id: uuidv7(),
          institutionId: institution.id,
          regionId: institution.regionId,
          capabilities: body.capabilities,
          stages: body.stages ?? [],
          levels: body.levels ?? [],
          validFrom,
          validTo,
          createdBy: actorId(ctx),
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      return { status: 201, body: providerView(row) };
    },
  });

  p.route({
    method: 'get',
    path: '/providers',
    summary: 'Accredited providers (optionally of one institution), oldest first',
    access: { public: true },
    request: { query: ProviderListQuery },
    responses: { 200: { description: 'A page of accreditations', schema: ProviderPage } },
    handler: async ({ query }, ctx) => ({
      status: 200,
      body: await listProviders(ctx.db, { institutionId: query.institutionId }, query.limit ?? 50, query.cursor),
    }),
  });

  p.route({
    method: 'get',
    path: '/providers/{providerId}',
    summary: 'One accreditation',
    access: { public: true },
    request: { params: ProviderParams },
    responses: { 200: { description: 'The accreditation', schema: Provider } },
    handler: async ({ params }, ctx) => ({
      status: 200,
      body: providerView(await findProvider(ctx.db, params.providerId)),
    }),
  });

  p.route({
    method: 'patch',
    path: '/providers/{providerId}',
    summary: 'Change an accreditation (e.g. end it by setting validTo)',
    access: { permission: 'providers.manage' },
    request: { params: ProviderParams, body: UpdateProviderBody },
    responses: { 200: { description: 'The accreditation', schema: Provider } },
    handler: async ({ params, body }, ctx) => {
      const current = await findProvider(ctx.db, params.providerId);
      ctx.require('providers.manage', { regionId: current.regionId });
      const validFrom = body.validFrom ? new Date(body.validFrom) : current.validFrom;
      const validTo = body.validTo === undefined ? current.validTo : body.validTo ? new Date(body.validTo) : null;
      requireOrderedValidity(validFrom, validTo);
      const [row] = await ctx.db
        .update(providers)
        .set({
          ...(body.capabilities ? { capabilities: body.capabilities } : {}),
          ...(body.stages ? { stages: body.stages } : {}),
          ...(body.levels ? { levels: body.levels } : {}),
          validFrom,
          validTo,
          updatedAt: ctx.now(),
        })
        .where(eq(providers.id, current.id))
        .returning();
      if (!row) throw new Error('update returned no row');
      ctx.logger.info({ providerId: row.id, institutionId: row.institutionId }, 'provider accreditation changed');
      return { status: 200, body: providerView(row) };
    },
  });
}
