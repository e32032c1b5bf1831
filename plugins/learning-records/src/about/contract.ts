import { defineContract } from '@lifelong/core/contract';
import { About } from './schemas.js';

export const getAbout = defineContract({
  operationId: 'xapi.about',
  method: 'get',
  path: '/xapi/about',
  summary: 'The xAPI versions this LRS speaks (no credentials needed)',
  description:
    'Public, and answered whatever `X-Experience-API-Version` the request sends (1.0.3 7.7): the LRS says which versions it speaks.',
  access: { public: true },
  responses: { 200: { description: 'The LRS’s versions', schema: About } },
});
