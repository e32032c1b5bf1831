// Transcript of a person with 10,000 records, p99 < 100 ms: needs the credit-bank plugin's
// transcript (plugins/credit-bank). Until it can be measured the row says why instead of carrying
// a number; when the transcript is implemented, replace the body of run() with the measurement (load 10,000 records for one
// person through the plugin, then probe the transcript route as scenarios/growth.ts does).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../lib/types.js';

const creditBank = fileURLToPath(new URL('../../plugins/credit-bank/package.json', import.meta.url));
const TARGET = { text: 'p99 < 100 ms', met: null };

export const transcript: Scenario = {
  id: 'transcript',
  title: 'Transcript of a person with 10,000 records',
  async run(ctx) {
    const reason = existsSync(creditBank)
      ? 'not measured: credit-bank plugin installed, but its transcript scenario is not written yet (bench/scenarios/transcript.ts)'
      : 'not measured: credit-bank plugin not installed';
    ctx.log(`  ${reason}`);
    return [
      {
        id: 'growth.transcript.p99',
        section: 'Growth',
        figure: 'transcript of a person with 10,000 records, p99',
        value: null,
        unit: 'ms',
        target: TARGET,
        note: reason,
      },
    ];
  },
};
