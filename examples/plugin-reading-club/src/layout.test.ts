import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { featureBoundaryViolations } from '@lifelong/core/testing';
import { expect, it } from 'vitest';

it('features import each other only through shared/', () => {
  expect(featureBoundaryViolations(dirname(fileURLToPath(import.meta.url)), { shared: ['shared'] })).toEqual([]);
});
