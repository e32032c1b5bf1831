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
  access: { authenticated: 'the profile’s own person' },
  responses: { 200: { description: 'The profile', schema: Teacher } },
});

export const listTeachers = defineContract({
  operationId: 'teachers.list',
  method: 'get',
  path: '/teachers',
  summary: "The region's teacher profiles by status, oldest first (deciders only)",
  access: { permission: 'teachers.approve' },
  request: { query: TeacherListQuery },
  responses: { 200: { description: 'A page of profiles', schema: TeacherPage } },
});

export const getTeacher = defineContract({
  operationId: 'teachers.get',
  method: 'get',
  path: '/teachers/{teacherId}',
  summary: 'A teacher profile: approved ones to anyone signed in, others to the person and deciders',
  access: { authenticated: 'anyone signed in for approved teachers; the person and deciders otherwise' },
  request: { params: TeacherParams },
  responses: { 200: { description: 'The profile', schema: Teacher } },
});

export const decideTeacher = defineContract({
  operationId: 'teachers.decide',
  method: 'post',
  path: '/teachers/{teacherId}/decision',
  summary: "Approve or reject a teacher's application (an admin of a named institution or of the region)",
  access: { permission: 'teachers.approve' },
  request: { params: TeacherParams, body: TeacherDecisionBody },
  responses: { 200: { description: 'The decided profile', schema: Teacher } },
  errors: [AlreadyDecided],
});
