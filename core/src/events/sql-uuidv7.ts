import { sql } from 'drizzle-orm';

/**
 * A UUIDv7 made by PostgreSQL (version 15 has no `uuidv7()`): the time in milliseconds over a
 * random UUID's first six bytes, version bits 0111. Delivery ids sort by time like the ones made
 * in JavaScript (`uuidv7()`), which lists of dead letters rely on.
 */
export const SQL_UUIDV7 = sql.raw(`encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
  placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6),
  52, 1), 53, 1), 'hex')::uuid`);
