import { Type } from '@sinclair/typebox';
import { defineEvent } from '../events/event-ref.js';
import type { EventSystem } from '../events/event-system.js';
import type { NewTransfer } from './decide.js';
import type { Ledger } from './ledger.js';

/**
 * One event per committed batch rather than per transfer: a batch of 8,000 stays one outbox row,
 * and subscribers still see every transfer (in the batch's order) with the batch's atomicity.
 */
export const TransfersPosted = defineEvent(
  'ledger.transfers.posted',
  Type.Object({
    transfers: Type.Array(
      Type.Object({
        id: Type.String(),
        debitAccountId: Type.String(),
        creditAccountId: Type.String(),
        amount: Type.String({ description: 'Minor units, as a decimal string.' }),
        asset: Type.String(),
        code: Type.Integer(),
        kind: Type.String({ description: 'single, pending, post, void or expire' }),
        pendingId: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
  }),
);

/** Emits `ledger.transfers.posted` in the transaction that commits each batch (the outbox seam). */
export function emitPostedTransfers(ledger: Ledger, events: EventSystem): () => void {
  return ledger.onPosted(async (tx, transfers: readonly NewTransfer[]) => {
    await events.emit(tx, TransfersPosted, {
      transfers: transfers.map((t) => ({
        id: t.id,
        debitAccountId: t.debitAccountId,
        creditAccountId: t.creditAccountId,
        amount: t.amount.toString(),
        asset: t.asset,
        code: t.code,
        kind: t.kind,
        pendingId: t.pendingId,
      })),
    });
  });
}
