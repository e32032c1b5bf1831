import { defineContract } from '@lifelong/core/contract';
import { PeopleOnly, SkillNotFound } from '../errors.js';
import { DeclareBody, Declared, EvidenceRule, EvidenceRuleBody, Profile, SkillParams } from './schemas.js';

const learner = { authenticated: 'the signed-in learner (their own profile)' } as const;

export const getProfile = defineContract({
  operationId: 'profile.get',
  method: 'get',
  path: '/me/profile',
  summary: 'My skill profile, with the evidence behind each level',
  description:
    'Each skill lists its evidence (passed self-tests mapped by the region’s evidence rules, and self-declared ' +
    'levels), what each is worth today after age decay, and why. API keys get 403 `INDUSTRY_SUPPORT_PEOPLE_ONLY`.',
  access: learner,
  responses: { 200: { description: 'The profile', schema: Profile } },
  errors: [PeopleOnly],
});

export const declareSkill = defineContract({
  operationId: 'profile.skills.declare',
  method: 'put',
  path: '/me/skills/{skillId}',
  summary: 'Declare a skill myself (marked as self-declared, weighted lower)',
  description:
    "A level 0–7 for a skill of the region (404 otherwise); counts × the region's `declaredWeight` and decays with age like other evidence. Declaring again replaces it.",
  access: learner,
  request: { params: SkillParams, body: DeclareBody },
  responses: { 200: { description: 'The declaration', schema: Declared } },
  errors: [PeopleOnly, SkillNotFound],
});

export const withdrawSkill = defineContract({
  operationId: 'profile.skills.withdraw',
  method: 'delete',
  path: '/me/skills/{skillId}',
  summary: 'Withdraw a self-declared skill',
  description: 'Idempotent: a skill not declared answers 204 as well.',
  access: learner,
  request: { params: SkillParams },
  responses: { 204: { description: 'Withdrawn' } },
  errors: [PeopleOnly],
});

export const addEvidenceRule = defineContract({
  operationId: 'evidenceRules.create',
  method: 'post',
  path: '/evidence-rules',
  summary: 'Count passing an assessment form as evidence of a skill at a level',
  description:
    'For holders of `industry-support.taxonomies.manage` in the region. The skill must be of the region (404). ' +
    'Writing the same form and skill again replaces the level.',
  access: { permission: 'taxonomies.manage' },
  request: { body: EvidenceRuleBody },
  responses: { 201: { description: 'The rule', schema: EvidenceRule } },
  errors: [SkillNotFound],
});
