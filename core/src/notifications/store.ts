import { and, count, desc, eq, isNull, lt } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { decodeCursor, isUuidKey, toPage } from '../http/pagination.js';
import { uuidv7 } from '../ids/uuidv7.js';
import { notifications } from './schema.js';

export type NotificationRow = typeof notifications.$inferSelect;

export interface NewNotification {
  personIds: readonly string[];
  regionId: string | null;
  source: string;
  kind: string;
  params: Record<string, unknown>;
  link: string | null;
}

/** One row per recipient, in the caller's transaction: a rolled-back change notifies nobody. */
export async function insertNotifications(db: Queryable, input: NewNotification): Promise<string[]> {
  const rows = [...new Set(input.personIds)].map((personId) => ({
    id: uuidv7(),
    personId,
    regionId: input.regionId,
    source: input.source,
    kind: input.kind,
    params: input.params,
    link: input.link,
  }));
  if (rows.length > 0) await db.insert(notifications).values(rows);
  return rows.map((row) => row.id);
}

/** A person's inbox, newest first, a page at a time. */
export async function listNotifications(
  db: Queryable,
  personId: string,
  query: { limit: number; cursor?: string | undefined; unread?: boolean | undefined },
) {
  const before = query.cursor ? decodeCursor(query.cursor, isUuidKey).id : undefined;
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.personId, personId),
        before ? lt(notifications.id, before) : undefined,
        query.unread ? isNull(notifications.readAt) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (row) => ({ id: row.id }));
}

export async function unreadCount(db: Queryable, personId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.personId, personId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** Marks one of the person's notifications read (idempotent); undefined when it is not theirs. */
export async function markRead(db: Queryable, personId: string, id: string, at: Date) {
  const [row] = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.personId, personId), eq(notifications.id, id), isNull(notifications.readAt)))
    .returning();
  if (row) return row;
  const [already] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.personId, personId), eq(notifications.id, id)));
  return already;
}

export async function markAllRead(db: Queryable, personId: string, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.personId, personId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
