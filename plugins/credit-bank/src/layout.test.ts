import { fileURLToPath } from 'node:url';
import { featureBoundaryViolations } from '@lifelong/core/testing';
import { expect, it } from 'vitest';

it('keeps every feature folder to itself, sharing only through src/shared (and test helpers in src/testing)', () => {
  expect(
    featureBoundaryViolations(fileURLToPath(new URL('.', import.meta.url)), { shared: ['shared', 'testing'] }),
  ).toEqual([]);
});
