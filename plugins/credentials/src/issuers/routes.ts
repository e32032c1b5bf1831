import { NotFound, type PluginRegistrar } from '@lifelong/core';
import type { CredentialsConfig } from '../config.js';
import { didDocument, rotateKey } from '../shared/issuers.js';
import * as contract from './contract.js';

export function registerIssuers(p: PluginRegistrar<typeof CredentialsConfig>): void {
  p.route(contract.getDidDocument, async ({ params }, ctx) => {
    const document = await didDocument(ctx, params.regionId);
    if (!document) throw NotFound({ detail: `The issuer of ${params.regionId} has no keys yet.` });
    return {
      response: new Response(JSON.stringify(document), {
        status: 200,
        headers: { 'Content-Type': 'application/did+json', 'Cache-Control': 'max-age=300' },
      }),
    };
  });
  p.route(contract.rotateIssuerKey, async ({ params, body }, ctx) => {
    ctx.require('keys.rotate', { regionId: params.regionId });
    if (!(await ctx.enabledRegions()).includes(params.regionId)) {
      throw NotFound({ detail: `Credentials are not enabled in region ${params.regionId}.` });
    }
    const document = await rotateKey(ctx, params.regionId, body.reason);
    ctx.logger.info({ regionId: params.regionId, reason: body.reason }, 'issuer key rotated');
    return { status: 200, body: document as NonNullable<typeof document> };
  });
}
