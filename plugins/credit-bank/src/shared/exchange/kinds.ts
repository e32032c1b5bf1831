// Plain constants shared by the tables and the API schemas (no imports: drizzle-kit loads this).
export const RESOURCE_KINDS = ['course', 'learning-voucher', 'venue-time', 'book', 'other'] as const;
/** Kinds that count as learning: only these may be paid with family vouchers. */
export const LEARNING_KINDS: readonly string[] = ['course', 'learning-voucher', 'book'];
/**
 * `pending-approval`: a minor's redemption above the region's approval threshold, its price held
 * until a guardian approves (→ `held`) or declines (→ `declined`, released).
 */
export const REDEMPTION_STATUSES = [
  'pending-approval',
  'held',
  'delivered',
  'cancelled',
  'expired',
  'declined',
] as const;
