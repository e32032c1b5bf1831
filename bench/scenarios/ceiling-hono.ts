// Ceiling 2: the most HTTP requests/s one Node process answers on this machine — a bare hono
// "hello" route on @hono/node-server, loaded by autocannon at 64 connections. The platform's
// read figures are ratios to it.
import { serverScript, startChild } from '../lib/child.js';
import { describeErrors, load } from '../lib/load.js';
import type { Scenario } from '../lib/types.js';

export const HTTP_CEILING_CONNECTIONS = 64;

export const honoCeiling: Scenario = {
  id: 'ceiling-hono',
  title: 'Ceiling: bare hono "hello"',
  async run(ctx) {
    const server = await startChild<{ url: string }>(['--import', 'tsx', serverScript('hello.ts')], {});
    try {
      const r = await load({
        label: 'hello',
        url: `${server.ready.url}/`,
        connections: HTTP_CEILING_CONNECTIONS,
        seconds: ctx.sizes.loadSeconds,
      });
      ctx.log(`  → ${r.okPerSecond.toFixed(0)} requests/s, p99 ${r.p99} ms`);
      return [
        {
          id: 'ceiling.hono.rps',
          section: 'Ceilings',
          figure: `bare hono "hello" requests/s, ${HTTP_CEILING_CONNECTIONS} connections`,
          value: r.okPerSecond,
          unit: 'req/s',
          note: `p50 ${r.p50} ms, p99 ${r.p99} ms; ${describeErrors(r)}`,
        },
      ];
    } finally {
      await server.stop();
    }
  },
};
