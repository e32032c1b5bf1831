import type { IndustrySupportRegistrar } from '../config.js';
import * as contract from './contract.js';
import { runImports } from './process.js';
import * as service from './service.js';

/** Serves taxonomies: versions with provenance, their imports, skills, occupations, local additions, crosswalks. */
export function registerTaxonomies(p: IndustrySupportRegistrar): void {
  p.route(contract.createTaxonomy, async ({ body }, ctx) => ({
    status: 201,
    body: await service.createTaxonomy(ctx, body),
  }));
  p.route(contract.listTaxonomies, async ({ query }, ctx) => ({
    status: 200,
    body: await service.listTaxonomies(ctx, query),
  }));
  p.route(contract.importFile, async ({ params, upload }, ctx) =>
    service.importFile(ctx, params.taxonomyId, params.file, upload),
  );
  p.route(contract.getImport, async ({ params }, ctx) => ({
    status: 200,
    body: await service.getImport(ctx, params.importId),
  }));
  p.route(contract.listSkills, async ({ params, query }, ctx) => ({
    status: 200,
    body: await service.listSkills(ctx, params.taxonomyId, query),
  }));
  p.route(contract.listOccupations, async ({ params, query }, ctx) => ({
    status: 200,
    body: await service.listOccupations(ctx, params.taxonomyId, query),
  }));
  p.route(contract.getOccupation, async ({ params }, ctx) => ({
    status: 200,
    body: await service.getOccupation(ctx, params.occupationId),
  }));
  p.route(contract.addLocalSkill, async ({ body }, ctx) => ({
    status: 201,
    body: await service.addLocalSkill(ctx, body),
  }));
  p.route(contract.addLocalOccupation, async ({ body }, ctx) => ({
    status: 201,
    body: await service.addLocalOccupation(ctx, body),
  }));
  p.route(contract.addCrosswalk, async ({ body }, ctx) => ({
    status: 201,
    body: await service.addCrosswalk(ctx, body),
  }));
  p.every('imports', { intervalMs: 5000 }, runImports);
}
