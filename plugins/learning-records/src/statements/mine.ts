import { decodeCursor, isCursorTimestamp, toPage } from '@lifelong/core';
import type { Ctx } from '../context.js';
import { PeopleOnly } from '../errors.js';
import { statementsOfPerson } from './store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isKey = (key: unknown): key is { stored: string; id: string } =>
  typeof key === 'object' &&
  key !== null &&
  isCursorTimestamp((key as { stored?: unknown }).stored) &&
  typeof (key as { id?: unknown }).id === 'string' &&
  UUID.test((key as { id: string }).id);

/** The signed-in person's learning activity: their linked statements, newest stored first. */
export async function myStatements(ctx: Ctx, query: { limit?: number; cursor?: string }) {
  if (ctx.principal.kind !== 'person') {
    throw PeopleOnly({ detail: 'Sign in as a person: an API key has no learning activity of its own.' });
  }
  const limit = query.limit ?? 20;
  const key = query.cursor ? decodeCursor(query.cursor, isKey) : undefined;
  const after = key ? { stored: new Date(key.stored), id: key.id } : undefined;
  const rows = await statementsOfPerson(ctx.db, ctx.principal.id, limit, after);
  return toPage(
    rows,
    limit,
    (row) => ({ stored: row.stored.toISOString(), id: row.id }),
    (row) => ({ id: row.id, stored: row.stored.toISOString(), statement: row.statement as Record<string, unknown> }),
  );
}
