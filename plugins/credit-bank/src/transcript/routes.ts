import { createHash, randomBytes } from 'node:crypto';
import { Forbidden, NotFound, type RawReply, uuidv7, ValidationFailed } from '@lifelong/core';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { personOf, requireReadPerson } from '../access.js';
import type { CreditBankRegistrar } from '../config.js';
import { records } from '../shared/records/schema.js';
import { buildTranscript } from './build.js';
import * as contract from './contract.js';
import { TRANSCRIPT_POLICY, transcriptHtml } from './html.js';
import { transcriptShares } from './schema.js';
import type { CreateShareBody } from './schemas.js';

type ShareRow = typeof transcriptShares.$inferSelect;
const DAY_MS = 86_400_000;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const shareView = (row: ShareRow) => ({
  id: row.id,
  stages: row.stages as NonNullable<CreateShareBody['stages']>,
  recordIds: row.recordIds,
  expiresAt: row.expiresAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

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

/** Declares the lifelong transcript (JSON and printable HTML) and its revocable share links. */
export function registerTranscript(p: CreditBankRegistrar): void {
  p.route(contract.getTranscript, async ({ params, query }, ctx) => {
    const person = await ctx.identity.person(params.learnerNumber);
    if (!person) throw NotFound({ detail: `No person with learner number ${params.learnerNumber}.` });
    await requireReadPerson(ctx, person);
    const page = query.format === 'html' ? 'all' : { limit: query.limit ?? 50, cursor: query.cursor };
    const transcript = await buildTranscript(ctx.db, person, null, ctx.now(), page);
    return query.format === 'html' ? html(transcriptHtml(transcript)) : { status: 200, body: transcript };
  });

  p.route(contract.createTranscriptShare, async ({ body }, ctx) => {
    const personId = personOf(ctx);
    const now = ctx.now();
    const expiresAt = new Date(body.expiresAt);
    const maxDays = ctx.config.transcript.maxShareDays;
    if (expiresAt <= now || expiresAt.getTime() - now.getTime() > maxDays * DAY_MS) {
      throw ValidationFailed({
        errors: [
          {
            path: '/body/expiresAt',
            rule: 'shareWindow',
            message: `Must be in the future and within ${maxDays} days`,
          },
        ],
      });
    }
    const recordIds = body.recordIds ?? [];
    if (recordIds.length > 0) {
      const owned = await ctx.db
        .select({ id: records.id })
        .from(records)
        .where(and(eq(records.personId, personId), inArray(records.id, recordIds)));
      const mine = new Set(owned.map((r) => r.id));
      const errors = recordIds.flatMap((id, i) =>
        mine.has(id) ? [] : [{ path: `/body/recordIds/${i}`, rule: 'ownRecord', message: 'Not one of your records' }],
      );
      if (errors.length > 0) throw ValidationFailed({ errors });
    }
    const token = randomBytes(32).toString('base64url');
    const [row] = await ctx.db
      .insert(transcriptShares)
      .values({
        id: uuidv7(),
        personId,
        tokenHash: hashToken(token),
        stages: body.stages ?? [],
        recordIds,
        expiresAt,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return {
      status: 201,
      body: { ...shareView(row), token, path: `/v1/credit-bank/shared-transcripts/${token}` },
    };
  });

  p.route(contract.listTranscriptShares, async (_input, ctx) => {
    const rows = await ctx.db
      .select()
      .from(transcriptShares)
      .where(eq(transcriptShares.personId, personOf(ctx)))
      .orderBy(asc(transcriptShares.id))
      .limit(1000);
    return { status: 200, body: { items: rows.map(shareView) } };
  });

  p.route(contract.revokeTranscriptShare, async ({ params }, ctx) => {
    const personId = personOf(ctx);
    const [row] = await ctx.db.select().from(transcriptShares).where(eq(transcriptShares.id, params.shareId));
    if (!row) throw NotFound({ detail: `No share ${params.shareId}.` });
    if (row.personId !== personId) throw Forbidden({ detail: 'Only the person who made the link may revoke it.' });
    await ctx.db
      .update(transcriptShares)
      .set({ revokedAt: ctx.now() })
      .where(and(eq(transcriptShares.id, row.id), isNull(transcriptShares.revokedAt)));
    return { status: 204, body: undefined };
  });

  p.route(contract.getSharedTranscript, async ({ params, query }, ctx) => {
    const [share] = await ctx.db
      .select()
      .from(transcriptShares)
      .where(and(eq(transcriptShares.tokenHash, hashToken(params.token)), isNull(transcriptShares.revokedAt)));
    const person = share && share.expiresAt > ctx.now() ? await ctx.identity.personById(share.personId) : null;
    if (!share || !person) throw NotFound({ detail: 'No such share link, or it has expired or been revoked.' });
    const page = query.format === 'html' ? 'all' : { limit: query.limit ?? 50, cursor: query.cursor };
    const transcript = await buildTranscript(ctx.db, person, share, ctx.now(), page);
    return query.format === 'html' ? html(transcriptHtml(transcript)) : { status: 200, body: transcript };
  });
}
