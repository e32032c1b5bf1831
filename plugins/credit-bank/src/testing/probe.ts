import { definePlugin } from '@lifelong/core';
import { Type } from '@sinclair/typebox';
import type { CompletionInput } from '../completion.js';
import { CertificateReviewed, CreditAwarded, RecordCreated } from '../events.js';
import { creditBankService } from '../service.js';
import { LedgerRefused, PersonNotVerified } from '../shared/errors.js';

// Test support only (not exported): a plugin that requires the credit bank, as teacher
// development does, to call its service through the real runtime and to watch its events.

export const seen: { name: string; payload: Record<string, unknown> }[] = [];

export const probe = definePlugin({
  id: 'cb-probe',
  version: '0.1.0',
  description: 'Calls the credit bank service in tests',
  requires: { core: '^0.1.0', plugins: { 'credit-bank': '^0.1.0' } },
  register(p) {
    p.route({
      method: 'post',
      path: '/completions',
      summary: 'Report a completion to the credit bank',
      access: { public: true },
      errors: [PersonNotVerified, LedgerRefused],
      request: { body: Type.Unknown() },
      responses: { 200: { description: 'The outcome', schema: Type.Unknown() } },
      handler: async ({ body }, ctx) => ({
        status: 200,
        body: await ctx.service(creditBankService).awardForCompletion(body as CompletionInput),
      }),
    });
    p.route({
      method: 'get',
      path: '/accounts/{personId}',
      summary: "A person's credit and point account ids",
      access: { public: true },
      request: { params: Type.Object({ personId: Type.String({ format: 'uuid' }) }) },
      responses: { 200: { description: 'Ids', schema: Type.Object({ credit: Type.String(), points: Type.String() }) } },
      handler: async ({ params }, ctx) => {
        const bank = ctx.service(creditBankService);
        const ownerId = params.personId;
        return {
          status: 200,
          body: {
            credit: await bank.account({ ownerType: 'person', ownerId, asset: 'CREDIT', purpose: 'record' }),
            points: await bank.account({ ownerType: 'person', ownerId, asset: 'POINT', purpose: 'wallet' }),
          },
        };
      },
    });
    const watch = (name: string, payload: unknown) => {
      seen.push({ name, payload: payload as Record<string, unknown> });
    };
    p.on(RecordCreated, async (e) => watch(e.name, e.payload));
    p.on(CreditAwarded, async (e) => watch(e.name, e.payload));
    p.on(CertificateReviewed, async (e) => watch(e.name, e.payload));
  },
});
