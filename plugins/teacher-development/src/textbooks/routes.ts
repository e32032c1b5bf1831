import { type TransferInput, uuidv7 } from '@lifelong/core';
import { creditBankService } from '@lifelong/plugin-credit-bank';
import { and, asc, eq, gte } from 'drizzle-orm';
import { TransferCodes } from '../codes.js';
import type { TeacherDevelopmentRegistrar } from '../config.js';
import { type Ctx, iso } from '../context.js';
import {
  InsufficientFunds,
  NotInQualityDatabase,
  PaymentFailed,
  TextbookNotFound,
  WrongTextbookState,
} from '../errors.js';
import { invalidField } from '../field-error.js';
import { derivedId } from '../ids.js';
import { qualityOf } from '../shared/quality.js';
import { approvedTeacher, teacherOfPerson } from '../shared/teachers.js';
import * as contract from './contract.js';
import { normalizeIsbn } from './isbn.js';
import { signingEvents, type TextbookRow, type TextbookSaleRow, textbookSales, textbooks } from './schema.js';
import type { Textbook } from './schemas.js';

const textbookView = (row: TextbookRow): Textbook => ({
  id: row.id,
  regionId: row.regionId,
  teacherId: row.teacherId,
  publisherInstitutionId: row.publisherInstitutionId,
  title: row.title,
  description: row.description,
  state: row.state,
  reviewNote: row.reviewNote,
  isbn: row.isbn,
  price: row.price === null ? null : String(row.price),
  asset: row.asset,
  proposedAt: row.proposedAt.toISOString(),
  publishedAt: iso(row.publishedAt),
});

const saleView = (row: TextbookSaleRow) => ({
  id: row.id,
  textbookId: row.textbookId,
  booksellerInstitutionId: row.booksellerInstitutionId,
  reportRef: row.reportRef,
  copies: row.copies,
  asset: row.asset,
  gross: String(row.gross),
  royalty: String(row.royalty),
  publisherShare: String(row.publisherShare),
  transferIds: row.transferIds,
  reportedAt: row.reportedAt.toISOString(),
});

/** Publishing is the publisher institution's business (or the region admin's). */
const mayPublish = (ctx: Ctx, book: TextbookRow) =>
  ctx.can('textbooks.publish', { regionId: book.regionId }) ||
  ctx.can('textbooks.publish', { institutionId: book.publisherInstitutionId });

