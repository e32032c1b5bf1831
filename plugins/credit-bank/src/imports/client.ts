import type { PluginRequest } from '@lifelong/sdk';
import type { Static } from '@sinclair/typebox';
import type { ImportJob, ImportRow, ImportRowResult } from './schemas.js';

type Page<T> = { items: T[]; nextCursor: string | null };
type RowResult = Static<typeof ImportRowResult>;
const at = (id: string) => encodeURIComponent(id);

/** SDK methods of bulk imports (see ../client.ts); CSV files are raw uploads (`fetch`, `text/csv`). */
export const importsApi = (request: PluginRequest) => ({
  /** Imports rows for an institution (an issuer key's own by default). */
  importRecords: (rows: ImportRow[], institutionId?: string) =>
    request<ImportJob>('POST', '/imports', { body: { rows }, query: { institutionId } }),
  import: (importId: string) => request<ImportJob>('GET', `/imports/${at(importId)}`),
  importRows: (importId: string, status?: RowResult['status']) =>
    request.paginate((query, options) =>
      request<Page<RowResult>>('GET', `/imports/${at(importId)}/rows`, { query: { ...query, status } }, options),
    ),
});
