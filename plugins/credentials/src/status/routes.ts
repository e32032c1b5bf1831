import type { PluginRegistrar } from '@lifelong/core';
import { RecordWithdrawn } from '@lifelong/plugin-credit-bank';
import type { CredentialsConfig } from '../config.js';
import * as contract from './contract.js';
import { revokeForRecord, statusListCredential } from './service.js';

export function registerStatus(p: PluginRegistrar<typeof CredentialsConfig>): void {
  p.route(contract.getStatusList, async ({ params }, ctx) => ({
    status: 200,
    body: await statusListCredential(ctx, params.regionId),
  }));
  p.on(RecordWithdrawn, async ({ payload }, ctx) => {
    await revokeForRecord(ctx, payload.personId, payload.recordId);
  });
}
