import type { PluginRegistrar } from '@lifelong/core';
import type { CredentialsConfig } from '../config.js';
import * as contract from './contract.js';
import { clrFor, issueForRecord, readableIssued } from './service.js';

const TYPES = { json: 'application/json', jsonld: 'application/ld+json', jwt: 'application/jwt' } as const;

export function registerIssuance(p: PluginRegistrar<typeof CredentialsConfig>): void {
  p.route(contract.issueRecordCredential, async ({ params, query }, ctx) => ({
    status: 201,
    body: await issueForRecord(ctx, params.recordId, query.format ?? 'ldp_vc'),
  }));
  p.route(contract.getClr, async ({ params, query }, ctx) => ({
    status: 200,
    body: await clrFor(ctx, params.learnerNumber, query.format ?? 'ldp_vc'),
  }));
  p.route(contract.downloadCredential, async ({ params, query }, ctx) => {
    const row = await readableIssued(ctx, params.credentialId);
    const as = query.as ?? 'json';
    const body = as === 'jwt' ? row.jwt : `${JSON.stringify(row.ldp, null, 2)}\n`;
    const filename = `${row.kind === 'clr' ? 'transcript' : 'credential'}-${row.id}.${as === 'jwt' ? 'jwt' : 'json'}`;
    return {
      response: new Response(body, {
        status: 200,
        headers: {
          'Content-Type': `${TYPES[as]}; charset=utf-8`,
          'Content-Disposition': `attachment; filename="${filename}"`,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
        },
      }),
    };
  });
}
