import type { PluginRegistrar } from '@lifelong/core';
import type { CredentialsConfig } from '../config.js';
import * as contract from './contract.js';
import { PAGE_POLICY, verificationHtml } from './html.js';
import { verify, verifyIssued } from './service.js';

export function registerVerification(p: PluginRegistrar<typeof CredentialsConfig>): void {
  p.route(contract.verifyCredential, async ({ body }, ctx) => ({
    status: 200,
    body: await verify(ctx, body.credential),
  }));
  p.route(contract.verificationPage, async ({ params }, ctx) => {
    const { row, verification } = await verifyIssued(ctx, params.credentialId);
    return {
      response: new Response(verificationHtml(row.ldp, verification), {
        status: 200,
        headers: {
          'Content-Type': 'text/html; charset=utf-8',
          'Cache-Control': 'no-store',
          'Content-Security-Policy': PAGE_POLICY,
        },
      }),
    };
  });
}
