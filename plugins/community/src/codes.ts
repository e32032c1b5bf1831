/** Ledger transfer codes of the community center: 7000–7999. Stable once published. */
export const TransferCodes = {
  /** The asker's bounty, reserved (pending) from their wallet into the bounty escrow. */
  bountyEscrow: 7001,
  /** The reservation posted when the asker accepts an offer. */
  bountyRelease: 7002,
  /** The bounty passed from the escrow to the accepted provider's wallet. */
  bountyPayout: 7003,
  /** The reservation voided: the need was withdrawn or expired (the asker keeps the points). */
  bountyRefund: 7004,
} as const;
