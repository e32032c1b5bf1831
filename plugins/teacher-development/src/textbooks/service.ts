import { type TransferInput, toPage, uuidv7 } from '@lifelong/core';
import { creditBankService } from '@lifelong/plugin-credit-bank';
import type { Static } from '@sinclair/typebox';
import { TransferCodes } from '../codes.js';
import type { Ctx } from '../context.js';
import {
  InsufficientFunds,
  NotInQualityDatabase,
  PaymentFailed,
  SaleReportConflict,
  TextbookNotFound,
  WrongTextbookState,
} from '../errors.js';
import { invalidField } from '../field-error.js';
import { derivedId } from '../ids.js';
import { qualityOf } from '../shared/quality.js';
import { approvedTeacher, teacherOfPerson } from '../shared/teachers.js';
import { normalizeIsbn } from './isbn.js';
import type { TextbookRow } from './schema.js';
import type {
  ProposeTextbookBody,
  PublishTextbookBody,
  ReportSaleBody,
  ReviewTextbookBody,
  ScheduleSigningBody,
} from './schemas.js';
import {
  insertSale,
  insertSigning,
  insertTextbook,
  isbnTaken,
  publishedTextbooks,
  saleByRef,
  saleView,
  signingView,
  textbookRow,
  textbookView,
  upcomingSignings,
  updateTextbook,
} from './store.js';

// Textbooks' rules: quality teachers propose, the publisher institution reviews and publishes,
// booksellers report sales (settled through the ledger in one linked chain), authors and
// publishers schedule signings. Each function runs in the request's transaction.

/** Publishing is the publisher institution's business (or the region admin's). */
const mayPublish = (ctx: Ctx, book: TextbookRow) =>
  ctx.can('textbooks.publish', { regionId: book.regionId }) ||
  ctx.can('textbooks.publish', { institutionId: book.publisherInstitutionId });

