import type { Queryable } from '@lifelong/core';
import { and, count, countDistinct, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import {
  complaints,
  type EngagementRow,
  evidence,
  findings,
  grades,
  members,
  milestones,
  reports,
  solutions,
  visits,
} from './schema.js';
import type { MilestoneCheck } from './template-schema.js';

export interface MilestoneState {
  key: string;
  name: string;
  check: MilestoneCheck;
  met: boolean;
}

const n = async (rows: Promise<{ n: number }[]>) => (await rows)[0]?.n ?? 0;

/** Whether one milestone's check holds, from the engagement's own records (at `now`). */
async function met(db: Queryable, row: EngagementRow, stage: string, key: string, check: MilestoneCheck, now: Date) {
  const id = row.id;
  switch (check) {
    case 'manual':
      return (
        (await n(
          db
            .select({ n: count() })
            .from(milestones)
            .where(and(eq(milestones.engagementId, id), eq(milestones.stageKey, stage), eq(milestones.key, key))),
        )) > 0
      );
    case 'selfEvaluationSubmitted':
      return row.selfEvaluationSubmittedAt !== null;
    case 'evidenceRecorded':
      return (await n(db.select({ n: count() }).from(evidence).where(eq(evidence.engagementId, id)))) > 0;
    case 'allIndicatorsGraded': {
      const graded = await n(
        db
          .select({ n: countDistinct(grades.indicatorCode) })
          .from(grades)
          .where(and(eq(grades.engagementId, id), eq(grades.source, 'team'))),
      );
      return graded >= row.definition.indicators.length;
    }
    case 'findingsWithSolutions': {
      const all = await db
        .select({ id: findings.id, kind: findings.kind })
        .from(findings)
        .where(eq(findings.engagementId, id));
      const solved = new Set(
        (await db.select({ findingId: solutions.findingId }).from(solutions).where(eq(solutions.engagementId, id))).map(
          (s) => s.findingId,
        ),
      );
      return solved.size > 0 && all.every((f) => f.kind !== 'improvement' || solved.has(f.id));
    }
    case 'draftReleased':
      return (
        (await n(
          db
            .select({ n: count() })
            .from(reports)
            .where(and(eq(reports.engagementId, id), isNotNull(reports.releasedAt))),
        )) > 0
      );
    case 'accuracyWindowClosed':
      return (
        (await n(
          db
            .select({ n: count() })
            .from(reports)
            .where(and(eq(reports.engagementId, id), lte(reports.windowClosesAt, now))),
        )) > 0
      );
    case 'noOpenComplaints':
      return (
        (await n(
          db
            .select({ n: count() })
            .from(complaints)
            .where(and(eq(complaints.engagementId, id), isNull(complaints.resolvedAt))),
        )) === 0
      );
    case 'reportFinal':
      return (
        (await n(
          db
            .select({ n: count() })
            .from(reports)
            .where(and(eq(reports.engagementId, id), eq(reports.status, 'final'))),
        )) > 0
      );
    case 'actionPlanAgreed':
      return row.actionPlanAgreedAt !== null;
    case 'returnVisitsCompleted': {
      if (row.actionPlanAgreedAt === null) return false;
      const open = await n(
        db
          .select({ n: count() })
          .from(visits)
          .where(and(eq(visits.engagementId, id), isNull(visits.completedAt))),
      );
      return open === 0;
    }
    case 'expertAssigned':
      return (
        (await n(
          db
            .select({ n: count() })
            .from(members)
            .where(and(eq(members.engagementId, id), eq(members.role, 'expert'))),
        )) > 0
      );
  }
}

/** The current stage's milestones, each with whether it is met now. */
export async function stageMilestones(db: Queryable, row: EngagementRow, now: Date): Promise<MilestoneState[]> {
  const stage = row.definition.stages[row.stageIndex];
  if (!stage) return [];
  const out: MilestoneState[] = [];
  for (const m of stage.milestones) {
    out.push({ key: m.key, name: m.name, check: m.check, met: await met(db, row, stage.key, m.key, m.check, now) });
  }
  return out;
}
