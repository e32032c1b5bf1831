// The tables more than one feature reads, named once: each feature keeps its tables in its own
// schema.ts (drizzle-kit reads them there); others reach them only through this list.
export { type CourseRow, courses, courseVersions, lessons, media } from '../courses/schema.js';
export { enrolments, lessonProgress, ratings } from '../learning/schema.js';
export { qualityScores } from '../quality/schema.js';
export { type TeacherRow, teachers } from '../teachers/schema.js';
