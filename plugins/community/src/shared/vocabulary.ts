// Words the tables and the schemas share (kept free of drizzle, so client code may load them).

/** Why a reader flags a post; each weighs differently in the review queue. */
export const FLAG_REASONS = ['illegal', 'abuse', 'spam', 'offTopic', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];
