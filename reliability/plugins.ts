import type { AnyPlugin } from '@lifelong/core';
import assessments from '@lifelong/plugin-assessments';
import community from '@lifelong/plugin-community';
import credentials from '@lifelong/plugin-credentials';
import creditBank from '@lifelong/plugin-credit-bank';
import evaluationConsultation from '@lifelong/plugin-evaluation-consultation';
import industrySupport from '@lifelong/plugin-industry-support';
import learningRecords from '@lifelong/plugin-learning-records';
import qualityControl from '@lifelong/plugin-quality-control';
import teacherDevelopment from '@lifelong/plugin-teacher-development';
import readingClub from '@lifelong-examples/plugin-reading-club';

/**
 * Every first-party plugin, loaded by the fuzzing scenario so that every route is exercised.
 * Add each new first-party plugin here (this is the only list).
 */
export const FIRST_PARTY_PLUGINS: readonly AnyPlugin[] = [
  creditBank,
  teacherDevelopment,
  assessments,
  credentials,
  learningRecords,
  industrySupport,
  qualityControl,
  evaluationConsultation,
  community,
  readingClub,
];

/**
 * Mail and SMS are external services: these stand-ins accept every message, so the scenarios
 * test our server (a missing channel would be a documented 503, not a fault).
 */
export const ACCEPTING_MESSAGING = {
  email: { send: async () => {} },
  sms: { send: async () => {} },
};
