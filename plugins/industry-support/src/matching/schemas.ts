import { Type } from '@sinclair/typebox';
import { Id } from '../shared/common-schemas.js';
import { EvidenceView } from '../shared/evidence-schemas.js';

export const SkillStatus = Type.Union([Type.Literal('matched'), Type.Literal('partial'), Type.Literal('missing')]);

export const MatchedSkill = Type.Object({
  skillId: Id,
  label: Type.String(),
  status: SkillStatus,
  requiredLevel: Type.Integer({ description: 'Needed, 1–7.' }),
  heldLevel: Type.Number({ description: 'The best effective level of the evidence, 0–7.' }),
  essential: Type.Boolean(),
  importance: Type.Integer({ description: '1–5; never confused with the level.' }),
  weight: Type.Number({ description: '(essential ? 1 : 0.5) × importance.' }),
  coverage: Type.Number({ description: 'min(1, heldLevel / requiredLevel).' }),
  evidence: Type.Array(EvidenceView),
});

export const Match = Type.Object({
  needId: Id,
  version: Type.Integer({ description: 'The need version matched.' }),
  score: Type.Number({ minimum: 0, maximum: 1, description: 'Σ weight·coverage / Σ weight, four decimals.' }),
  skills: Type.Array(MatchedSkill, { description: 'Every skill of the need, in the need’s order.' }),
});

export const GapPlan = Type.Object({
  needId: Id,
  score: Type.Number(),
  items: Type.Array(
    Type.Object({
      skillId: Id,
      label: Type.String(),
      status: Type.Union([Type.Literal('partial'), Type.Literal('missing')]),
      requiredLevel: Type.Integer(),
      heldLevel: Type.Number(),
      selfTests: Type.Array(
        Type.Object({
          formId: Id,
          level: Type.Integer({ description: 'The level passing it shows.' }),
          skillId: Id,
          closesGap: Type.Boolean({ description: 'Passing it reaches the required level.' }),
        }),
      ),
    }),
  ),
});
