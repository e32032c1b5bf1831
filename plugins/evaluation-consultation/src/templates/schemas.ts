import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { NullableTimestamp, TemplateId } from '../shared/common-schemas.js';
import { TemplateDefinition } from '../shared/template-schema.js';

export const Template = Type.Object({
  id: TemplateId,
  regionId: Type.Union([Type.String(), Type.Null()], { description: 'null for the built-in template' }),
  key: Type.String(),
  version: Type.Integer(),
  definition: TemplateDefinition,
  createdAt: NullableTimestamp,
});
export type Template = Static<typeof Template>;
export const TemplatePage = Page(Template);
export const TemplateListQuery = PageQuery;
export const TemplateParams = Type.Object({ templateId: TemplateId });
export { TemplateDefinition };
