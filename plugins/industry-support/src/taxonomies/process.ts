import type { JobCtx } from '../context.js';
import { delimitedRecords } from './csv.js';
import type { LinkValues, OccupationValues, RelationValues, SkillValues } from './files.js';
import { caseRecords, delimiterOf, type FileKind, type Mapped, mapRecord, REQUIRED_COLUMNS } from './files.js';
import type { ImportRow } from './schema.js';
import {
  insertLinks,
  markImported,
  nextImport,
  saveImport,
  upsertOccupations,
  upsertRelations,
  upsertSkills,
} from './store.js';

const BATCH = 1000;
const MAX_ERRORS = 20;

/** Rows waiting to be written, flushed a batch at a time (each table in its own statement). */
class Batches {
  skills: SkillValues[] = [];
  occupations: OccupationValues[] = [];
  relations: RelationValues[] = [];
  links: LinkValues[] = [];
  size = 0;

  add(mapped: Exclude<Mapped, { error: string }>) {
    if (mapped.skill) this.skills.push(mapped.skill);
    if (mapped.occupation) this.occupations.push(mapped.occupation);
    if (mapped.relation) this.relations.push(mapped.relation);
    if (mapped.link) this.links.push(mapped.link);
    this.size++;
  }

  async flush(ctx: JobCtx, taxonomyId: string) {
    await upsertSkills(ctx.db, taxonomyId, this.skills);
    await upsertOccupations(ctx.db, taxonomyId, this.occupations);
    await upsertRelations(ctx.db, taxonomyId, this.relations);
    await insertLinks(ctx.db, taxonomyId, this.links);
    this.skills = [];
    this.occupations = [];
    this.relations = [];
    this.links = [];
    this.size = 0;
  }
}

/** A delimited file's data records as mapped rows (the header is read first and checked). */
async function* delimitedMapped(file: Exclude<FileKind, 'case'>, stream: ReadableStream<Uint8Array>) {
  let columns: Map<string, number> | null = null;
  for await (const record of delimitedRecords(stream, delimiterOf(file))) {
    if (!columns) {
      columns = new Map(record.map((name, i) => [name.trim(), i]));
      const missing = REQUIRED_COLUMNS[file].filter((c) => !columns?.has(c));
      if (missing.length > 0) throw new Error(`the header lacks ${missing.join(', ')}`);
      continue;
    }
    const index = columns;
    yield mapRecord(file, (column) => {
      const i = index.get(column);
      return i === undefined ? undefined : record[i];
    });
  }
}

async function* caseMapped(stream: ReadableStream<Uint8Array>, maxBytes: number) {
  const text = await new Response(stream).text();
  if (text.length > maxBytes) throw new Error(`a CASE package may hold at most ${maxBytes} bytes`);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new Error('the CASE package is not JSON');
  }
  yield* caseRecords(document);
}

/**
 * Processes one import from where the last run stopped, up to the region's `importRowsPerRun`
 * rows, in the job's transaction: upserts make a run that is repeated (a crash after writing,
 * before committing) harmless. A bad row is counted and described (the first 20), never stops the
 * import; a file that cannot be read at all fails the import.
 */
export async function processImport(ctx: JobCtx, job: ImportRow): Promise<void> {
  const config = await ctx.configFor(job.regionId);
  const file = job.file as FileKind;
  const opened = await ctx.files.open(job.sha256);
  if (!opened) {
    await saveImport(ctx.db, job.id, { status: 'failed', errors: [{ row: 0, message: 'the file is gone' }] });
    return;
  }
  const records =
    file === 'case' ? caseMapped(opened.stream, config.maxCaseBytes) : delimitedMapped(file, opened.stream);
  const errors = [...job.errors];
  let row = 0;
  let done = job.rowsDone;
  let failed = job.rowsFailed;
  const batches = new Batches();
  try {
    for await (const mapped of records) {
      row++;
      if (row <= job.rowsDone) continue;
      if ('error' in mapped) {
        failed++;
        if (errors.length < MAX_ERRORS) errors.push({ row, message: mapped.error });
      } else {
        batches.add(mapped);
        if (batches.size >= BATCH) await batches.flush(ctx, job.taxonomyId);
      }
      done = row;
      if (done - job.rowsDone >= config.importRowsPerRun) {
        await batches.flush(ctx, job.taxonomyId);
        await saveImport(ctx.db, job.id, { status: 'running', rowsDone: done, rowsFailed: failed, errors });
        await opened.stream.cancel().catch(() => undefined);
        return;
      }
    }
  } catch (error) {
    await opened.stream.cancel().catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    ctx.logger.warn({ importId: job.id, err: message }, 'taxonomy import failed');
    await saveImport(ctx.db, job.id, {
      status: 'failed',
      errors: [...errors, { row: row, message }].slice(0, MAX_ERRORS + 1),
      completedAt: ctx.now(),
    });
    return;
  }
  await batches.flush(ctx, job.taxonomyId);
  await saveImport(ctx.db, job.id, {
    status: 'completed',
    rowsDone: done,
    rowsFailed: failed,
    errors,
    completedAt: ctx.now(),
  });
  await markImported(ctx.db, job.taxonomyId, ctx.now());
}

/** The imports job: the oldest import with work left, one chunk per run. */
export async function runImports(ctx: JobCtx): Promise<void> {
  const job = await nextImport(ctx.db);
  if (job) await processImport(ctx, job);
}
