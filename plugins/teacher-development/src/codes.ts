/** Ledger transfer codes of the teacher development center: 6000–6999. Stable once published. */
export const TransferCodes = {
  enrolmentPayment: 6001,
  revenueShareTeacher: 6002,
  revenueShareInstitution: 6003,
  revenueSharePlatform: 6004,
  textbookRoyalty: 6101,
  textbookPublisherShare: 6102,
} as const;
