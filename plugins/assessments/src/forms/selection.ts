import { createHash } from 'node:crypto';

/**
 * Draws `count` of `candidateIds` by a seed, reproducibly: the candidates sorted by id, then a
 * Fisher–Yates shuffle whose i-th random number is the first 4 bytes of SHA-256(`<seed>:<i>`)
 * read as a big-endian unsigned integer over 2^32; the first `count` are the form's items.
 * Anyone with the seed and the candidate ids can recompute the draw.
 */
export function drawItems(candidateIds: readonly string[], count: number, seed: string): string[] {
  const pool = [...candidateIds].sort();
  for (let i = pool.length - 1; i > 0; i--) {
    const digest = createHash('sha256')
      .update(`${seed}:${pool.length - 1 - i}`)
      .digest();
    const j = Math.floor((digest.readUInt32BE(0) / 2 ** 32) * (i + 1));
    [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
  }
  return pool.slice(0, count);
}
