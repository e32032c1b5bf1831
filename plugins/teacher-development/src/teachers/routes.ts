import type { TeacherDevelopmentRegistrar } from '../config.js';
import { PeopleOnly } from '../errors.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves the teachers feature: applications, decisions, profiles (the rules are in service.ts). */
export function registerTeachers(p: TeacherDevelopmentRegistrar): void {
  p.route(contract.applyAsTeacher, async ({ body }, ctx) => ({
    status: 201,
    body: await service.apply(ctx, ctx.requirePerson(PeopleOnly), body),
  }));

  p.route(contract.getMyTeacherProfile, async (_input, ctx) => ({
    status: 200,
    body: await service.profileOf(ctx, ctx.requirePerson(PeopleOnly)),
  }));

  p.route(contract.listTeachers, async ({ query }, ctx) => ({ status: 200, body: await service.list(ctx, query) }));

  p.route(contract.getTeacher, async ({ params }, ctx) => ({
    status: 200,
    body: await service.get(ctx, params.teacherId),
  }));

  p.route(contract.decideTeacher, async ({ params, body }, ctx) => ({
    status: 200,
    body: await service.decide(ctx, params.teacherId, body),
  }));
}
