import type { ServedFile, StagedUpload } from '@lifelong/core';
import { sniffContentType } from '@lifelong/core';
import type { Ctx } from '../context.js';
import { personOf } from '../context.js';
import { EvidenceNotFound, FileMismatch } from '../errors.js';
import { type Access, engagementFor, isExpert, isTeam, requireActive, requirePart } from '../shared/access.js';
import { record } from '../shared/history.js';
import { requireIndicators } from '../shared/indicators.js';
import type { CreateEvidenceBody } from './schemas.js';
import {
  addVersion,
  evidencePage,
  evidenceRow,
  evidenceView,
  insertEvidence,
  versionRow,
  versionsOf,
} from './store.js';

// The evidence file: the team's and experts' notes, records and documents, every version kept
// with its author and time, and each change written to the engagement's history.

const mayWork = (a: Access) => isTeam(a) || isExpert(a);

async function writable(ctx: Ctx, engagementId: string) {
  const a = await engagementFor(ctx, engagementId);
  requirePart(a, mayWork, 'the team and the experts');
  if (a.row.status === 'closed') requireActive(a);
  return a;
}

const notFound = (id: string) => EvidenceNotFound({ detail: `No evidence ${id} in this engagement.` });

export async function createEvidence(ctx: Ctx, engagementId: string, body: CreateEvidenceBody) {
  const actor = personOf(ctx);
  const a = await writable(ctx, engagementId);
  const codes = body.indicatorCodes ?? [];
  requireIndicators(a.row.definition, codes, (i) => `/body/indicatorCodes/${i}`);
  const now = ctx.now();
  const item = await insertEvidence(ctx.db, {
    engagementId: a.row.id,
    kind: body.kind,
    title: body.title,
    createdBy: actor,
    createdAt: now,
  });
  const row = await addVersion(ctx.db, item, {
    text: body.text,
    indicatorCodes: codes,
    createdBy: actor,
    createdAt: now,
  });
  await record(ctx.db, a.row.id, 'evidence.added', { evidenceId: row.id, kind: row.kind, version: 1 }, actor, now);
  return evidenceView(row, await versionsOf(ctx.db, a.row.id, row.id));
}

export async function addEvidenceVersion(
  ctx: Ctx,
  engagementId: string,
  evidenceId: string,
  body: { text: string; indicatorCodes?: string[] },
) {
  const actor = personOf(ctx);
  const a = await writable(ctx, engagementId);
  const item = await evidenceRow(ctx.db, a.row.id, evidenceId, true);
  if (!item || item.kind === 'document') throw notFound(evidenceId);
  const codes = body.indicatorCodes ?? [];
  requireIndicators(a.row.definition, codes, (i) => `/body/indicatorCodes/${i}`);
  const now = ctx.now();
  const row = await addVersion(ctx.db, item, {
    text: body.text,
    indicatorCodes: codes,
    createdBy: actor,
    createdAt: now,
  });
  await record(ctx.db, a.row.id, 'evidence.revised', { evidenceId, version: row.latestVersion }, actor, now);
  return evidenceView(row, await versionsOf(ctx.db, a.row.id, row.id));
}

export async function uploadDocument(
  ctx: Ctx,
  engagementId: string,
  query: { title: string; evidenceId?: string },
  upload: StagedUpload,
) {
  const actor = personOf(ctx);
  const a = await writable(ctx, engagementId);
  const sniffed = sniffContentType(upload.head);
  if (sniffed !== upload.contentType) {
    throw FileMismatch({
      detail: `Declared ${upload.contentType}, but the bytes are ${sniffed ?? 'of an unknown type'}.`,
    });
  }
  const now = ctx.now();
  let item = query.evidenceId ? await evidenceRow(ctx.db, a.row.id, query.evidenceId, true) : null;
  if (query.evidenceId && item?.kind !== 'document') throw notFound(query.evidenceId);
  item ??= await insertEvidence(ctx.db, {
    engagementId: a.row.id,
    kind: 'document',
    title: query.title,
    createdBy: actor,
    createdAt: now,
  });
  const stored = await ctx.files.keep(upload);
  const row = await addVersion(ctx.db, item, {
    text: query.title,
    indicatorCodes: [],
    fileSha256: stored.sha256,
    contentType: sniffed,
    size: stored.size,
    createdBy: actor,
    createdAt: now,
  });
  await record(
    ctx.db,
    a.row.id,
    'evidence.document',
    { evidenceId: row.id, version: row.latestVersion, sha256: stored.sha256 },
    actor,
    now,
  );
  return evidenceView(row, await versionsOf(ctx.db, a.row.id, row.id));
}

async function readable(ctx: Ctx, engagementId: string) {
  const a = await engagementFor(ctx, engagementId);
  requirePart(a, mayWork, 'the team and the experts');
  return a;
}

export async function listEvidence(ctx: Ctx, engagementId: string, query: { limit?: number; cursor?: string }) {
  const a = await readable(ctx, engagementId);
  return evidencePage(ctx.db, a.row.id, query.limit ?? 50, query.cursor);
}

export async function getEvidence(ctx: Ctx, engagementId: string, evidenceId: string) {
  const a = await readable(ctx, engagementId);
  const row = await evidenceRow(ctx.db, a.row.id, evidenceId);
  if (!row) throw notFound(evidenceId);
  return evidenceView(row, await versionsOf(ctx.db, a.row.id, row.id));
}

/** What `serveFile` needs for one version's document, after the access check. */
export async function fileToServe(
  ctx: Ctx,
  engagementId: string,
  evidenceId: string,
  version: number,
): Promise<ServedFile> {
  const a = await readable(ctx, engagementId);
  const row = await versionRow(ctx.db, a.row.id, evidenceId, version);
  if (!row?.fileSha256 || !row.contentType) throw notFound(evidenceId);
  const extension = row.contentType === 'application/pdf' ? 'pdf' : row.contentType === 'image/png' ? 'png' : 'jpg';
  return {
    sha256: row.fileSha256,
    contentType: row.contentType,
    filename: `evidence-${evidenceId}-v${version}.${extension}`,
    disposition: 'attachment',
  };
}
