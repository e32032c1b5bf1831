import type { TemplateDefinition } from './template-schema.js';

/** The id of the built-in template, the same in every region. */
export const DEFAULT_TEMPLATE_ID = 'paper-default@1';

/**
 * The paper's engagement (Module 5, "Evaluation and Consultation Center"): request and scoping →
 * the school's self-evaluation on the same indicators → field investigation → diagnosis → draft
 * report → factual-accuracy window → final report with solutions → action plan → return visits →
 * expert recommendation and follow-up → closed. Complaints and suspension are side paths open at
 * every stage (they are not stages). Indicators are few on purpose (HGIOS4's users asked for
 * fewer), graded on HGIOS4's six-point scale.
 */
export const defaultTemplate: TemplateDefinition = {
  key: 'paper-default',
  name: 'Evaluation and consultation (default)',
  scale: { min: 1, max: 6, labels: ['unsatisfactory', 'weak', 'satisfactory', 'good', 'very good', 'excellent'] },
  indicators: [
    { code: 'leadership', name: 'Leadership of change' },
    { code: 'teaching', name: 'Learning, teaching and assessment' },
    { code: 'wellbeing', name: 'Wellbeing, equality and inclusion' },
    { code: 'attainment', name: 'Raising attainment and achievement' },
  ],
  stages: [
    {
      key: 'scoping',
      name: 'Request and scoping',
      durationWorkingDays: 10,
      tasks: ['Agree the scope, the indicators and the dates with the school'],
      milestones: [{ key: 'scope-agreed', name: 'Scope agreed with the school', check: 'manual' }],
    },
    {
      key: 'self-evaluation',
      name: 'School self-evaluation',
      durationWorkingDays: 15,
      tasks: ['The school grades itself on every indicator: how are we doing, how do we know'],
      milestones: [
        { key: 'self-evaluation-submitted', name: 'Self-evaluation submitted', check: 'selfEvaluationSubmitted' },
      ],
    },
    {
      key: 'field-investigation',
      name: 'Field investigation',
      durationWorkingDays: 10,
      tasks: ['Visit the school', 'Observe lessons', 'Interview staff, pupils and parents'],
      milestones: [{ key: 'evidence-recorded', name: 'Evidence recorded', check: 'evidenceRecorded' }],
    },
    {
      key: 'diagnosis',
      name: 'Diagnosis',
      durationWorkingDays: 10,
      tasks: ['Grade every indicator with rationale and evidence', 'Write findings and solutions'],
      milestones: [
        { key: 'indicators-graded', name: 'Every indicator graded', check: 'allIndicatorsGraded' },
        { key: 'solutions-proposed', name: 'Findings with solutions', check: 'findingsWithSolutions' },
      ],
    },
    {
      key: 'draft-report',
      name: 'Draft report',
      durationWorkingDays: 5,
      tasks: ['Write the draft report', 'Release it to the school'],
      milestones: [{ key: 'draft-released', name: 'Draft released to the school', check: 'draftReleased' }],
    },
    {
      key: 'factual-accuracy',
      name: 'Factual-accuracy check',
      durationWorkingDays: 7,
      tasks: ['The school comments on factual accuracy', 'The team responds to every comment'],
      milestones: [
        { key: 'window-closed', name: 'Factual-accuracy window closed', check: 'accuracyWindowClosed' },
        { key: 'complaints-resolved', name: 'No open complaints', check: 'noOpenComplaints' },
      ],
    },
    {
      key: 'final-report',
      name: 'Final report with solutions',
      durationWorkingDays: 5,
      tasks: ['Issue the final report'],
      milestones: [{ key: 'report-final', name: 'Final report issued', check: 'reportFinal' }],
    },
    {
      key: 'action-plan',
      name: 'Action plan',
      durationWorkingDays: 10,
      tasks: ['Agree actions for each solution', 'Schedule return visits'],
      milestones: [{ key: 'action-plan-agreed', name: 'Action plan agreed', check: 'actionPlanAgreed' }],
    },
    {
      key: 'return-visits',
      name: 'Return visits',
      durationWorkingDays: 0,
      tasks: ['Visit, guide on site, measure the indicators again'],
      milestones: [{ key: 'visits-completed', name: 'Every return visit completed', check: 'returnVisitsCompleted' }],
    },
    {
      key: 'expert-follow-up',
      name: 'Expert recommendation and follow-up',
      durationWorkingDays: 20,
      tasks: ['Recommend experts for the school’s needs', 'Experts follow up with the team'],
      milestones: [
        { key: 'expert-assigned', name: 'An expert assigned', check: 'expertAssigned' },
        { key: 'follow-up-done', name: 'Follow-up done', check: 'manual' },
      ],
    },
    { key: 'closed', name: 'Closed', durationWorkingDays: 0, tasks: [], milestones: [] },
  ],
  returnVisits: 2,
  visitIntervalWorkingDays: 20,
};
