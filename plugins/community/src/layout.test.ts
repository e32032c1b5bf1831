import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { featureBoundaryViolations } from '@lifelong/core/testing';
import { expect, it } from 'vitest';

const src = dirname(fileURLToPath(import.meta.url));

it('features import each other only through the shared folder', () => {
  expect(featureBoundaryViolations(src, { shared: ['shared'] })).toEqual([]);
});
