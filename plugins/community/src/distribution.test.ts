import { pluginDistributionViolations } from '@lifelong/core/testing';
import { expect, it } from 'vitest';
import plugin from './index.js';

// Born distributable (docs/scale.md, "Assessments"): no allowlist. A new table without a
// declaration, or a key or foreign key that breaks a rule, fails here.
it('declares every table and meets every distribution rule', async () => {
  expect(await pluginDistributionViolations(plugin)).toEqual([]);
}, 120_000); // a fresh database, migrated: several seconds on PGlite, more on a busy machine
