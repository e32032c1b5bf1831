import teacherDevelopment from '@lifelong/plugin-teacher-development/client';
import { centerApi } from '../../api.js';
import { formatScaled } from '../../problem.js';

/** The portal's client with the teacher development center bound (its contracts load with these pages). */
export const td = () => centerApi(teacherDevelopment).teacherDevelopment;

type Api = ReturnType<typeof td>;
export type Course = Awaited<ReturnType<Api['courses']['get']>>;
export type CourseVersion = NonNullable<Course['live']>;
export type Enrolment = Awaited<ReturnType<Api['enrolments']['get']>>;
// The stages and levels as the credit bank's contracts take them (one source).
export { LEVELS, STAGES } from '@lifelong/plugin-credit-bank/client';
export type MediaFile = CourseVersion['lessons'][number]['media'][number];

/** The content learners see, else the version under work (teachers and reviewers). */
export const shown = (course: Course): CourseVersion | null => course.live ?? course.open;

// Minor units per asset: CNY is in fen; points, vouchers and credits count whole units here.
const SCALES: Record<string, number> = { CNY: 2 };
export const amount = (minor: string, asset: string, locale: string) => formatScaled(minor, SCALES[asset] ?? 0, locale);

/** CREDIT has scale 1: "10" is 1.0 credits. */
export const credits = (minor: string, locale: string) => formatScaled(minor, 1, locale);

/** Whether an error is the platform's 404. */
export const isNotFound = (caught: unknown): boolean =>
  typeof caught === 'object' && caught !== null && (caught as { status?: number }).status === 404;

/** Every item of a paginated list (`.all()` yields them page by page). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
