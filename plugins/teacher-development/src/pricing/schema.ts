import type { TableDistribution } from '@lifelong/core';
import { bigint, index, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { teacherDevelopment } from '../schema.js';

/** The figures a price was computed from (kept with every change, so each price can be explained). */
export interface PriceFigures {
  freeUntil: string;
  users: number;
  tierMinUsers: number | null;
  tierPrice: string;
  hasLearningRecords: boolean;
  activeLearners: number;
  activeWindowDays: number;
  activityFactorBps: number;
}

/** The current price of each course after its free week. */
export const coursePrices = teacherDevelopment.table('course_prices', {
  courseId: uuid('course_id').primaryKey(),
  regionId: text('region_id').notNull(),
  asset: text('asset').notNull(),
  price: bigint('price', { mode: 'bigint' }).notNull(),
  figures: jsonb('figures').$type<PriceFigures>().notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
});

/** Every price change, with the figures that produced it and what triggered it. */
export const priceHistory = teacherDevelopment.table(
  'price_history',
  {
    id: uuid('id').primaryKey(),
    courseId: uuid('course_id').notNull(),
    regionId: text('region_id').notNull(),
    asset: text('asset').notNull(),
    price: bigint('price', { mode: 'bigint' }).notNull(),
    previousPrice: bigint('previous_price', { mode: 'bigint' }),
    reason: text('reason', { enum: ['schedule', 'on-demand', 'enrolment'] }).notNull(),
    figures: jsonb('figures').$type<PriceFigures>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('price_history_course_idx').on(t.courseId, t.id)],
);

/** Placement on a distributed cluster (docs/scale.md): prices with their course. */
export const pricingDistribution: readonly TableDistribution[] = [
  { table: coursePrices, kind: 'distributed', column: 'course_id', colocation: 'course' },
  { table: priceHistory, kind: 'distributed', column: 'course_id', colocation: 'course' },
];