async function findTextbook(ctx: Ctx, textbookId: string, lock = false) {
  const query = ctx.db
    .select()
    .from(textbooks)
    .where(and(eq(textbooks.id, textbookId), eq(textbooks.regionId, ctx.regionId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw TextbookNotFound({ detail: `No textbook ${textbookId} in region "${ctx.regionId}".` });
  return row;
}

/** The textbook, when the caller may act as its publisher; others learn nothing about unpublished books. */
async function asPublisher(ctx: Ctx, textbookId: string) {
  const book = await findTextbook(ctx, textbookId, true);
  if (!mayPublish(ctx, book)) {
    if (book.state !== 'published')
      throw TextbookNotFound({ detail: `No textbook ${textbookId} in region "${ctx.regionId}".` });
    ctx.require('textbooks.publish', { institutionId: book.publisherInstitutionId });
  }
  return book;
}

async function isAuthor(ctx: Ctx, book: TextbookRow) {
  if (ctx.principal.kind !== 'person') return false;
  return (await teacherOfPerson(ctx.db, ctx.principal.id, ctx.regionId))?.id === book.teacherId;
}

/** Declares textbooks: proposals by quality teachers, review and publication, sales settlement, signings. */
export function registerTextbooks(p: TeacherDevelopmentRegistrar): void {
  p.route(contract.proposeTextbook, async ({ body }, ctx) => {
    const teacher = await approvedTeacher(ctx);
    if (!(await qualityOf(ctx.db, teacher.id))?.inDatabase) {
      throw NotInQualityDatabase({ detail: 'Only teachers in the quality database propose textbooks.' });
    }
    const publisher = await ctx.identity.institution(body.publisherInstitutionId);
    if (publisher?.regionId !== ctx.regionId) {
      throw invalidField('/body/publisherInstitutionId', 'institutionInRegion', 'No such institution in this region.');
    }
    const [row] = await ctx.db
      .insert(textbooks)
      .values({
        id: uuidv7(),
        regionId: ctx.regionId,
        teacherId: teacher.id,
        teacherPersonId: teacher.personId,
        publisherInstitutionId: body.publisherInstitutionId,
        title: body.title,
        description: body.description,
        state: 'proposed',
        proposedAt: ctx.now(),
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return { status: 201, body: textbookView(row) };
  });

  p.route(contract.listTextbooks, async (_input, ctx) => {
    const rows = await ctx.db
      .select()
      .from(textbooks)
      .where(and(eq(textbooks.regionId, ctx.regionId), eq(textbooks.state, 'published')))
      .orderBy(asc(textbooks.id))
      .limit(1000);
    return { status: 200, body: { items: rows.map(textbookView) } };
  });

  p.route(contract.getTextbook, async ({ params }, ctx) => {
    const book = await findTextbook(ctx, params.textbookId);
    if (book.state !== 'published' && !mayPublish(ctx, book) && !(await isAuthor(ctx, book))) {
      throw TextbookNotFound({ detail: `No textbook ${book.id} in region "${ctx.regionId}".` });
    }
    return { status: 200, body: textbookView(book) };
  });

  p.route(contract.reviewTextbook, async ({ params, body }, ctx) => {
    const book = await asPublisher(ctx, params.textbookId);
    if (book.state !== 'proposed') throw WrongTextbookState({ detail: `The textbook is ${book.state}.` });
    const [row] = await ctx.db
      .update(textbooks)
      .set({ state: body.decision === 'accept' ? 'accepted' : 'rejected', reviewNote: body.note ?? null })
      .where(eq(textbooks.id, book.id))
      .returning();
    if (!row) throw new Error('update returned no row');
    return { status: 200, body: textbookView(row) };
  });

  p.route(contract.publishTextbook, async ({ params, body }, ctx) => {
    const book = await asPublisher(ctx, params.textbookId);
    const isbn = normalizeIsbn(body.isbn);
    if (!isbn) throw invalidField('/body/isbn', 'isbnChecksum', 'Not a valid ISBN-13 or ISBN-10 (check digit).');
    if (book.state !== 'accepted') throw WrongTextbookState({ detail: `The textbook is ${book.state}.` });
    const [taken] = await ctx.db.select({ id: textbooks.id }).from(textbooks).where(eq(textbooks.isbn, isbn));
    if (taken) throw invalidField('/body/isbn', 'isbnUnique', 'Another textbook has this ISBN.');
    const [row] = await ctx.db
      .update(textbooks)
      .set({
        state: 'published',
        isbn,
        price: BigInt(body.price),
        asset: ctx.config.textbooks.asset,
        publishedAt: ctx.now(),
      })
      .where(eq(textbooks.id, book.id))
      .returning();
    if (!row) throw new Error('update returned no row');
    return { status: 200, body: textbookView(row) };
  });

  p.route(contract.reportSale, async ({ params, body }, ctx) => {
    const book = await findTextbook(ctx, params.textbookId, true);
    if (!ctx.can('textbooks.publish', { regionId: book.regionId })) {
      ctx.require('textbooks.publish', { institutionId: body.booksellerInstitutionId });
    }
    const [earlier] = await ctx.db
      .select()
      .from(textbookSales)
      .where(
        and(
          eq(textbookSales.booksellerInstitutionId, body.booksellerInstitutionId),
          eq(textbookSales.reportRef, body.reportRef),
        ),
      );
    if (earlier) return { status: 200, body: saleView(earlier) };
    if (book.state !== 'published' || book.price === null || book.asset === null) {
      throw WrongTextbookState({ detail: 'Sales are reported for published textbooks.' });
    }
    const config = ctx.config.textbooks;
    const gross = book.price * BigInt(body.copies);
    const royalty = (gross * BigInt(config.royaltyBps)) / 10_000n;
    const publisherShare = (gross * BigInt(config.publisherBps)) / 10_000n;
    const bank = ctx.service(creditBankService);
    const asset = book.asset;
    const from = await bank.account({
      ownerType: 'institution',
      ownerId: body.booksellerInstitutionId,
      asset,
      purpose: 'textbook-sales',
    });
    const saleId = uuidv7();
    const metadata = { textbookId: book.id, reportRef: body.reportRef };
    const legs: TransferInput[] = [];
    if (royalty > 0n) {
      legs.push({
        id: derivedId('textbook-sale', saleId, 'royalty'),
        debitAccountId: from,
        creditAccountId: await bank.account({
          ownerType: 'person',
          ownerId: book.teacherPersonId,
          asset,
          purpose: 'textbook-royalty',
        }),
        amount: royalty,
        code: TransferCodes.textbookRoyalty,
        metadata,
      });
    }
    if (publisherShare > 0n) {
      legs.push({
        id: derivedId('textbook-sale', saleId, 'publisher'),
        debitAccountId: from,
        creditAccountId: await bank.account({
          ownerType: 'institution',
          ownerId: book.publisherInstitutionId,
          asset,
          purpose: 'textbook-revenue',
        }),
        amount: publisherShare,
        code: TransferCodes.textbookPublisherShare,
        metadata,
      });
    }
    const chain = legs.map((leg, i) => (i < legs.length - 1 ? { ...leg, flags: { linked: true } } : leg));
    const results = chain.length ? await ctx.ledger.transfer(chain) : [];
    if (results.some((r) => r.status !== 'created')) {
      const failed = results.find((r) => r.status !== 'created' && r.status !== 'linkedEventFailed');
      if (failed?.status === 'exceedsCredits') {
        throw InsufficientFunds({
          detail: `The bookseller's ${asset} sales account cannot cover ${royalty + publisherShare}.`,
        });
      }
      throw PaymentFailed({ detail: `The ledger refused the settlement: ${failed?.status ?? 'unknown'}.` });
    }
    const [row] = await ctx.db
      .insert(textbookSales)
      .values({
        id: saleId,
        textbookId: book.id,
        booksellerInstitutionId: body.booksellerInstitutionId,
        reportRef: body.reportRef,
        copies: body.copies,
        gross,
        royalty,
        publisherShare,
        asset,
        transferIds: legs.map((l) => l.id),
        reportedAt: ctx.now(),
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return { status: 201, body: saleView(row) };
  });

  p.route(contract.getBooksellerAccount, async ({ params }, ctx) => {
    if (!ctx.can('textbooks.publish', { regionId: ctx.regionId })) {
      ctx.require('textbooks.publish', { institutionId: params.institutionId });
    }
    const institution = await ctx.identity.institution(params.institutionId);
    if (institution?.regionId !== ctx.regionId) {
      throw invalidField('/params/institutionId', 'institutionInRegion', 'No such institution in this region.');
    }
    const asset = ctx.config.textbooks.asset;
    const accountId = await ctx
      .service(creditBankService)
      .account({ ownerType: 'institution', ownerId: params.institutionId, asset, purpose: 'textbook-sales' });
    const account = await ctx.ledger.getAccount(accountId);
    const balance = account ? account.creditsPosted - account.debitsPosted - account.debitsPending : 0n;
    return { status: 200, body: { accountId, asset, balance: String(balance) } };
  });

  p.route(contract.scheduleSigning, async ({ params, body }, ctx) => {
    const book = await findTextbook(ctx, params.textbookId);
    if (!mayPublish(ctx, book) && !(await isAuthor(ctx, book))) {
      throw TextbookNotFound({ detail: `No textbook ${book.id} you may schedule signings for.` });
    }
    if (book.state !== 'published') throw WrongTextbookState({ detail: 'Signings are for published textbooks.' });
    const startsAt = new Date(body.startsAt);
    if (startsAt <= ctx.now()) throw invalidField('/body/startsAt', 'future', 'A signing is scheduled in the future.');
    const [row] = await ctx.db
      .insert(signingEvents)
      .values({
        id: uuidv7(),
        textbookId: book.id,
        regionId: book.regionId,
        startsAt,
        location: body.location,
        createdAt: ctx.now(),
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return {
      status: 201,
      body: {
        id: row.id,
        textbookId: book.id,
        title: book.title,
        startsAt: row.startsAt.toISOString(),
        location: row.location,
      },
    };
  });

  p.route(contract.listSignings, async (_input, ctx) => {
    const rows = await ctx.db
      .select({ event: signingEvents, title: textbooks.title })
      .from(signingEvents)
      .innerJoin(textbooks, eq(textbooks.id, signingEvents.textbookId))
      .where(and(eq(signingEvents.regionId, ctx.regionId), gte(signingEvents.startsAt, ctx.now())))
      .orderBy(asc(signingEvents.startsAt))
      .limit(500);
    return {
      status: 200,
      body: {
        items: rows.map(({ event, title }) => ({
          id: event.id,
          textbookId: event.textbookId,
          title,
          startsAt: event.startsAt.toISOString(),
          location: event.location,
        })),
      },
    };
  });
}
