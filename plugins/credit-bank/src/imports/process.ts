import { fieldErrors, type InstitutionSummary, type PersonSummary, type PluginContext, uuidv7 } from '@lifelong/core';
import type { CreditBankConfig } from '../config.js';
import { providerChecker } from '../shared/providers/accreditation.js';
import { type Awarded, awardMany, type NewRecord } from '../shared/records/award.js';
import { futureDateError } from '../shared/records/dates.js';
import { ImportRow } from './schemas.js';
import {
  type ImportJobRow,
  type ImportRowResult,
  insertImport,
  insertImportRows,
  lockNextProcessing,
  pendingRows,
  saveRowResults,
  updateImport,
} from './store.js';

type Ctx = PluginContext<typeof CreditBankConfig>;
type RowResult = ImportRowResult;

/** The `source` of imported records: rows are keyed by institution + external row id. */
export const importSource = (institutionId: string) => `import:${institutionId}`;

/**
 * Stores an import and its rows: rows that do not fit `ImportRow` fail at once with their field
 * errors (`/rows/<index>/<field>`); the rest wait for processing, inline when the import is
 * small, otherwise by the imports job, a chunk per run.
 */
export async function createImport(
  ctx: Ctx,
  job: { institution: InstitutionSummary; format: ImportJobRow['format']; submittedBy: string; rows: unknown[] },
  config: { inlineRows: number },
): Promise<ImportJobRow> {
  const id = uuidv7();
  const now = ctx.now();
  const rows = job.rows.map((payload, index) => {
    const errors = fieldErrors(ImportRow, payload, `/rows/${index}`);
    if (errors.length === 0) {
      const future = futureDateError(new Date((payload as ImportRow).completedAt), now, `/rows/${index}/completedAt`);
      if (future) errors.push(future);
    }
    const externalId = (payload as { externalId?: unknown } | null)?.externalId;
    return {
      importId: id,
      index,
      externalId: typeof externalId === 'string' ? externalId.slice(0, 200) : null,
      payload: errors.length === 0 ? payload : null,
      status: errors.length === 0 ? ('pending' as const) : ('error' as const),
      recordId: null,
      errors: errors.length === 0 ? null : errors,
    };
  });
  const failed = rows.filter((r) => r.status === 'error').length;
  const created = await insertImport(ctx.db, {
    id,
    institutionId: job.institution.id,
    regionId: job.institution.regionId,
    submittedBy: job.submittedBy,
    format: job.format,
    status: failed === rows.length ? 'completed' : 'processing',
    total: rows.length,
    processed: failed,
    failed,
    createdAt: ctx.now(),
    completedAt: failed === rows.length ? ctx.now() : null,
  });
  await insertImportRows(ctx.db, id, rows);
  if (created.status === 'processing' && rows.length <= config.inlineRows) {
    return processChunk(ctx, created, rows.length);
  }
  return created;
}

/**
 * Processes up to `limit` pending rows of an import in the current transaction: each row's
 * completion must not lie in the future, its person must exist, be verified and not be staff of
 * the importing institution (no institution credits its own people for its own provision), and
 * the institution must be an accredited provider of the row's stage and level on its date. The
 * valid rows are awarded together in a savepoint; if that fails, row by row, each in its own
 * savepoint, so one row the award refuses becomes that row's error and the others proceed.
 */
