// The credit bank at 10,000 records: one learner's records are imported through the HTTP route
// and the imports job (the acceptance bar: 10,000 records in under 30 s), then the transcript of
// that learner is probed under load (target p99 < 100 ms; the JSON carries the totals by stage,
// year and verification over all 10,000 records and the first page of records).
import { serverScript, startChild } from '../lib/child.js';
import { describeErrors, load } from '../lib/load.js';
import type { Row, Scenario } from '../lib/types.js';

const RECORDS = 10_000;
const CONNECTIONS = 8;
const P99_TARGET_MS = 100;
const IMPORT_TARGET_S = 30;

interface Ready {
  url: string;
  learnerNumber: string;
  token: string;
  importSeconds: number;
}

export const transcript: Scenario = {
  id: 'transcript',
  title: 'Credit bank: import and transcript of a person with 10,000 records',
  async run(ctx) {
    const name = 'lifelong_bench_transcript';
    const databaseUrl = await ctx.createDatabase(name);
    try {
      ctx.log(`  importing ${RECORDS.toLocaleString('en')} records for one learner`);
      const server = await startChild<Ready>(
        ['--import', 'tsx', serverScript('credit-bank.ts')],
        { DATABASE_URL: databaseUrl, BENCH_RECORDS: String(RECORDS) },
        300_000,
      );
      try {
        const { url, learnerNumber, token, importSeconds } = server.ready;
        ctx.log(`  → imported in ${importSeconds.toFixed(1)} s`);
        const probe = await load({
          label: 'transcript reads',
          url: `${url}/v1/credit-bank/people/${learnerNumber}/transcript`,
          headers: { authorization: `Bearer ${token}` },
          connections: CONNECTIONS,
          seconds: ctx.sizes.probeSeconds,
        });
        ctx.log(`  → transcript p99 ${probe.p99} ms`);
        const rows: Row[] = [
          {
            id: 'credit-bank.import.seconds',
            section: 'Growth',
            figure: `bulk import of ${RECORDS.toLocaleString('en')} records (HTTP route + imports job)`,
            value: Number(importSeconds.toFixed(1)),
            unit: 's',
            target: { text: `< ${IMPORT_TARGET_S} s`, met: importSeconds < IMPORT_TARGET_S },
            note: '4 chunks of 2,500 rows, one per run of the 1-second imports job',
          },
          {
            id: 'growth.transcript.p99',
            section: 'Growth',
            figure: `transcript of a person with ${RECORDS.toLocaleString('en')} records, p99`,
            value: probe.p99,
            unit: 'ms',
            target: { text: `p99 < ${P99_TARGET_MS} ms`, met: probe.p99 < P99_TARGET_MS },
            note: `p50 ${probe.p50} ms; ${probe.okPerSecond.toFixed(0)} req/s at ${CONNECTIONS} connections; first page of 50 records with totals over all; ${describeErrors(probe)}`,
          },
        ];
        return rows;
      } finally {
        await server.stop();
      }
    } finally {
      await ctx.dropDatabase(name);
    }
  },
};
