import { type Static, Type } from '@sinclair/typebox';

// Schemas of points shared by the wallet, exchange, family and pools features.

/** A whole number of POINTs or VOUCHERs (both scale 0), positive, as a decimal string. */
export const Amount = Type.String({
  pattern: '^[1-9][0-9]{0,17}$',
  description: 'A positive whole number of units, as a decimal string.',
  examples: ['100'],
});

/** The figures of one ledger account, as decimal strings. */
export const Balance = Type.Object({
  accountId: Type.String({ format: 'uuid' }),
  /** Posted credits minus posted debits. */
  balance: Type.String(),
  /** Reserved by pending holds (redemptions not yet delivered). */
  held: Type.String(),
  /** What can still be spent: balance minus held. */
  available: Type.String(),
});
export type Balance = Static<typeof Balance>;
