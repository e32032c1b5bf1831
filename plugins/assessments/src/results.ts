import { createServiceRef } from '@lifelong/core';

/** A person's best result at a form, as other plugins see it. */
export interface BestAttempt {
  passed: boolean;
  /** Two decimals, rounded down (66.66). */
  scorePercent: number;
  submittedAt: Date;
}

/** The assessments plugin's service for plugins that require it (e.g. "assessment passed" as a completion rule). */
export interface AssessmentResults {
  /**
   * The person's best scored attempt at the form (highest score; the earliest of equal scores),
   * or null when they have none. Attempts in progress do not count. Any region: the caller knows
   * which form it means.
   */
  bestAttempt(personId: string, formId: string): Promise<BestAttempt | null>;
}

export const assessmentResults = createServiceRef<AssessmentResults>({ id: 'assessments.results' });
