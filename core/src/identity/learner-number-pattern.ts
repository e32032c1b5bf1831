/** 15 digits (no leading zero) and a MOD 11-2 check character: `123456789012345X`. */
export const LEARNER_NUMBER_PATTERN = '^[1-9][0-9]{14}[0-9X]$';
