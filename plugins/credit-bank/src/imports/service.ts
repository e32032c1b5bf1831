import {
  Forbidden,
  fieldErrors,
  type InstitutionSummary,
  type PluginRequestContext,
  type Upload,
  ValidationFailed,
} from '@lifelong/core';
import { actorId } from '../access.js';
import type { CreditBankConfig } from '../config.js';
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
  const institution = await importingInstitution(ctx, institutionId);
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
  await importingInstitution(ctx, job.institutionId);
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

/**
 * The institution an import is for (an issuer key's own by default), which the caller must hold
 * `records.import` for: in the institution's scope, or in its region (a registrar).
 */
async function importingInstitution(
  ctx: PluginRequestContext<typeof CreditBankConfig>,
  institutionId: string | undefined,
): Promise<InstitutionSummary> {
  const id = institutionId ?? (ctx.principal.kind === 'apiKey' ? ctx.principal.institutionId : undefined);
  if (!id) {
    throw ValidationFailed({
      // Not the schema's `required`: the parameter is optional for an institution's own key.
      errors: [
        {
          path: '/query/institutionId',
          rule: 'institutionOfCaller',
          message: "Name the importing institution (only an institution's own key may leave it out)",
        },
      ],
    });
  }
  const institution = await ctx.identity.institution(id);
  if (!institution) {
    throw ValidationFailed({
      errors: [{ path: '/query/institutionId', rule: 'institutionExists', message: 'No such institution' }],
    });
  }
  if (
    !ctx.can('records.import', { institutionId: institution.id }) &&
    !ctx.can('records.import', { regionId: institution.regionId })
  ) {
    throw Forbidden({ detail: 'This requires records.import for the institution or its region.' });
  }
  if (!(await ctx.enabledRegions()).includes(institution.regionId)) {
    throw ValidationFailed({
      errors: [
        {
          path: '/query/institutionId',
          rule: 'regionEnabled',
          message: "The credit bank is not enabled in the institution's region",
        },
      ],
    });
  }
  return institution;
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
