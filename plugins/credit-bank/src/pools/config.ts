import { Type } from '@sinclair/typebox';

/** Per-region configuration of the pools feature (defaults apply when a region sets nothing). */
export const PoolsConfig = Type.Object(
  {
    approvalsRequired: Type.Integer({
      minimum: 1,
      maximum: 10,
      default: 2,
      description:
        'Distinct managing members who must approve a spend before it executes (the requester counts as the first).',
    }),
  },
  { default: {} },
);
