import { defineContract } from '@lifelong/core/contract';
import { PeopleOnly, TemplateNotFound } from '../errors.js';
import { Template, TemplateDefinition, TemplateListQuery, TemplatePage, TemplateParams } from './schemas.js';

export const createTemplate = defineContract({
  operationId: 'templates.create',
  method: 'post',
  path: '/templates',
  summary: 'Add a version of one of the region’s engagement templates',
  description:
    'For holders of `evaluation-consultation.templates.manage` in the region (its admins). The first ' +
    'template of a `key` is version 1, each later one the next version; versions never change, and ' +
    'an engagement keeps the version it was opened with. Besides the schema: `scale.max` above ' +
    '`scale.min` (`scaleOrder`), as many labels as grades or none (`labelCount`), unique indicator ' +
    'codes, stage keys and milestone keys within a stage (`unique`).',
  access: { permission: 'templates.manage' },
  request: { body: TemplateDefinition },
  responses: { 201: { description: 'The new template version', schema: Template } },
  errors: [PeopleOnly],
});

export const listTemplates = defineContract({
  operationId: 'templates.list',
  method: 'get',
  path: '/templates',
  summary: 'The templates an engagement of the region may use: the built-in default, then the region’s',
  description: 'For any signed-in principal; a page at a time (`?limit=&cursor=`), the built-in first.',
  access: { authenticated: 'any signed-in principal' },
  request: { query: TemplateListQuery },
  responses: { 200: { description: 'A page of templates', schema: TemplatePage } },
});

export const getTemplate = defineContract({
  operationId: 'templates.get',
  method: 'get',
  path: '/templates/{templateId}',
  summary: 'One template version',
  description: '`paper-default@1` is the built-in default; another region’s template is 404.',
  access: { authenticated: 'any signed-in principal' },
  request: { params: TemplateParams },
  responses: { 200: { description: 'The template', schema: Template } },
  errors: [TemplateNotFound],
});
