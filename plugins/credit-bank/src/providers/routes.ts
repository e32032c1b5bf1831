import { uuidv7, ValidationFailed } from '@lifelong/core';
import { eq } from 'drizzle-orm';
import { actorId } from '../access.js';
import type { CreditBankRegistrar } from '../config.js';
import { providers } from '../shared/providers/schema.js';
import * as contract from './contract.js';
import { findProvider, listProviders, providerView, requireOrderedValidity } from './store.js';

/** Declares the accredited providers registry: who may award or verify which credits, and when. */
export function registerProviders(p: CreditBankRegistrar): void {
  p.route(contract.accreditProvider, async ({ body }, ctx) => {
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
  });

  p.route(contract.listProviders, async ({ query }, ctx) => ({
    status: 200,
    body: await listProviders(ctx.db, { institutionId: query.institutionId }, query.limit ?? 50, query.cursor),
  }));

  p.route(contract.getProvider, async ({ params }, ctx) => ({
    status: 200,
    body: providerView(await findProvider(ctx.db, params.providerId)),
  }));

  p.route(contract.updateProvider, async ({ params, body }, ctx) => {
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
  });
}
