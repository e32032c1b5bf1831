import { type FieldError, type Queryable, uuidv7, ValidationFailed } from '@lifelong/core';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { type EngagementRow, evidence, type GradeRow, grades } from './schema.js';
import type { Scale } from './template-schema.js';

export interface GradeInput {
  indicatorCode: string;
  grade: number;
  value?: number | undefined;
  rationale: string;
  evidenceIds?: string[] | undefined;
}

/** Every rule of a batch of grades, checked before anything is written (400 naming each field). */
export async function checkGrades(db: Queryable, row: EngagementRow, input: readonly GradeInput[]): Promise<void> {
  const { scale, indicators } = row.definition;
  const known = new Set(indicators.map((i) => i.code));
  const errors: FieldError[] = [];
  const cited = [...new Set(input.flatMap((g) => g.evidenceIds ?? []))];
  const present = new Set(
    cited.length
      ? (
          await db
            .select({ id: evidence.id })
            .from(evidence)
            .where(and(eq(evidence.engagementId, row.id), inArray(evidence.id, cited)))
        ).map((e) => e.id)
      : [],
  );
  input.forEach((g, i) => {
    const at = `/body/grades/${i}`;
    if (!known.has(g.indicatorCode)) {
      errors.push({
        path: `${at}/indicatorCode`,
        rule: 'indicatorOfTemplate',
        message: `"${g.indicatorCode}" is not an indicator of the template.`,
      });
    }
    if (g.grade < scale.min || g.grade > scale.max) {
      errors.push({ path: `${at}/grade`, rule: 'scale', message: `Grades run from ${scale.min} to ${scale.max}.` });
    }
    (g.evidenceIds ?? []).forEach((id, j) => {
      if (!present.has(id)) {
        errors.push({
          path: `${at}/evidenceIds/${j}`,
          rule: 'evidenceOfEngagement',
          message: `No evidence ${id} in this engagement.`,
        });
      }
    });
  });
  if (errors.length > 0) throw ValidationFailed({ detail: errors[0]?.message, errors: errors.slice(0, 20) });
}

export async function insertGrades(
  db: Queryable,
  engagementId: string,
  source: 'self' | 'team' | 'visit',
  visitId: string | null,
  input: readonly GradeInput[],
  gradedBy: string,
  gradedAt: Date,
) {
  const ids = input.map(() => uuidv7()).sort();
  await db.insert(grades).values(
    input.map((g, i) => ({
      engagementId,
      id: ids[i] as string,
      source,
      visitId,
      indicatorCode: g.indicatorCode,
      grade: g.grade,
      value: g.value ?? null,
      rationale: g.rationale,
      evidenceIds: g.evidenceIds ?? [],
      gradedBy,
      gradedAt,
    })),
  );
}

/** The latest grade per indicator of one source (and visit), oldest grades first overwritten. */
export async function currentGrades(
  db: Queryable,
  engagementId: string,
  source: 'self' | 'team' | 'visit',
  visitId: string | null = null,
): Promise<Map<string, GradeRow>> {
  const rows = await db
    .select()
    .from(grades)
    .where(
      and(
        eq(grades.engagementId, engagementId),
        eq(grades.source, source),
        visitId === null ? isNull(grades.visitId) : eq(grades.visitId, visitId),
      ),
    )
    .orderBy(asc(grades.id));
  const out = new Map<string, GradeRow>();
  for (const r of rows) out.set(r.indicatorCode, r);
  return out;
}

export const labelOf = (scale: Scale, grade: number): string | null => scale.labels[grade - scale.min] ?? null;

export const gradeView = (scale: Scale, g: GradeRow) => ({
  indicatorCode: g.indicatorCode,
  grade: g.grade,
  label: labelOf(scale, g.grade),
  value: g.value,
  rationale: g.rationale,
  evidenceIds: g.evidenceIds,
  gradedBy: g.gradedBy,
  gradedAt: g.gradedAt.toISOString(),
});
