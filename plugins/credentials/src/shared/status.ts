import { gzipSync } from 'node:zlib';
import type { Queryable } from '@lifelong/core';
import { eq, sql } from 'drizzle-orm';
import { statusLists } from './schema.js';

// W3C Bitstring Status List: one revocation list per issuer (region), 131,072 entries (the
// specification's minimum, so that one entry tells nothing about whom it belongs to). Bit 0 of the
// list is the most significant bit of its first byte.

export const LIST_SIZE = 131_072;

export const statusListUrl = (publicOrigin: string, regionId: string) =>
  `${publicOrigin}/v1/credentials/issuers/${regionId}/status/revocation`;

/** Hands out the next index of the region's list (the row is locked until the caller commits). */
export async function allocateIndex(db: Queryable, regionId: string): Promise<number> {
  await db
    .insert(statusLists)
    .values({ regionId, bits: Buffer.alloc(LIST_SIZE / 8) })
    .onConflictDoNothing();
  const [row] = await db
    .update(statusLists)
    .set({ nextIndex: sql`${statusLists.nextIndex} + 1` })
    .where(eq(statusLists.regionId, regionId))
    .returning({ index: sql<number>`${statusLists.nextIndex} - 1` });
  const index = Number(row?.index);
  if (index >= LIST_SIZE) throw new Error(`The status list of ${regionId} is full`);
  return index;
}

/** Sets a credential's revocation bit (idempotent). */
export async function setRevoked(db: Queryable, regionId: string, index: number): Promise<void> {
  const byte = Math.floor(index / 8);
  const mask = 0x80 >> (index % 8);
  await db
    .update(statusLists)
    .set({
      bits: sql`set_byte(${statusLists.bits}, ${byte}, get_byte(${statusLists.bits}, ${byte}) | ${mask})`,
      updatedAt: sql`now()`,
    })
    .where(eq(statusLists.regionId, regionId));
}

export async function listBits(db: Queryable, regionId: string): Promise<Buffer | null> {
  const [row] = await db.select().from(statusLists).where(eq(statusLists.regionId, regionId));
  return row ? Buffer.from(row.bits) : null;
}

export const isSet = (bits: Buffer, index: number) =>
  ((bits[Math.floor(index / 8)] ?? 0) & (0x80 >> (index % 8))) !== 0;

/** `encodedList`: the GZIP-compressed bitstring, base64url multibase ("u…"). */
export const encodeList = (bits: Buffer) => `u${gzipSync(bits).toString('base64url')}`;
