import { and, eq } from 'drizzle-orm';
import type { Actor } from '../audit/record.js';
import { recordAudit } from '../audit/record.js';
import { requestTransaction } from '../db/request-transaction.js';
import { ValidationFailed } from '../errors/core-errors.js';
import { channelFor } from '../messaging/channels.js';
import type { NotificationLocale } from '../notifications/notification-ref.js';
import {
  CODE_MAX_ATTEMPTS,
  CODE_RESEND_SECONDS,
  CODE_TTL_SECONDS,
  codeHash,
  codeMatches,
  codeMessage,
  maskContact,
  newCode,
  normalizeContact,
} from './contact-codes.js';
import type { IdentityContext } from './context.js';
import { CodeCooldown, ContactCodeUnusable, ContactNotFound } from './errors.js';
import { contacts } from './schema.js';

export type ContactKind = 'email' | 'phone';
type ContactRow = typeof contacts.$inferSelect;

export function contactView(row: ContactRow) {
  return {
    kind: row.kind,
    masked: row.masked,
    verifiedAt: row.verifiedAt ? row.verifiedAt.toISOString() : null,
    pending:
      row.pendingMasked && row.codeExpiresAt
        ? { masked: row.pendingMasked, codeExpiresAt: row.codeExpiresAt.toISOString() }
        : null,
  };
}

export async function listContacts(ctx: IdentityContext, personId: string) {
  const rows = await ctx.db.select().from(contacts).where(eq(contacts.personId, personId)).orderBy(contacts.kind);
  return { items: rows.map(contactView) };
}

const findContact = async (ctx: IdentityContext, personId: string, kind: ContactKind) =>
  (
    await ctx.db
      .select()
      .from(contacts)
      .where(and(eq(contacts.personId, personId), eq(contacts.kind, kind)))
      .limit(1)
  )[0];

/**
 * Starts adding or changing a contact: the new value waits, encrypted, for the code sent to it;
 * the verified one (if any) stays in use until the code comes back. One code a minute at most
 * (429 with Retry-After). The message is sent inside the transaction, so a failed hand-over to the
 * mail server or SMS provider leaves nothing pending.
 */
export async function startContactChange(
  ctx: IdentityContext,
  actor: Actor,
  personId: string,
  kind: ContactKind,
  rawValue: string,
  locale: NotificationLocale,
) {
  const channel = channelFor(ctx.channels, kind);
  const value = normalizeContact(kind, rawValue);
  const now = ctx.now();
  const existing = await findContact(ctx, personId, kind);
  if (existing?.codeSentAt) {
    const wait = Math.ceil((existing.codeSentAt.getTime() + CODE_RESEND_SECONDS * 1000 - now.getTime()) / 1000);
    if (wait > 0)
      throw CodeCooldown({
        detail: `Wait ${wait} s before asking for another code.`,
        headers: { 'Retry-After': String(wait) },
      });
  }
  const code = newCode();
  const encrypted = ctx.protector.protect(`contact:${kind}`, value);
  const pending = {
    pendingCiphertext: encrypted.ciphertext,
    pendingKeyId: encrypted.keyId,
    pendingMasked: maskContact(kind, value),
    codeHash: codeHash(ctx.protector, `contact:${kind}`, personId, code),
    codeExpiresAt: new Date(now.getTime() + CODE_TTL_SECONDS * 1000),
    codeSentAt: now,
    codeAttempts: 0,
    updatedAt: now,
  };
  return requestTransaction(ctx.db, async (tx) => {
    const [row] = await tx
      .insert(contacts)
      .values({ personId, kind, ...pending })
      .onConflictDoUpdate({ target: [contacts.personId, contacts.kind], set: pending })
      .returning();
    await recordAudit(tx, actor, {
      action: 'person.contact.code-sent',
      subjectType: 'person',
      subjectId: personId,
      details: { kind, masked: pending.pendingMasked },
    });
    await channel.send({ to: value, ...codeMessage('verify', locale, code) });
    return contactView(row as ContactRow);
  });
}

/** Confirms a pending contact with its code: it becomes the verified one. */
export async function verifyContact(
  ctx: IdentityContext,
  actor: Actor,
  personId: string,
  kind: ContactKind,
  code: string,
) {
  const row = await findContact(ctx, personId, kind);
  const now = ctx.now();
  if (!row?.codeHash || !row.codeExpiresAt || !row.pendingCiphertext) {
    throw ContactCodeUnusable({
      detail: `No ${kind} is waiting for a code: ask for one first.`,
      extensions: { reason: 'none' },
    });
  }
  if (row.codeExpiresAt <= now) {
    throw ContactCodeUnusable({
      detail: 'The code has expired: ask for a new one.',
      extensions: { reason: 'expired' },
    });
  }
  if (row.codeAttempts >= CODE_MAX_ATTEMPTS) {
    throw ContactCodeUnusable({
      detail: 'Too many wrong codes: ask for a new one.',
      extensions: { reason: 'attempts' },
    });
  }
  const where = and(eq(contacts.personId, personId), eq(contacts.kind, kind));
  if (!codeMatches(row.codeHash, codeHash(ctx.protector, `contact:${kind}`, personId, code))) {
    await ctx.db
      .update(contacts)
      .set({ codeAttempts: row.codeAttempts + 1 })
      .where(where);
    throw ValidationFailed({
      errors: [
        {
          path: '/body/code',
          rule: 'code',
          message: `Wrong code; ${CODE_MAX_ATTEMPTS - row.codeAttempts - 1} attempt(s) left`,
        },
      ],
    });
  }
  return requestTransaction(ctx.db, async (tx) => {
    const [verified] = await tx
      .update(contacts)
      .set({
        ciphertext: row.pendingCiphertext,
        keyId: row.pendingKeyId,
        masked: row.pendingMasked,
        verifiedAt: now,
        pendingCiphertext: null,
        pendingKeyId: null,
        pendingMasked: null,
        codeHash: null,
        codeExpiresAt: null,
        // The next change is a new action: only unconfirmed codes count towards the minute's wait.
        codeSentAt: null,
        codeAttempts: 0,
        updatedAt: now,
      })
      .where(where)
      .returning();
    await recordAudit(tx, actor, {
      action: 'person.contact.verified',
      subjectType: 'person',
      subjectId: personId,
      details: { kind, masked: row.pendingMasked },
    });
    return contactView(verified as ContactRow);
  });
}

export async function removeContact(ctx: IdentityContext, actor: Actor, personId: string, kind: ContactKind) {
  await requestTransaction(ctx.db, async (tx) => {
    const deleted = await tx
      .delete(contacts)
      .where(and(eq(contacts.personId, personId), eq(contacts.kind, kind)))
      .returning({ kind: contacts.kind });
    if (deleted.length === 0) throw ContactNotFound({ detail: `You have no ${kind} on file.` });
    await recordAudit(tx, actor, {
      action: 'person.contact.removed',
      subjectType: 'person',
      subjectId: personId,
      details: { kind },
    });
  });
}

/** The verified value of a person's contact, decrypted, for sending to it; null when none. */
export async function verifiedContact(
  ctx: IdentityContext,
  personId: string,
  kind: ContactKind,
): Promise<string | null> {
  const row = await findContact(ctx, personId, kind);
  if (!row?.ciphertext || !row.keyId || !row.verifiedAt) return null;
  return ctx.protector.reveal(`contact:${kind}`, { ciphertext: row.ciphertext, keyId: row.keyId });
}