export async function processChunk(ctx: Ctx, job: ImportJobRow, limit: number): Promise<ImportJobRow> {
  const pending = await pendingRows(ctx.db, job.id, limit);
  const people = new Map<string, PersonSummary | null>();
  const staff = new Map<string, boolean>();
  const isStaff = async (personId: string) => {
    if (!staff.has(personId)) {
      const conflict = await ctx.identity.conflictOfInterest(personId, { institutionIds: [job.institutionId] });
      staff.set(personId, conflict !== null);
    }
    return staff.get(personId) === true;
  };
  const accredited = await providerChecker(ctx, job.institutionId, 'award');
  const results: RowResult[] = [];
  const valid: { index: number; input: NewRecord }[] = [];
  for (const { index, payload } of pending) {
    const row = payload as ImportRow;
    if (!people.has(row.learnerNumber)) people.set(row.learnerNumber, await ctx.identity.person(row.learnerNumber));
    const person = people.get(row.learnerNumber);
    const at = new Date(row.completedAt);
    const error = (path: string, rule: string, message: string) =>
      results.push({
        index,
        status: 'error',
        recordId: null,
        errors: [{ path: `/rows/${index}${path}`, rule, message }],
      });
    const future = futureDateError(at, ctx.now(), `/rows/${index}/completedAt`);
    if (future) results.push({ index, status: 'error', recordId: null, errors: [future] });
    else if (!person) error('/learnerNumber', 'personExists', 'No person with this learner number');
    else if (person.status !== 'verified')
      error('/learnerNumber', 'verifiedPerson', 'Credits are for verified people only');
    else if (await isStaff(person.id)) {
      error(
        '/learnerNumber',
        'conflictOfInterest',
        'The institution cannot credit its own staff for its own provision',
      );
    } else if (!accredited({ stage: row.stage, level: row.level, at })) {
      error(
        '/completedAt',
        'accreditedProvider',
        'The institution was not accredited for this stage and level on this date',
      );
    } else {
      valid.push({
        index,
        input: {
          origin: 'import',
          source: importSource(job.institutionId),
          sourceRef: row.externalId,
          personId: person.id,
          regionId: job.regionId,
          equivalenceKey: row.equivalenceKey ?? row.title.trim().toLowerCase(),
          title: row.title,
          providerInstitutionId: job.institutionId,
          stage: row.stage,
          level: row.level,
          learningOutcomes: row.learningOutcomes,
          workloadHours: row.workloadHours,
          assessment: row.assessment,
          form: row.form,
          completedAt: row.completedAt,
        },
      });
    }
  }
  results.push(...(await awardRows(ctx, job, valid)));
  await saveRowResults(ctx.db, job.id, results);
  const count = (status: RowResult['status']) => results.filter((r) => r.status === status).length;
  const processed = job.processed + results.length;
  const done = processed >= job.total;
  return updateImport(ctx.db, job.id, {
    processed,
    created: job.created + count('created'),
    duplicates: job.duplicates + count('duplicate'),
    failed: job.failed + count('error'),
    ...(done ? { status: 'completed' as const, completedAt: ctx.now() } : {}),
  });
}

/** The imports job: the oldest import still processing gets its next chunk. */
export async function runImports(ctx: Ctx): Promise<void> {
  const job = await lockNextProcessing(ctx.db);
  if (!job) return;
  const { chunkRows } = (await ctx.configFor(job.regionId)).imports;
  await processChunk(ctx, job, chunkRows);
}

const awarded = (index: number, outcome: Awarded): RowResult => ({
  index,
  status: outcome.status === 'duplicate' ? 'duplicate' : 'created',
  recordId: outcome.recordId,
  errors: null,
});

/**
 * Awards the valid rows: all together (a few statements), or, when that fails, one at a time in
 * their own savepoints; a row whose award throws is logged and becomes an error row
 * (`rule: awardFailed`) instead of stopping the import.
 */
async function awardRows(
  ctx: Ctx,
  job: ImportJobRow,
  valid: { index: number; input: NewRecord }[],
): Promise<RowResult[]> {
  try {
    const outcomes = await ctx.transaction(() =>
      awardMany(
        ctx,
        valid.map((v) => v.input),
      ),
    );
    return outcomes.map((outcome, i) => awarded(valid[i]?.index as number, outcome));
  } catch (error) {
    ctx.logger.warn({ importId: job.id, err: error }, 'import chunk failed as a whole; awarding its rows one by one');
  }
  const results: RowResult[] = [];
  for (const { index, input } of valid) {
    try {
      const [outcome] = await ctx.transaction(() => awardMany(ctx, [input]));
      if (outcome) results.push(awarded(index, outcome));
    } catch (error) {
      ctx.logger.error(
        { importId: job.id, index, err: error },
        'import row could not be awarded; recorded and skipped',
      );
      const message = error instanceof Error ? error.message : String(error);
      results.push({
        index,
        status: 'error',
        recordId: null,
        errors: [{ path: `/rows/${index}`, rule: 'awardFailed', message: message.slice(0, 500) }],
      });
    }
  }
  return results;
}