async function findTextbook(ctx: Ctx, textbookId: string, lock = false) {
  const row = await textbookRow(ctx.db, textbookId, ctx.regionId, lock);
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

export async function propose(ctx: Ctx, body: ProposeTextbookBody) {
  const teacher = await approvedTeacher(ctx);
  if (!(await qualityOf(ctx.db, teacher.id))?.inDatabase) {
    throw NotInQualityDatabase({ detail: 'Only teachers in the quality database propose textbooks.' });
  }
  const publisher = await ctx.identity.institution(body.publisherInstitutionId);
  if (publisher?.regionId !== ctx.regionId) {
    throw invalidField('/body/publisherInstitutionId', 'institutionInRegion', 'No such institution in this region.');
  }
  const row = await insertTextbook(ctx.db, {
    regionId: ctx.regionId,
    teacherId: teacher.id,
    teacherPersonId: teacher.personId,
    publisherInstitutionId: body.publisherInstitutionId,
    title: body.title,
    description: body.description,
    state: 'proposed',
    proposedAt: ctx.now(),
  });
  return textbookView(row);
}

type PageQuery = { limit?: number | undefined; cursor?: string | undefined };

export async function list(ctx: Ctx, query: PageQuery) {
  const limit = query.limit ?? 50;
  const rows = await publishedTextbooks(ctx.db, ctx.regionId, { limit, cursor: query.cursor });
  return toPage(rows, limit, (row) => ({ id: row.id }), textbookView);
}

/** Published textbooks to anyone signed in; others to their author and publisher only. */
export async function get(ctx: Ctx, textbookId: string) {
  const book = await findTextbook(ctx, textbookId);
  if (book.state !== 'published' && !mayPublish(ctx, book) && !(await isAuthor(ctx, book))) {
    throw TextbookNotFound({ detail: `No textbook ${book.id} in region "${ctx.regionId}".` });
  }
  return textbookView(book);
}

export async function review(ctx: Ctx, textbookId: string, body: Static<typeof ReviewTextbookBody>) {
  const book = await asPublisher(ctx, textbookId);
  await ctx.refuseConflictOfInterest({ action: 'review this textbook', personIds: [book.teacherPersonId] });
  if (book.state !== 'proposed') throw WrongTextbookState({ detail: `The textbook is ${book.state}.` });
  const row = await updateTextbook(ctx.db, book.id, {
    state: body.decision === 'accept' ? 'accepted' : 'rejected',
    reviewNote: body.note ?? null,
  });
  return textbookView(row);
}

/** Publishes an accepted textbook under a valid ISBN no other textbook has, at a price. */
export async function publish(ctx: Ctx, textbookId: string, body: Static<typeof PublishTextbookBody>) {
  const book = await asPublisher(ctx, textbookId);
  const isbn = normalizeIsbn(body.isbn);
  if (!isbn) throw invalidField('/body/isbn', 'isbnChecksum', 'Not a valid ISBN-13 or ISBN-10 (check digit).');
  if (book.state !== 'accepted') throw WrongTextbookState({ detail: `The textbook is ${book.state}.` });
  if (await isbnTaken(ctx.db, isbn)) throw invalidField('/body/isbn', 'isbnUnique', 'Another textbook has this ISBN.');
  const row = await updateTextbook(ctx.db, book.id, {
    state: 'published',
    isbn,
    price: BigInt(body.price),
    asset: ctx.config.textbooks.asset,
    publishedAt: ctx.now(),
  });
  return textbookView(row);
}

/**
 * Settles a bookseller's sale report: the bookseller's sales account pays the teacher's royalty
 * and the publisher's share (each rounded down) in one linked chain. The same report again (same
 * reference, textbook and copies) is answered as it was (`created: false`); a reference reused for
 * another textbook or another number of copies is a 409, never the first report's sale.
 */
export async function reportSale(ctx: Ctx, textbookId: string, body: Static<typeof ReportSaleBody>) {
  const book = await findTextbook(ctx, textbookId, true);
  if (!ctx.can('textbooks.publish', { regionId: book.regionId })) {
    ctx.require('textbooks.publish', { institutionId: body.booksellerInstitutionId });
  }
  const bookseller = await ctx.identity.institution(body.booksellerInstitutionId);
  if (bookseller?.regionId !== book.regionId) {
    throw invalidField('/body/booksellerInstitutionId', 'institutionInRegion', 'No such institution in this region.');
  }
  // The author reporting sales of their own book would pay themselves royalties.
  await ctx.refuseConflictOfInterest({ action: 'report sales of this textbook', personIds: [book.teacherPersonId] });
  const earlier = await saleByRef(ctx.db, body.booksellerInstitutionId, body.reportRef);
  if (earlier) {
    if (earlier.textbookId !== book.id || earlier.copies !== body.copies) {
      throw SaleReportConflict({
        detail: `Report ${body.reportRef} was already settled for ${earlier.copies} copies of another report; use a new reference.`,
        extensions: { reportRef: body.reportRef },
      });
    }
    return { created: false, sale: saleView(earlier) };
  }
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
  if (chain.length) {
    await ctx.ledger.transferOrThrow(chain, {
      what: 'The sale settlement',
      insufficientFunds: () =>
        InsufficientFunds({
          detail: `The bookseller's ${asset} sales account cannot cover ${royalty + publisherShare}.`,
        }),
      refused: (failed) => PaymentFailed({ detail: `The ledger refused the settlement: ${failed.status}.` }),
    });
  }
  const row = await insertSale(ctx.db, {
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
  });
  return { created: true, sale: saleView(row) };
}

/** A bookseller's sales account in the region's textbook asset (its own admins and the region's). */
export async function booksellerAccount(ctx: Ctx, institutionId: string) {
  if (!ctx.can('textbooks.publish', { regionId: ctx.regionId })) {
    ctx.require('textbooks.publish', { institutionId });
  }
  const institution = await ctx.identity.institution(institutionId);
  if (institution?.regionId !== ctx.regionId) {
    throw invalidField('/params/institutionId', 'institutionInRegion', 'No such institution in this region.');
  }
  const asset = ctx.config.textbooks.asset;
  const accountId = await ctx
    .service(creditBankService)
    .account({ ownerType: 'institution', ownerId: institutionId, asset, purpose: 'textbook-sales' });
  const account = await ctx.ledger.getAccount(accountId);
  const balance = account ? account.creditsPosted - account.debitsPosted - account.debitsPending : 0n;
  return { accountId, asset, balance: String(balance) };
}

/** A future signing of a published textbook, by its author or publisher. */
export async function scheduleSigning(ctx: Ctx, textbookId: string, body: Static<typeof ScheduleSigningBody>) {
  const book = await findTextbook(ctx, textbookId);
  if (!mayPublish(ctx, book) && !(await isAuthor(ctx, book))) {
    throw TextbookNotFound({ detail: `No textbook ${book.id} you may schedule signings for.` });
  }
  if (book.state !== 'published') throw WrongTextbookState({ detail: 'Signings are for published textbooks.' });
  const startsAt = new Date(body.startsAt);
  if (startsAt <= ctx.now()) throw invalidField('/body/startsAt', 'future', 'A signing is scheduled in the future.');
  const row = await insertSigning(ctx.db, {
    textbookId: book.id,
    regionId: book.regionId,
    startsAt,
    location: body.location,
    createdAt: ctx.now(),
  });
  return signingView(row, book.title);
}

export async function signings(ctx: Ctx, query: PageQuery) {
  const limit = query.limit ?? 50;
  const rows = await upcomingSignings(ctx.db, ctx.regionId, ctx.now(), { limit, cursor: query.cursor });
  return toPage(
    rows,
    limit,
    (r) => ({ startsAt: r.event.startsAt.toISOString(), id: r.event.id }),
    (r) => signingView(r.event, r.title),
  );
}
