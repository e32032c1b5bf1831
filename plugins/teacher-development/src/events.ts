import { defineEvent } from '@lifelong/core';
import { Type } from '@sinclair/typebox';

// Events carry ids and figures, never personal details; keyed by person so one person's events
// are delivered in order.

export const TeacherDecided = defineEvent(
  'teacher-development.teacher.decided',
  Type.Object({
    teacherId: Type.String(),
    personId: Type.String(),
    regionId: Type.String(),
    status: Type.String({ description: 'approved | rejected' }),
  }),
);

export const CoursePublished = defineEvent(
  'teacher-development.course.published',
  Type.Object({ courseId: Type.String(), teacherId: Type.String(), regionId: Type.String(), version: Type.Integer() }),
);

export const CourseCompleted = defineEvent(
  'teacher-development.course.completed',
  Type.Object({
    enrolmentId: Type.String(),
    courseId: Type.String(),
    version: Type.Integer(),
    personId: Type.String(),
    regionId: Type.String(),
    recordId: Type.Union([Type.String(), Type.Null()], {
      description: "The credit bank's learning record (null: the learner is not verified yet, so not awarded).",
    }),
    credits: Type.String(),
    points: Type.String(),
  }),
);

export const CoursePriceChanged = defineEvent(
  'teacher-development.course.price-changed',
  Type.Object({
    courseId: Type.String(),
    regionId: Type.String(),
    asset: Type.String(),
    price: Type.String(),
    previousPrice: Type.Union([Type.String(), Type.Null()]),
  }),
);

export const EnrolmentPaid = defineEvent(
  'teacher-development.enrolment.paid',
  Type.Object({
    enrolmentId: Type.String(),
    courseId: Type.String(),
    personId: Type.String(),
    regionId: Type.String(),
    asset: Type.String(),
    amount: Type.String(),
  }),
);

export const TeacherRecommended = defineEvent(
  'teacher-development.teacher.recommended',
  Type.Object({
    listId: Type.String(),
    teacherId: Type.String(),
    personId: Type.String(),
    regionId: Type.String(),
    event: Type.String({ description: 'The activity or event the teacher is recommended for.' }),
  }),
);

export const TEACHER_DEVELOPMENT_EVENTS = [
  TeacherRecommended,
  TeacherDecided,
  CoursePublished,
  CourseCompleted,
  CoursePriceChanged,
  EnrolmentPaid,
];
