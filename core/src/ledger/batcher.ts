/**
 * Group commit: requests that arrive while a flush is in flight wait and are then flushed
 * together, so N concurrent single-transfer requests cost one transaction and one commit (the
 * way TigerBeetle batches). Under no load a request is flushed on the next tick, alone.
 */
export interface BatcherOptions<In, Out> {
  /**
   * Runs several requests together; returns one output per request, in order. It may call
   * `release` once the rest of its work no longer competes with a next flush (the ledger: its
   * writes are done and only the commit is left), and the next flush starts then.
   */
  flush: (requests: In[], release: () => void) => Promise<Out[]>;
  /** Size of a request (e.g. its transfer count); a flush carries at most `maxSize`. */
  sizeOf: (request: In) => number;
  maxSize: number;
  /** Flushes that may run at once, not counting those that have released their slot. */
  concurrency?: number;
}

interface Waiting<In, Out> {
  request: In;
  resolve: (out: Out) => void;
  reject: (error: unknown) => void;
}

export interface Batcher<In, Out> {
  submit(request: In): Promise<Out>;
  /** Resolves when nothing is queued or in flight. */
  drain(): Promise<void>;
}

export function createBatcher<In, Out>({
  flush,
  sizeOf,
  maxSize,
  concurrency = 1,
}: BatcherOptions<In, Out>): Batcher<In, Out> {
  const queue: Waiting<In, Out>[] = [];
  /** Flushes holding a slot (not released yet). */
  let running = 0;
  /** Flushes not finished yet, released or not. */
  let inFlight = 0;
  let scheduled = false;
  let idle: (() => void)[] = [];

  const take = (): Waiting<In, Out>[] => {
    const batch: Waiting<In, Out>[] = [];
    let size = 0;
    while (queue.length > 0) {
      const next = queue[0] as Waiting<In, Out>;
      const s = sizeOf(next.request);
      if (batch.length > 0 && size + s > maxSize) break;
      batch.push(next);
      size += s;
      queue.shift();
    }
    return batch;
  };

  const pump = () => {
    scheduled = false;
    while (running < concurrency && queue.length > 0) {
      const batch = take();
      running++;
      inFlight++;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        running--;
        if (queue.length > 0) schedule();
      };
      flush(
        batch.map((w) => w.request),
        release,
      )
        .then(
          (outs) => {
            for (const [i, w] of batch.entries()) w.resolve(outs[i] as Out);
          },
          (error) => {
            for (const w of batch) w.reject(error);
          },
        )
        .finally(() => {
          inFlight--;
          release();
          if (inFlight === 0 && queue.length === 0) {
            for (const done of idle) done();
            idle = [];
          }
        });
    }
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(pump);
  };

  return {
    submit(request) {
      return new Promise<Out>((resolve, reject) => {
        queue.push({ request, resolve, reject });
        if (running < concurrency) schedule();
      });
    },
    drain() {
      if (inFlight === 0 && queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },
  };
}
