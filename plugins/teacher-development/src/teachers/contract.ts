import { defineContract } from '@lifelong/core/contract';
import { AlreadyApplied, AlreadyDecided } from '../errors.js';
import {
  ApplyAsTeacherBody,
  Teacher,
  TeacherDecisionBody,
  TeacherListQuery,
  TeacherPage,
  TeacherParams,
} from './schemas.js';

export const applyAsTeacher = defineContract({
  operationId: 'teachers.apply',
  method: 'post',
  path: '/teachers',
  summary: "Apply to teach in the request's region (creates a pending teacher profile)",
  description:
    'Any signed-in person (not an API key: 403 `TEACHER_DEVELOPMENT_PEOPLE_ONLY`) applies with subjects, ' +
    "bio and the institutions they teach for, which must all be in the request's region, and at most the " +
    "region's `teachers.maxSubjects` subjects (400 otherwise). One profile per person and region: a " +
    'second application answers 409 `TEACHER_DEVELOPMENT_ALREADY_APPLIED`.',
  access: { authenticated: 'any signed-in person, once per region' },
  request: { body: ApplyAsTeacherBody },
  responses: { 201: { description: 'The pending profile', schema: Teacher } },
  errors: [AlreadyApplied],
});

export const getMyTeacherProfile = defineContract({
  operationId: 'teachers.me.get',
  method: 'get',
  path: '/teachers/me',
  summary: "The caller's own teacher profile in the request's region",
  description:
    "The signed-in person's own profile in the request's region, whatever its status. 404 when they have " +
    'not applied here; API keys get 403 `TEACHER_DEVELOPMENT_PEOPLE_ONLY`.',
  access: { authenticated: 'the profile’s own person' },
  responses: { 200: { description: 'The profile', schema: Teacher } },
});

export const listTeachers = defineContract({
  operationId: 'teachers.list',
  method: 'get',
  path: '/teachers',
  summary: "The region's teacher profiles by status, oldest first (deciders only)",
  description:
    'For holders of `teachers.approve`: region admins see every profile of the region, institution admins ' +
    'only those naming their institution. Filter with `?status=`; paginated with `?limit=&cursor=`.',
  access: { permission: 'teachers.approve' },
  request: { query: TeacherListQuery },
  responses: { 200: { description: 'A page of profiles', schema: TeacherPage } },
});

export const getTeacher = defineContract({
  operationId: 'teachers.get',
  method: 'get',
  path: '/teachers/{teacherId}',
  summary: 'A teacher profile: approved ones to anyone signed in, others to the person and deciders',
  description:
    'Approved profiles are visible to anyone signed in; pending and rejected ones only to their own ' +
    'person and to those who may decide them (holders of `teachers.approve` in the region or in an ' +
    'institution the profile names). Everyone else, and profiles of other regions, get 404.',
  access: { authenticated: 'anyone signed in for approved teachers; the person and deciders otherwise' },
  request: { params: TeacherParams },
  responses: { 200: { description: 'The profile', schema: Teacher } },
});

export const decideTeacher = defineContract({
  operationId: 'teachers.decide',
  method: 'post',
  path: '/teachers/{teacherId}/decision',
  summary: "Approve or reject a teacher's application (an admin of a named institution or of the region)",
  description:
    "Needs `teachers.approve` in the profile's region or in one of the institutions it names. Each " +
    'application is decided once: deciding again answers 409 `TEACHER_DEVELOPMENT_ALREADY_DECIDED`. Emits ' +
    '`teacher-development.teacher.decided`.',
  access: { permission: 'teachers.approve' },
  request: { params: TeacherParams, body: TeacherDecisionBody },
  responses: { 200: { description: 'The decided profile', schema: Teacher } },
  errors: [AlreadyDecided],
});
