/** An erasure request's life: pending until decided (approved or rejected) or cancelled. */
export const ERASURE_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type ErasureStatus = (typeof ERASURE_STATUSES)[number];
