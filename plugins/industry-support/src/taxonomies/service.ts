import type { StagedUpload } from '@lifelong/core';
import type { Ctx } from '../context.js';
import {
  ImportExists,
  ImportFormatMismatch,
  ImportNotFound,
  OccupationNotFound,
  SkillNotFound,
  TaxonomyExists,
  TaxonomyNotFound,
} from '../errors.js';
import { invalidField } from '../field-error.js';
import { delimiterOf, type FileKind, FORMAT_OF, REQUIRED_COLUMNS } from './files.js';
import type { CreateTaxonomyBody, CrosswalkBody, LocalOccupationBody, LocalSkillBody, SearchQuery } from './schemas.js';
import * as store from './store.js';

// Taxonomies' rules: a region's admins add taxonomy versions and import their files; everyone
// signed in reads them.

export async function createTaxonomy(ctx: Ctx, body: CreateTaxonomyBody) {
  ctx.require('taxonomies.manage', { regionId: ctx.regionId });
  const row = await store.insertTaxonomy(ctx.db, { regionId: ctx.regionId, ...body, createdAt: ctx.now() });
  if (!row) throw TaxonomyExists({ detail: `Region "${ctx.regionId}" has ${body.code} ${body.version} already.` });
  return store.taxonomyView(row);
}

export const listTaxonomies = (ctx: Ctx, query: { limit?: number; cursor?: string }) =>
  store.listTaxonomies(ctx.db, ctx.regionId, query.limit ?? 50, query.cursor);

async function taxonomyOf(ctx: Ctx, taxonomyId: string) {
  const row = await store.taxonomyRow(ctx.db, ctx.regionId, taxonomyId);
  if (!row) throw TaxonomyNotFound({ detail: `No taxonomy ${taxonomyId} in region "${ctx.regionId}".` });
  return row;
}

/** The first line of a file's head, split as the file kind splits it. */
function headerOf(head: Uint8Array, file: Exclude<FileKind, 'case'>): string[] {
  const text = new TextDecoder().decode(head).replace(/^\uFEFF/, '');
  const line = text.split(/\r?\n/)[0] ?? '';
  return line.split(delimiterOf(file)).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
}

