import { describe, expect, it } from 'vitest';
import { createBatcher } from './batcher.js';

/** A flush the test finishes by hand: `release` and `finish` are called when the test says. */
function controlledFlushes() {
  const started: { requests: number[]; release: () => void; finish: () => void }[] = [];
  const flush = (requests: number[], release: () => void) =>
    new Promise<number[]>((resolve) => {
      started.push({ requests, release, finish: () => resolve(requests.map((r) => r * 10)) });
    });
  return { started, flush };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createBatcher', () => {
  it('groups requests that arrive while a flush runs into the next flush, in order', async () => {
    const { started, flush } = controlledFlushes();
    const batcher = createBatcher<number, number>({ flush, sizeOf: () => 1, maxSize: 100 });
    const first = batcher.submit(1);
    await tick();
    const rest = [batcher.submit(2), batcher.submit(3)];
    await tick();
    expect(started.map((f) => f.requests)).toEqual([[1]]);
    started[0]?.finish();
    await expect(first).resolves.toBe(10);
    await tick();
    expect(started.map((f) => f.requests)).toEqual([[1], [2, 3]]);
    started[1]?.finish();
    await expect(Promise.all(rest)).resolves.toEqual([20, 30]);
  });

  it('starts the next flush when the running one releases its slot, before it finishes', async () => {
    const { started, flush } = controlledFlushes();
    const batcher = createBatcher<number, number>({ flush, sizeOf: () => 1, maxSize: 100, concurrency: 1 });
    const first = batcher.submit(1);
    await tick();
    const second = batcher.submit(2);
    await tick();
    expect(started).toHaveLength(1);
    started[0]?.release(); // e.g. its writes are done and it is committing
    await tick();
    expect(started.map((f) => f.requests)).toEqual([[1], [2]]);
    // A released flush still counts for drain(): nothing is idle until both have finished.
    let drained = false;
    const drain = batcher.drain().then(() => {
      drained = true;
    });
    started[1]?.finish();
    await expect(second).resolves.toBe(20);
    await tick();
    expect(drained).toBe(false);
    started[0]?.finish();
    await expect(first).resolves.toBe(10);
    await drain;
    expect(drained).toBe(true);
  });

  it('keeps a flush to maxSize and rejects only the requests of a failing flush', async () => {
    let calls = 0;
    const batcher = createBatcher<number, number>({
      flush: async (requests) => {
        calls++;
        if (requests.includes(-1)) throw new Error('bad group');
        return requests;
      },
      sizeOf: (n) => Math.abs(n),
      maxSize: 5,
    });
    const results = await Promise.allSettled([batcher.submit(3), batcher.submit(3), batcher.submit(-1)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(calls).toBe(2); // [3] then [3, -1]: 3 + 3 exceeds maxSize
  });
});
