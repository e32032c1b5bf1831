import { type PluginRequestContext, uuidv7, ValidationFailed } from '@lifelong/core';
import type { Static } from '@sinclair/typebox';
import { actorId } from '../access.js';
import type { CreditBankConfig } from '../config.js';
import type { CreateProviderBody, Provider, UpdateProviderBody } from './schemas.js';
import {
  findProvider,
  insertProvider,
  listProviders,
  providerView,
  requireOrderedValidity,
  updateProviderRow,
} from './store.js';

// The accredited providers registry's rules: who may accredit (providers.manage in the
// institution's region) and that validity periods are ordered.

type Ctx = PluginRequestContext<typeof CreditBankConfig>;

/** Accredits an institution to award or verify credits of some stages and levels, from a date. */
export async function accredit(ctx: Ctx, body: Static<typeof CreateProviderBody>): Promise<Provider> {
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
  const row = await insertProvider(ctx.db, {
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
  });
  return providerView(row);
}

/** Changes an accreditation's capabilities, coverage or validity. */
export async function updateAccreditation(
  ctx: Ctx,
  providerId: string,
  body: Static<typeof UpdateProviderBody>,
): Promise<Provider> {
  const current = await findProvider(ctx.db, providerId);
  ctx.require('providers.manage', { regionId: current.regionId });
  const validFrom = body.validFrom ? new Date(body.validFrom) : current.validFrom;
  const validTo = body.validTo === undefined ? current.validTo : body.validTo ? new Date(body.validTo) : null;
  requireOrderedValidity(validFrom, validTo);
  const row = await updateProviderRow(ctx.db, current.id, {
    ...(body.capabilities ? { capabilities: body.capabilities } : {}),
    ...(body.stages ? { stages: body.stages } : {}),
    ...(body.levels ? { levels: body.levels } : {}),
    validFrom,
    validTo,
    updatedAt: ctx.now(),
  });
  ctx.logger.info({ providerId: row.id, institutionId: row.institutionId }, 'provider accreditation changed');
  return providerView(row);
}

/** The accreditations of the request's region (optionally of one institution), oldest first. */
export const accreditationsOfRegion = (
  ctx: Ctx,
  query: { institutionId?: string | undefined; limit?: number | undefined; cursor?: string | undefined },
) =>
  listProviders(
    ctx.db,
    { regionId: ctx.regionId, institutionId: query.institutionId },
    query.limit ?? 50,
    query.cursor,
  );

/** One accreditation, current or ended. */
export const accreditationOf = async (ctx: Ctx, providerId: string): Promise<Provider> =>
  providerView(await findProvider(ctx.db, providerId));