export async function importFile(ctx: Ctx, taxonomyId: string, file: FileKind, upload: StagedUpload) {
  ctx.require('taxonomies.manage', { regionId: ctx.regionId });
  const taxonomy = await taxonomyOf(ctx, taxonomyId);
  if (FORMAT_OF[file] !== taxonomy.format) {
    throw ImportFormatMismatch({
      detail: `A ${file} file belongs to a ${FORMAT_OF[file]} taxonomy; this one is ${taxonomy.format}.`,
    });
  }
  const existing = await store.importOf(ctx.db, taxonomy.id, file);
  if (existing) {
    if (existing.sha256 !== upload.sha256) {
      throw ImportExists({ detail: `${taxonomy.code} ${taxonomy.version} has another ${file} file already.` });
    }
    return { status: 200 as const, body: store.importView(existing) };
  }
  if (file === 'case') {
    if (!/^\s*\{/.test(new TextDecoder().decode(upload.head))) {
      throw invalidField('/body', 'caseJson', 'A CASE import is a CFPackage JSON object.');
    }
  } else {
    const header = headerOf(upload.head, file);
    const missing = REQUIRED_COLUMNS[file].filter((c) => !header.includes(c));
    if (missing.length > 0) {
      throw invalidField('/body', 'columns', `The ${file} header lacks ${missing.join(', ')}.`);
    }
  }
  const stored = await ctx.files.keep(upload);
  const row = await store.insertImport(ctx.db, {
    regionId: ctx.regionId,
    taxonomyId: taxonomy.id,
    file,
    sha256: stored.sha256,
    size: stored.size,
    status: 'queued',
    errors: [],
    createdAt: ctx.now(),
  });
  // A parallel submission of the same file won the insert: answer its import.
  const job = row ?? (await store.importOf(ctx.db, taxonomy.id, file));
  if (!job) throw new Error('import vanished');
  return { status: (row ? 202 : 200) as 200 | 202, body: store.importView(job) };
}

export async function getImport(ctx: Ctx, importId: string) {
  ctx.require('taxonomies.manage', { regionId: ctx.regionId });
  const row = await store.importRow(ctx.db, ctx.regionId, importId);
  if (!row) throw ImportNotFound({ detail: `No import ${importId} in region "${ctx.regionId}".` });
  return store.importView(row);
}

export async function listSkills(ctx: Ctx, taxonomyId: string, query: SearchQuery) {
  const taxonomy = await taxonomyOf(ctx, taxonomyId);
  return store.listSkills(ctx.db, taxonomy.id, query, query.limit ?? 50, query.cursor);
}

export async function listOccupations(ctx: Ctx, taxonomyId: string, query: SearchQuery) {
  const taxonomy = await taxonomyOf(ctx, taxonomyId);
  return store.listOccupations(ctx.db, taxonomy.id, query, query.limit ?? 50, query.cursor);
}

export async function getOccupation(ctx: Ctx, occupationId: string) {
  const row = await store.regionOccupation(ctx.db, ctx.regionId, occupationId);
  if (!row) throw OccupationNotFound({ detail: `No occupation ${occupationId} in region "${ctx.regionId}".` });
  return { ...store.occupationView(row), skills: await store.occupationSkillsOf(ctx.db, row) };
}

/** The region's own taxonomy, made on first use. */
async function localTaxonomy(ctx: Ctx) {
  const found = await store.taxonomyByCode(ctx.db, ctx.regionId, 'local', '1');
  if (found) return found;
  await store.insertTaxonomy(ctx.db, {
    regionId: ctx.regionId,
    code: 'local',
    version: '1',
    name: `Skills and occupations of region ${ctx.regionId}`,
    format: 'local',
    source: 'local',
    licence: 'the region’s own',
    createdAt: ctx.now(),
  });
  const made = await store.taxonomyByCode(ctx.db, ctx.regionId, 'local', '1');
  if (!made) throw new Error('local taxonomy vanished');
  return made;
}

export async function addLocalSkill(ctx: Ctx, body: LocalSkillBody) {
  ctx.require('taxonomies.manage', { regionId: ctx.regionId });
  const taxonomy = await localTaxonomy(ctx);
  const row = await store.insertSkill(ctx.db, taxonomy.id, {
    externalId: await store.nextLocalId(ctx.db, taxonomy.id, 'skills'),
    kind: 'skill',
    uri: null,
    label: body.label,
    description: body.description ?? '',
    skillType: body.skillType ?? null,
  });
  return store.skillView(row);
}

export async function addLocalOccupation(ctx: Ctx, body: LocalOccupationBody) {
  ctx.require('taxonomies.manage', { regionId: ctx.regionId });
  const taxonomy = await localTaxonomy(ctx);
  const row = await store.insertOccupation(ctx.db, taxonomy.id, {
    externalId: await store.nextLocalId(ctx.db, taxonomy.id, 'occupations'),
    uri: null,
    code: body.code ?? null,
    iscoCode: null,
    label: body.label,
    description: body.description ?? '',
  });
  return store.occupationView(row);
}

export async function addCrosswalk(ctx: Ctx, body: CrosswalkBody) {
  ctx.require('taxonomies.manage', { regionId: ctx.regionId });
  for (const [field, id] of [
    ['fromSkillId', body.fromSkillId],
    ['toSkillId', body.toSkillId],
  ] as const) {
    if (!(await store.regionSkill(ctx.db, ctx.regionId, id))) {
      throw SkillNotFound({ detail: `No skill ${id} in region "${ctx.regionId}" (/body/${field}).` });
    }
  }
  if (body.fromSkillId === body.toSkillId) {
    throw invalidField('/body/toSkillId', 'distinct', 'A crosswalk relates two different skills.');
  }
  const row = await store.insertCrosswalk(ctx.db, { regionId: ctx.regionId, ...body, createdAt: ctx.now() });
  return { ...row, createdAt: row.createdAt.toISOString() };
}
