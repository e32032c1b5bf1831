import type { Ctx } from '../context.js';
import { SkillNotFound } from '../errors.js';
import { learnerOf } from '../shared/access.js';
import { regionSkillIds, skillLabels } from '../shared/catalogue.js';
import { evidenceOf } from '../shared/profile.js';
import type { EvidenceRuleBody } from './schemas.js';
import * as store from './store.js';

// Profiles' rules: a learner reads their own profile and declares skills; the region's admins say
// which self-tests are evidence of which skill.

export async function getProfile(ctx: Ctx) {
  const personId = learnerOf(ctx);
  const all = await evidenceOf(ctx, personId, ctx.regionId);
  const labels = await skillLabels(ctx.db, [...all.keys()]);
  const skills = [...all.entries()]
    .map(([skillId, evidence]) => {
      const sorted = [...evidence].sort((a, b) => b.effectiveLevel - a.effectiveLevel);
      return { skillId, label: labels.get(skillId) ?? '', heldLevel: sorted[0]?.effectiveLevel ?? 0, evidence: sorted };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
  return { personId, skills };
}

async function requireSkill(ctx: Ctx, skillId: string) {
  if (!(await regionSkillIds(ctx.db, ctx.regionId, [skillId])).has(skillId)) {
    throw SkillNotFound({ detail: `No skill ${skillId} in region "${ctx.regionId}".` });
  }
}

export async function declareSkill(ctx: Ctx, skillId: string, level: number) {
  const personId = learnerOf(ctx);
  await requireSkill(ctx, skillId);
  const row = await store.upsertDeclared(ctx.db, personId, skillId, level, ctx.now());
  return {
    skillId: row.skillId,
    level: row.level,
    declaredAt: row.declaredAt.toISOString(),
    selfDeclared: true as const,
  };
}

export async function withdrawSkill(ctx: Ctx, skillId: string) {
  await store.deleteDeclared(ctx.db, learnerOf(ctx), skillId);
}

export async function addEvidenceRule(ctx: Ctx, body: EvidenceRuleBody) {
  ctx.require('taxonomies.manage', { regionId: ctx.regionId });
  await requireSkill(ctx, body.skillId);
  const row = await store.upsertRule(ctx.db, {
    regionId: ctx.regionId,
    sourceRef: body.formId,
    skillId: body.skillId,
    level: body.level,
    createdAt: ctx.now(),
  });
  return { ...row, createdAt: row.createdAt.toISOString() };
}
