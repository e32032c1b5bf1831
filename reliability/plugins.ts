import type { AnyPlugin } from '@lifelong/core';
import assessments from '@lifelong/plugin-assessments';
import creditBank from '@lifelong/plugin-credit-bank';
import teacherDevelopment from '@lifelong/plugin-teacher-development';
import readingClub from '@lifelong-examples/plugin-reading-club';

/**
 * Every first-party plugin, loaded by the fuzzing scenario so that every route is exercised.
 * Add each new first-party plugin here (this is the only list).
 */
export const FIRST_PARTY_PLUGINS: readonly AnyPlugin[] = [creditBank, teacherDevelopment, assessments, readingClub];
