import type { RawReply } from '@lifelong/core';
import type { CreditBankRegistrar } from '../config.js';
import * as contract from './contract.js';
import { TRANSCRIPT_POLICY, transcriptHtml } from './html.js';
import { createShare, listShares, revoke, sharedTranscript, type TranscriptPage, transcriptOf } from './service.js';

const html = (body: string): RawReply => ({
  response: new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': TRANSCRIPT_POLICY,
    },
  }),
});

/** The printable HTML shows every record; JSON a page at a time. */
const pageOf = (query: { format?: 'json' | 'html'; limit?: number; cursor?: string }): TranscriptPage =>
  query.format === 'html' ? 'all' : { limit: query.limit ?? 50, cursor: query.cursor };

/** Declares the lifelong transcript (JSON and printable HTML) and its revocable share links. */
export function registerTranscript(p: CreditBankRegistrar): void {
  p.route(contract.getTranscript, async ({ params, query }, ctx) => {
    const transcript = await transcriptOf(ctx, params.learnerNumber, pageOf(query));
    return query.format === 'html' ? html(transcriptHtml(transcript)) : { status: 200, body: transcript };
  });

  p.route(contract.createTranscriptShare, async ({ body }, ctx) => ({
    status: 201,
    body: await createShare(ctx, body),
  }));

  p.route(contract.listTranscriptShares, async (_input, ctx) => ({ status: 200, body: await listShares(ctx) }));

  p.route(contract.revokeTranscriptShare, async ({ params }, ctx) => {
    await revoke(ctx, params.shareId);
    return { status: 204, body: undefined };
  });

  p.route(contract.getSharedTranscript, async ({ params, query }, ctx) => {
    const transcript = await sharedTranscript(ctx, params.token, pageOf(query));
    return query.format === 'html' ? html(transcriptHtml(transcript)) : { status: 200, body: transcript };
  });
}
