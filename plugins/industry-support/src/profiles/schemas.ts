import { type Static, Type } from '@sinclair/typebox';
import { Id, Level, Timestamp } from '../shared/common-schemas.js';
import { EvidenceView } from '../shared/evidence-schemas.js';

export const Profile = Type.Object({
  personId: Id,
  skills: Type.Array(
    Type.Object({
      skillId: Id,
      label: Type.String(),
      heldLevel: Type.Number({ description: 'The best effective level of the evidence.' }),
      evidence: Type.Array(EvidenceView),
    }),
  ),
});

export const SkillParams = Type.Object({ skillId: Id });
export const DeclareBody = Type.Object({ level: Level }, { additionalProperties: false });
export const Declared = Type.Object({
  skillId: Id,
  level: Type.Integer(),
  declaredAt: Timestamp,
  selfDeclared: Type.Literal(true),
});

export const EvidenceRuleBody = Type.Object(
  {
    formId: Type.String({ format: 'uuid', description: 'An assessment form: passing it is the evidence.' }),
    skillId: Id,
    level: Level,
  },
  { additionalProperties: false },
);
export type EvidenceRuleBody = Static<typeof EvidenceRuleBody>;
export const EvidenceRule = Type.Object({
  id: Id,
  regionId: Type.String(),
  sourceKind: Type.Literal('assessment'),
  sourceRef: Id,
  skillId: Id,
  level: Type.Integer(),
  createdAt: Timestamp,
});
