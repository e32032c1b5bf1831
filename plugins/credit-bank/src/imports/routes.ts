import {
  Forbidden,
  fieldErrors,
  type InstitutionSummary,
  type PluginRequestContext,
  ValidationFailed,
} from '@lifelong/core';
import { actorId } from '../access.js';
import type { CreditBankConfig, CreditBankRegistrar } from '../config.js';
import * as contract from './contract.js';
import { csvToRow, parseCsv } from './csv.js';
import { createImport, findImport, importView, listImportRows, runImports } from './process.js';
import { ImportRequest } from './schemas.js';

const MAX_ROWS = 10_000;

/** Declares bulk imports of learning records by institutions, and the job that processes them. */
export function registerImports(p: CreditBankRegistrar): void {
  p.route(contract.createImport, async ({ query, upload }, ctx) => {
    const institution = await importingInstitution(ctx, query.institutionId);
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
    return job.status === 'completed' ? { status: 201, body: importView(job) } : { status: 202, body: importView(job) };
  });

  p.route(contract.getImport, async ({ params }, ctx) => {
    const job = await findImport(ctx.db, params.importId);
    await importingInstitution(ctx, job.institutionId);
    return { status: 200, body: importView(job) };
  });

  p.route(contract.listImportRows, async ({ params, query }, ctx) => {
    const job = await findImport(ctx.db, params.importId);
    await importingInstitution(ctx, job.institutionId);
    return {
      status: 200,
      body: await listImportRows(ctx.db, job.id, query.status, query.limit ?? 100, query.cursor),
    };
  });

  p.every('imports', { intervalMs: 1000 }, runImports);
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
      errors: [{ path: '/query/institutionId', rule: 'required', message: 'Name the importing institution' }],
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
