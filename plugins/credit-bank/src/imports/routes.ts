import type { CreditBankRegistrar } from '../config.js';
import * as contract from './contract.js';
import { runImports } from './process.js';
import { importOf, importRowsOf, submitImport } from './service.js';
import { importView } from './store.js';

/** Declares bulk imports of learning records by institutions, and the job that processes them. */
export function registerImports(p: CreditBankRegistrar): void {
  p.route(contract.createImport, async ({ query, upload }, ctx) => {
    const job = await submitImport(ctx, query.institutionId, upload);
    return job.status === 'completed' ? { status: 201, body: importView(job) } : { status: 202, body: importView(job) };
  });

  p.route(contract.getImport, async ({ params }, ctx) => ({
    status: 200,
    body: importView(await importOf(ctx, params.importId)),
  }));

  p.route(contract.listImportRows, async ({ params, query }, ctx) => ({
    status: 200,
    body: await importRowsOf(ctx, params.importId, query),
  }));

  p.every('imports', { intervalMs: 1000 }, runImports);
}
