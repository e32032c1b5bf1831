import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { EngagementParams, Id, ShortText, Timestamp } from '../shared/common-schemas.js';
import { IndicatorCode } from '../shared/template-schema.js';

export { EngagementParams };

export const EvidenceKind = Type.Union([
  Type.Literal('observation'),
  Type.Literal('interview'),
  Type.Literal('survey'),
  Type.Literal('indicatorLink'),
]);
const IndicatorCodes = Type.Array(IndicatorCode, { maxItems: 60, uniqueItems: true });
const EvidenceText = Type.String({ minLength: 1, maxLength: 50_000 });

export const CreateEvidenceBody = Type.Object(
  { kind: EvidenceKind, title: ShortText, text: EvidenceText, indicatorCodes: Type.Optional(IndicatorCodes) },
  { additionalProperties: false },
);
export type CreateEvidenceBody = Static<typeof CreateEvidenceBody>;

export const EvidenceVersionBody = Type.Object(
  { text: EvidenceText, indicatorCodes: Type.Optional(IndicatorCodes) },
  { additionalProperties: false },
);

export const DocumentQuery = Type.Object(
  {
    title: ShortText,
    evidenceId: Type.Optional(
      Type.String({ format: 'uuid', description: 'A new version of this document (default: a new document)' }),
    ),
  },
  { additionalProperties: false },
);

export const EvidenceVersion = Type.Object({
  version: Type.Integer(),
  text: Type.String(),
  indicatorCodes: Type.Array(Type.String()),
  file: Type.Union([
    Type.Object({ sha256: Type.String(), contentType: Type.String(), size: Type.Integer() }),
    Type.Null(),
  ]),
  createdBy: Id,
  createdAt: Timestamp,
});

export const Evidence = Type.Object({
  id: Id,
  kind: Type.Union([EvidenceKind, Type.Literal('document')]),
  title: Type.String(),
  latestVersion: Type.Integer(),
  createdBy: Id,
  createdAt: Timestamp,
  versions: Type.Array(EvidenceVersion, { description: 'Every version, oldest first (in lists: the latest only)' }),
});
export type Evidence = Static<typeof Evidence>;
export const EvidencePage = Page(Evidence);
export const EvidenceListQuery = PageQuery;
export const EvidenceParams = Type.Object({ engagementId: Id, evidenceId: Id });
export const EvidenceFileParams = Type.Object({
  engagementId: Id,
  evidenceId: Id,
  version: Type.Integer({ minimum: 1 }),
});
