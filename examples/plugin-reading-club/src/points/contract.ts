import { defineContract } from '@lifelong/core/contract';
import { Points } from '../schemas.js';

export const getPoints = defineContract({
  operationId: 'points.get',
  method: 'get',
  path: '/points',
  summary: 'My reading points: the POINT account reading clubs pay into',
  access: { authenticated: 'any signed-in person' },
  responses: {
    200: { description: 'The account (null before the first finished book) and its balance', schema: Points },
  },
});
