import type { Ctx } from '../context.js';
import { personIdOf } from '../context.js';
import { CodeTaken, IndicatorNotFound, PackNotFound } from '../errors.js';
import type { Indicator, IndicatorDefinition } from '../shared/common-schemas.js';
import { adoptedPacks, indicatorOf, library } from '../shared/library.js';
import { PACK_CODES, PACKS, packById, packIndicators } from '../shared/packs.js';
import type { PackView } from './schemas.js';
import * as store from './store.js';

export const listIndicators = async (ctx: Ctx) => ({ items: await library(ctx.db, ctx.regionId) });

export async function createIndicator(ctx: Ctx, definition: IndicatorDefinition): Promise<Indicator> {
  ctx.require('library.manage', { regionId: ctx.regionId });
  if (PACK_CODES.has(definition.code)) {
    throw CodeTaken({ detail: `"${definition.code}" is an indicator of a first-party pack.` });
  }
  return store.insertVersion(ctx.db, ctx.regionId, definition, personIdOf(ctx), ctx.now());
}

export async function indicatorVersions(ctx: Ctx, code: string) {
  const current = await indicatorOf(ctx.db, ctx.regionId, code);
  if (!current) throw IndicatorNotFound({ detail: `No indicator "${code}" in region "${ctx.regionId}".` });
  return { items: current.pack ? [current] : await store.versions(ctx.db, ctx.regionId, code) };
}

export async function listPacks(ctx: Ctx): Promise<{ items: PackView[] }> {
  const adopted = new Set(await adoptedPacks(ctx.db, ctx.regionId));
  return {
    items: PACKS.map((p) => ({
      id: p.id,
      name: p.name,
      version: p.version,
      adopted: adopted.has(p.id),
      indicators: packIndicators(p),
    })),
  };
}

export async function adoptPack(ctx: Ctx, packId: string, adopted: boolean): Promise<PackView> {
  ctx.require('library.manage', { regionId: ctx.regionId });
  const pack = packById(packId);
  if (!pack) throw PackNotFound({ detail: `No indicator pack "${packId}".` });
  await store.setAdopted(ctx.db, ctx.regionId, pack.id, adopted, personIdOf(ctx), ctx.now());
  return { id: pack.id, name: pack.name, version: pack.version, adopted, indicators: packIndicators(pack) };
}
