import { fieldErrors, type PluginRequestContext, type Upload, ValidationFailed } from '@lifelong/core';
import { actorId } from '../access.js';
import type { CreditBankConfig } from '../config.js';
import { recordingInstitution } from '../shared/providers/recording-institution.js';
import { csvToRow, parseCsv } from './csv.js';
import { createImport } from './process.js';
import { ImportRequest } from './schemas.js';
import { findImport, type ImportJobRow, listImportRows } from './store.js';

// The imports' request rules: who imports for which institution (records.import there or in its
// region, the credit bank enabled in that region), and what a file may hold.

type Ctx = PluginRequestContext<typeof CreditBankConfig>;

const MAX_ROWS = 10_000;

/** Stores an import of a JSON or CSV file for the institution (an issuer key's own by default). */
export async function submitImport(ctx: Ctx, institutionId: string | undefined, upload: Upload): Promise<ImportJobRow> {
  const institution = await recordingInstitution(ctx, institutionId, '/query/institutionId');
  const text = new TextDecoder().decode(upload.bytes);
  const format = upload.contentType === 'text/csv' ? 'csv' : 'json';
  const rows = format === 'csv' ? parseCsv(text).map(csvToRow) : jsonRows(text);
  if (rows.length === 0 || rows.length > MAX_ROWS) {
    throw ValidationFailed({
      errors: [{ path: '/body/rows', rule: 'rowCount', message: `Send 1 to ${MAX_ROWS} rows` }],
    });
  }
  const job = await createImport(ctx, { institution, format, submittedBy: actorId(ctx), rows }, ctx.config.imports);
  ctx.logger.info({ importId: job.id, institutionId: institution.id, rows: rows.length }, 'records import submitted');
  return job;
}

/** An import, for those who may import for its institution. */
export async function importOf(ctx: Ctx, importId: string): Promise<ImportJobRow> {
  const job = await findImport(ctx.db, importId);
  await recordingInstitution(ctx, job.institutionId, '/query/institutionId');
  return job;
}

/** An import's row results, a page at a time. */
export async function importRowsOf(
  ctx: Ctx,
  importId: string,
  query: { status?: Parameters<typeof listImportRows>[2]; limit?: number; cursor?: string },
) {
  const job = await importOf(ctx, importId);
  return listImportRows(ctx.db, job.id, query.status, query.limit ?? 100, query.cursor);
}

function jsonRows(text: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw ValidationFailed({ errors: [{ path: '/body', rule: 'json', message: 'The body is not valid JSON' }] });
  }
  const errors = fieldErrors(ImportRequest, parsed, '/body');
  if (errors.length > 0) throw ValidationFailed({ errors });
  return (parsed as { rows: unknown[] }).rows;
}
