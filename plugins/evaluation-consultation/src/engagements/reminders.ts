import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { JobCtx } from '../context.js';
import { StageOverdue } from '../events.js';
import { StageDueSoon, StageOverdueNotice } from '../notifications.js';
import { stageKey } from '../shared/access.js';
import { afterWorkingDays } from '../shared/calendar.js';
import { type EngagementRow, engagements, members } from '../shared/schema.js';

// Reminders: before a stage is due (the region's `reminderWorkingDays`) the team hears about it
// once, and once more when it is overdue (with an event for other plugins). Each engagement is its
// own savepoint: one bad row never stops the run, and the run is safe to repeat (the stage already
// reminded is recorded on the row).

async function remind(
  ctx: JobCtx,
  row: EngagementRow,
  now: Date,
  reminderWorkingDays: number,
  calendar: { workingWeekdays: number[]; holidays: string[] },
) {
  const due = row.stageDueAt as Date;
  const stage = row.definition.stages[row.stageIndex];
  const name = stage?.name ?? stageKey(row);
  const team = async () =>
    (
      await ctx.db
        .select({ personId: members.personId })
        .from(members)
        .where(and(eq(members.engagementId, row.id), inArray(members.role, ['lead', 'member'])))
    ).map((m) => m.personId);
  const link = `/engagements/${row.id}`;
  if (now >= due) {
    if (row.overdueNotifiedStage === row.stageIndex) return 'none';
    await ctx.notify(
      StageOverdueNotice,
      await team(),
      { stage: name, dueAt: due.toISOString() },
      { link, regionId: row.regionId },
    );
    await ctx.emit(
      StageOverdue,
      { engagementId: row.id, regionId: row.regionId, stage: stageKey(row), dueAt: due.toISOString() },
      { key: row.id, regionId: row.regionId },
    );
    await ctx.db.update(engagements).set({ overdueNotifiedStage: row.stageIndex }).where(eq(engagements.id, row.id));
    return 'overdue';
  }
  const horizon = reminderWorkingDays > 0 ? afterWorkingDays(calendar, now, reminderWorkingDays) : now;
  if (horizon && horizon >= due && row.remindedStage !== row.stageIndex) {
    await ctx.notify(
      StageDueSoon,
      await team(),
      { stage: name, dueAt: due.toISOString() },
      { link, regionId: row.regionId },
    );
    await ctx.db.update(engagements).set({ remindedStage: row.stageIndex }).where(eq(engagements.id, row.id));
    return 'reminded';
  }
  return 'none';
}

/** One run over every enabled region's active engagements with a deadline. */
export async function sendReminders(ctx: JobCtx): Promise<{ reminded: number; overdue: number; failed: number }> {
  const counts = { reminded: 0, overdue: 0, failed: 0 };
  const now = ctx.now();
  for (const regionId of await ctx.enabledRegions()) {
    const config = await ctx.configFor(regionId);
    const rows = await ctx.db
      .select()
      .from(engagements)
      .where(
        and(eq(engagements.regionId, regionId), eq(engagements.status, 'active'), isNotNull(engagements.stageDueAt)),
      );
    for (const row of rows) {
      try {
        const outcome = await ctx.transaction(() => remind(ctx, row, now, config.reminderWorkingDays, config.calendar));
        if (outcome === 'reminded') counts.reminded += 1;
        if (outcome === 'overdue') counts.overdue += 1;
      } catch (error) {
        counts.failed += 1;
        ctx.logger.error({ err: error, engagementId: row.id }, 'reminder failed');
      }
    }
  }
  return counts;
}
