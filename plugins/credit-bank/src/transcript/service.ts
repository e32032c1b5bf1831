import { createHash, randomBytes } from 'node:crypto';
import { Forbidden, NotFound, type PluginRequestContext, uuidv7, ValidationFailed } from '@lifelong/core';
import { readablePerson } from '../access.js';
import type { CreditBankConfig } from '../config.js';
import { PeopleOnly } from '../shared/errors.js';
import type { CreateShareBody, Transcript } from './schemas.js';
import {
  activeShareByTokenHash,
  buildTranscript,
  findShare,
  insertShare,
  ownRecordIds,
  revokeShare,
  type ShareRow,
  sharesOf,
} from './store.js';

// The transcript's rules: who may read a person's transcript, and how share links are made
// (a random token, only its hash kept), bounded in time, revoked and honoured.

type Ctx = PluginRequestContext<typeof CreditBankConfig>;
/** A page of records (JSON), or every record (the printable HTML). */
export type TranscriptPage = { limit: number; cursor?: string | undefined } | 'all';

const DAY_MS = 86_400_000;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const shareView = (row: ShareRow) => ({
  id: row.id,
  stages: row.stages as NonNullable<CreateShareBody['stages']>,
  recordIds: row.recordIds,
  expiresAt: row.expiresAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

/** The person's transcript, for them, their guardian while a minor, and records readers. */
export async function transcriptOf(ctx: Ctx, learnerNumber: string, page: TranscriptPage): Promise<Transcript> {
  const person = await readablePerson(ctx, learnerNumber);
  return buildTranscript(ctx.db, person, null, ctx.now(), page);
}

/** The signed-in person makes a share link of (some of) their transcript, expiring within the region's limit. */
export async function createShare(ctx: Ctx, body: CreateShareBody) {
  const personId = ctx.requirePerson(PeopleOnly);
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
    const mine = await ownRecordIds(ctx.db, personId, recordIds);
    const errors = recordIds.flatMap((id, i) =>
      mine.has(id) ? [] : [{ path: `/body/recordIds/${i}`, rule: 'ownRecord', message: 'Not one of your records' }],
    );
    if (errors.length > 0) throw ValidationFailed({ errors });
  }
  const token = randomBytes(32).toString('base64url');
  const row = await insertShare(ctx.db, {
    id: uuidv7(),
    personId,
    tokenHash: hashToken(token),
    stages: body.stages ?? [],
    recordIds,
    expiresAt,
    createdAt: now,
  });
  return { ...shareView(row), token, path: `/v1/credit-bank/shared-transcripts/${token}` };
}

/** The signed-in person's share links. */
export const listShares = async (ctx: Ctx) => ({
  items: (await sharesOf(ctx.db, ctx.requirePerson(PeopleOnly))).map(shareView),
});

/** Only the person who made a link may revoke it. */
export async function revoke(ctx: Ctx, shareId: string): Promise<void> {
  const personId = ctx.requirePerson(PeopleOnly);
  const row = await findShare(ctx.db, shareId);
  if (!row) throw NotFound({ detail: `No share ${shareId}.` });
  if (row.personId !== personId) throw Forbidden({ detail: 'Only the person who made the link may revoke it.' });
  await revokeShare(ctx.db, row.id, ctx.now());
}

/** What a share link shows, to whoever holds it, until it expires or is revoked. */
export async function sharedTranscript(ctx: Ctx, token: string, page: TranscriptPage): Promise<Transcript> {
  const share = await activeShareByTokenHash(ctx.db, hashToken(token));
  const person = share && share.expiresAt > ctx.now() ? await ctx.identity.personById(share.personId) : null;
  if (!share || !person) throw NotFound({ detail: 'No such share link, or it has expired or been revoked.' });
  return buildTranscript(ctx.db, person, share, ctx.now(), page);
}
