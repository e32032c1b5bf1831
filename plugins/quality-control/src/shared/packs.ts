import type { Indicator, IndicatorDefinition } from './common-schemas.js';

/** A first-party indicator pack: one of the paper's four monitoring areas. */
export interface Pack {
  id: string;
  name: string;
  version: number;
  indicators: readonly IndicatorDefinition[];
}

const rate = (element: string) => ({
  numerator: { element, aggregation: 'sum' as const },
  denominator: { element, aggregation: 'count' as const },
  factor: 100,
  unit: '%',
});
const mean = (element: string, unit: string) => ({
  numerator: { element, aggregation: 'average' as const },
  denominator: null,
  factor: 1,
  unit,
});
const ratio = (numerator: string, denominator: string) => ({
  numerator: { element: numerator, aggregation: 'sum' as const },
  denominator: { element: denominator, aggregation: 'sum' as const },
  factor: 100,
  unit: '%',
});

/**
 * The four packs. Elements fed by other centers' events are listed in `ELEMENTS_FROM_EVENTS`
 * (data/feeds.ts); the others come from manual entry, CSV uploads or surveys.
 */
export const PACKS: readonly Pack[] = [
  {
    id: 'teachers',
    name: 'Teacher quality',
    version: 1,
    indicators: [
      {
        code: 'teachers.approval-rate',
        name: 'Teacher applications approved',
        level: 'region',
        area: 'teachers',
        definition:
          'Share of teacher applications decided in the period that were approved: approved decisions (each 1) over all decisions (data element `teachers.approved`, 1 approved / 0 rejected), times 100.',
        ...rate('teachers.approved'),
        periodType: 'quarter',
        minimumN: 5,
        direction: 'higher-is-better',
        target: 80,
        threshold: 60,
        margin: 5,
        audience: 'staff',
      },
      {
        code: 'teachers.retention',
        name: 'Teacher retention',
        level: 'institution',
        area: 'teachers',
        definition:
          'Teachers still employed at the end of the year (`teachers.retained`) over teachers employed at its start (`teachers.employed`), times 100. Entered by the institution.',
        ...ratio('teachers.retained', 'teachers.employed'),
        periodType: 'year',
        minimumN: 1,
        direction: 'higher-is-better',
        target: 90,
        threshold: 80,
        margin: 2,
        audience: 'staff',
      },
      {
        code: 'teachers.satisfaction',
        name: 'Teacher satisfaction',
        level: 'institution',
        area: 'teachers',
        definition:
          'Mean of teachers’ satisfaction ratings on a 1–5 scale (`teachers.satisfaction.score`, one per respondent).',
        ...mean('teachers.satisfaction.score', 'score 1–5'),
        periodType: 'year',
        minimumN: 10,
        direction: 'higher-is-better',
        target: 4,
        threshold: 3.5,
        margin: 0.2,
        audience: 'staff',
      },
      {
        code: 'teaching.evaluation',
        name: 'Teaching evaluation',
        level: 'teacher',
        area: 'teachers',
        definition:
          'Mean of the teaching evaluation scores a teacher received in the term (`teaching.evaluation.score`, 0–100, one per evaluation).',
        ...mean('teaching.evaluation.score', 'score 0–100'),
        periodType: 'quarter',
        minimumN: 5,
        direction: 'higher-is-better',
        target: 85,
        threshold: 70,
        margin: 3,
        audience: 'staff',
      },
    ],
  },
  {
    id: 'education',
    name: 'Education and teaching quality',
    version: 1,
    indicators: [
      {
        code: 'courses.completion-rate',
        name: 'Course completion',
        level: 'course',
        area: 'education',
        definition:
          'Completions of courses in the period (`courses.completed`, from teacher development’s `course.completed` events) over paid enrolments in the period (`courses.enrolled`, from `enrolment.paid`), times 100.',
        ...ratio('courses.completed', 'courses.enrolled'),
        periodType: 'month',
        minimumN: 10,
        direction: 'higher-is-better',
        target: 70,
        threshold: 50,
        margin: 5,
        audience: 'public',
      },
      {
        code: 'assessments.pass-rate',
        name: 'Assessment pass rate',
        level: 'region',
        area: 'education',
        definition:
          'Scored attempts that passed (`assessments.passed`: 1 passed / 0 not, from `assessments.attempt.scored`) over all scored attempts, times 100.',
        ...rate('assessments.passed'),
        periodType: 'month',
        minimumN: 10,
        direction: 'higher-is-better',
        target: 75,
        threshold: 60,
        margin: 5,
        audience: 'public',
      },
      {
        code: 'credits.per-award',
        name: 'Credits per award',
        level: 'region',
        area: 'education',
        definition:
          'Mean credits of the awards made in the period (`credits.awarded`, in credits, from the credit bank’s `credit.awarded` events).',
        ...mean('credits.awarded', 'credits'),
        periodType: 'month',
        minimumN: 5,
        direction: 'higher-is-better',
        target: 2,
        threshold: 1,
        margin: 0.2,
        audience: 'staff',
      },
      {
        code: 'recognition.approval-rate',
        name: 'Certificates recognised',
        level: 'region',
        area: 'education',
        definition:
          'Certificate reviews that approved the certificate (`certificates.approved`: 1 approved / 0 otherwise, from `certificate.reviewed`) over all reviews, times 100.',
        ...rate('certificates.approved'),
        periodType: 'quarter',
        minimumN: 5,
        direction: 'higher-is-better',
        target: 70,
        threshold: 50,
        margin: 5,
        audience: 'staff',
      },
      {
        code: 'graduates.employment-rate',
        name: 'Graduate employment',
        level: 'programme',
        area: 'education',
        definition:
          'Graduates employed or in further learning six months after graduating (`graduates.employed`) over graduates of the year (`graduates.total`), times 100. Entered or uploaded by the institution.',
        ...ratio('graduates.employed', 'graduates.total'),
        periodType: 'year',
        minimumN: 10,
        direction: 'higher-is-better',
        target: 90,
        threshold: 80,
        margin: 2,
        audience: 'public',
      },
      {
        code: 'employers.satisfaction',
        name: 'Employer satisfaction',
        level: 'programme',
        area: 'education',
        definition: 'Mean of employers’ ratings of graduates on a 1–5 scale (`employers.satisfaction.score`).',
        ...mean('employers.satisfaction.score', 'score 1–5'),
        periodType: 'year',
        minimumN: 10,
        direction: 'higher-is-better',
        target: 4,
        threshold: 3.5,
        margin: 0.2,
        audience: 'staff',
      },
    ],
  },
  {
    id: 'operations',
    name: 'Operations',
    version: 1,
    indicators: [
      {
        code: 'students.satisfaction',
        name: 'Student satisfaction',
        level: 'institution',
        area: 'operations',
        definition:
          'Mean of students’ ratings of their experience on a 1–5 scale (`students.satisfaction.score`, one per respondent).',
        ...mean('students.satisfaction.score', 'score 1–5'),
        periodType: 'year',
        minimumN: 10,
        direction: 'higher-is-better',
        target: 4,
        threshold: 3.5,
        margin: 0.2,
        audience: 'public',
      },
      {
        code: 'food-safety.pass-rate',
        name: 'Food safety inspections passed',
        level: 'operation',
        area: 'operations',
        definition:
          'Food safety inspections passed (`food-safety.inspection.passed`: 1 passed / 0 failed, entered per inspection) over all inspections, times 100.',
        ...rate('food-safety.inspection.passed'),
        periodType: 'quarter',
        minimumN: 1,
        direction: 'higher-is-better',
        target: 100,
        threshold: 95,
        margin: 1,
        audience: 'public',
      },
      {
        code: 'partners.satisfaction',
        name: 'Partner satisfaction',
        level: 'operation',
        area: 'operations',
        definition: 'Mean of partner organisations’ ratings on a 1–5 scale (`partners.satisfaction.score`).',
        ...mean('partners.satisfaction.score', 'score 1–5'),
        periodType: 'year',
        minimumN: 5,
        direction: 'higher-is-better',
        target: 4,
        threshold: 3.5,
        margin: 0.2,
        audience: 'staff',
      },
    ],
  },
  {
    id: 'administration',
    name: 'Administrative service',
    version: 1,
    indicators: [
      {
        code: 'administration.response-days',
        name: 'Days to answer a request',
        level: 'administration',
        area: 'administration',
        definition:
          'Mean working days between a teacher’s or student’s request to the administration and its answer (`administration.request.days`, one per request).',
        ...mean('administration.request.days', 'days'),
        periodType: 'month',
        minimumN: 10,
        direction: 'lower-is-better',
        target: 3,
        threshold: 5,
        margin: 0.5,
        audience: 'staff',
      },
      {
        code: 'administration.feedback',
        name: 'Satisfaction with administrative service',
        level: 'administration',
        area: 'administration',
        definition:
          'Mean of teachers’ and students’ ratings of administrative service on a 1–5 scale (`administration.feedback.score`).',
        ...mean('administration.feedback.score', 'score 1–5'),
        periodType: 'quarter',
        minimumN: 10,
        direction: 'higher-is-better',
        target: 4,
        threshold: 3.5,
        margin: 0.2,
        audience: 'public',
      },
    ],
  },
];

/** A pack's indicators as library entries. */
export const packIndicators = (pack: Pack): Indicator[] =>
  pack.indicators.map((d) => ({ ...d, version: pack.version, pack: pack.id }));

export const packById = (id: string) => PACKS.find((p) => p.id === id);
export const PACK_CODES = new Set(PACKS.flatMap((p) => p.indicators.map((i) => i.code)));
