import { randomBytes, randomInt } from 'node:crypto';

// The last millisecond an id was made for and the 12-bit counter within it (RFC 9562 §6.2,
// method 1: a counter in rand_a, seeded at random below half its range each new millisecond);
// one state for the clock's ids, one for ids made at a given time.
interface Sequence {
  ms: number;
  counter: number;
}
const clock: Sequence = { ms: -1, counter: 0 };
const given: Sequence = { ms: -1, counter: 0 };
const COUNTER_MAX = 0xfff;
const seed = () => randomInt(0, COUNTER_MAX >> 1);

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, a 12-bit counter, then random bits. Ids made
 * by one process sort in creation order, within a millisecond too: a batch inserted in id order
 * reads back in the order it was made (and B-tree inserts stay local). When the clock stands
 * still or steps back, ids keep counting on from the last one. The random part keeps ids
 * unguessable enough for ids (never for secrets).
 *
 * With an explicit `now` the id carries exactly that time, counting within it the same way.
 */
export function uuidv7(now?: number): string {
  const sequence = now === undefined ? clock : given;
  let ms = now ?? Date.now();
  // The clock may stand still or step back: its ids keep counting on from the last one.
  if (ms === sequence.ms || (sequence === clock && ms < sequence.ms)) {
    ms = sequence.ms;
    sequence.counter++;
    if (sequence.counter > COUNTER_MAX) {
      // 4096 ids in one millisecond: the clock's borrow the next one rather than break the order.
      if (sequence === clock) ms++;
      sequence.counter = seed();
    }
  } else {
    sequence.counter = seed();
  }
  sequence.ms = ms;
  const counter = sequence.counter;
  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
