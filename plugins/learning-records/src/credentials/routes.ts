import type { LearningRecordsRegistrar } from '../config.js';
import * as contract from './contract.js';
import { createCredential, listCredentials, revokeCredential } from './service.js';

export function registerCredentials(p: LearningRecordsRegistrar): void {
  p.route(contract.createCredential, async ({ body }, ctx) => ({
    status: 201,
    body: await createCredential(ctx, body),
  }));
  p.route(contract.listCredentials, async ({ query }, ctx) => ({
    status: 200,
    body: await listCredentials(ctx, query),
  }));
  p.route(contract.revokeCredential, async ({ params }, ctx) => {
    await revokeCredential(ctx, params.credentialId);
    return { status: 204, body: undefined };
  });
}
