import type { PluginContext } from '@lifelong/core';
import { sql } from 'drizzle-orm';
import type { RecordRow } from './award.js';

type Row = {
  personId: string;
  dimension: string;
  key: string;
  credits: bigint;
  records: number;
  withdrawn: number;
  hours: number;
};

/**
 * Adds records to (`sign` 1: new records) or moves them out of (`sign` -1: withdrawn records) their
 * person's transcript totals, in one statement for any number of records.
 */
export async function countRecords(ctx: PluginContext, rows: RecordRow[], sign: 1 | -1): Promise<void> {
  if (rows.length === 0) return;
  const sums = new Map<string, Row>();
  for (const r of rows) {
    const year = String(r.completedAt.getUTCFullYear());
    for (const [dimension, key] of [
      ['all', ''],
      ['stage', r.stage],
      ['year', year],
      ['origin', r.origin],
    ] as const) {
      const id = `${r.personId}\u0000${dimension}\u0000${key}`;
      const sum = sums.get(id) ?? {
        personId: r.personId,
        dimension,
        key,
        credits: 0n,
        records: 0,
        withdrawn: 0,
        hours: 0,
      };
      sum.credits += BigInt(sign) * r.credits;
      sum.records += sign;
      sum.withdrawn += sign === -1 ? 1 : 0;
      sum.hours += sign * Number(r.workloadHours);
      sums.set(id, sum);
    }
  }
  const json = JSON.stringify([...sums.values()].map((s) => ({ ...s, credits: String(s.credits) })));
  await ctx.db.execute(sql`
    insert into credit_bank.record_totals as t (person_id, dimension, key, credits, records, withdrawn, workload_hours)
    select x."personId", x.dimension, x.key, x.credits, x.records, x.withdrawn, x.hours
      from jsonb_to_recordset(${json}::jsonb)
        as x("personId" uuid, dimension text, key text, credits bigint, records integer, withdrawn integer, hours numeric)
    on conflict (person_id, dimension, key) do update set
      credits = t.credits + excluded.credits,
      records = t.records + excluded.records,
      withdrawn = t.withdrawn + excluded.withdrawn,
      workload_hours = t.workload_hours + excluded.workload_hours`);
}
