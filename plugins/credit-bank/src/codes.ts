/**
 * Ledger transfer codes (reasons) of the credit bank: 5000–5999. Stable once published; a
 * ledger reader tells what a transfer was for from its code.
 */
export const TransferCodes = {
  creditAwarded: 5001,
  pointsAwarded: 5002,
  /** A withdrawn record's credits, returned to issuance (a correcting transfer). */
  creditWithdrawn: 5003,
  redemptionHold: 5101,
  redemptionDelivered: 5102,
  redemptionReleased: 5103,
  familyConversionOut: 5201,
  familyConversionIn: 5202,
  poolContribution: 5301,
  poolSpend: 5302,
  /** POINTs paid out of a group's pool to a member's wallet, approved like a spend. */
  poolWithdrawal: 5303,
} as const;
