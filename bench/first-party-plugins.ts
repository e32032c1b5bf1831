// Every first-party plugin, in one place: the platform figures (cold start, idle memory,
// /health/ready) are measured with all of them enabled, through startup/lifelong.config.ts.
// When a first-party plugin lands, add its import here and its package to bench/package.json.

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

// Teacher development requires the credit bank and assessments; industry support assessments; the
// community the credit bank.
export const firstPartyPlugins = [
  creditBank,
  assessments,
  teacherDevelopment,
  credentials,
  learningRecords,
  industrySupport,
  qualityControl,
  evaluationConsultation,
  community,
  readingClub,
];

/** For the report: which plugins the platform figures were measured with. */
export const firstPartyPluginNames = firstPartyPlugins.map((p) => `${p.id} ${p.version}`);
