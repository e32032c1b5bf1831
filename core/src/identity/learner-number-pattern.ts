/** 15 digits (no leading zero) and a MOD 11-2 check character: `123456789012345X`. */
export const LEARNER_NUMBER_PATTERN = '^[1-9][0-9]{14}[0-9X]$';

/** A valid learner number for examples (documents, docs): its check character is right (tested). */
export const EXAMPLE_LEARNER_NUMBER = '482910573618203X';
