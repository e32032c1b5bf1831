// Plain constants shared by the tables and the API schemas (no imports: drizzle-kit loads this).
export const RESOURCE_KINDS = ['course', 'learning-voucher', 'venue-time', 'book', 'other'] as const;
/** Kinds that count as learning: only these may be paid with family vouchers. */
export const LEARNING_KINDS: readonly string[] = ['course', 'learning-voucher', 'book'];
export const REDEMPTION_STATUSES = ['held', 'delivered', 'cancelled', 'expired'] as const;
