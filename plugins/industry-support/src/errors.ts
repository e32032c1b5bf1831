import { defineError } from '@lifelong/core/contract';

// The plugin's error kinds. Codes are stable once published; clients match on them. Contracts
// list them (`errors: [...]`), so this module loads no server code (client-entry.test.ts).
export const PeopleOnly = defineError('INDUSTRY_SUPPORT_PEOPLE_ONLY', 403, 'Only a signed-in learner can do this');
export const CompaniesOnly = defineError(
  'INDUSTRY_SUPPORT_COMPANIES_ONLY',
  403,
  'Only an accredited company (through its API key) can do this',
);
export const TaxonomyNotFound = defineError(
  'INDUSTRY_SUPPORT_TAXONOMY_NOT_FOUND',
  404,
  'No such taxonomy in this region',
);
export const TaxonomyExists = defineError(
  'INDUSTRY_SUPPORT_TAXONOMY_EXISTS',
  409,
  'This taxonomy version exists in the region already',
);
export const ImportNotFound = defineError('INDUSTRY_SUPPORT_IMPORT_NOT_FOUND', 404, 'No such import');
export const ImportFormatMismatch = defineError(
  'INDUSTRY_SUPPORT_IMPORT_FORMAT_MISMATCH',
  409,
  "The file kind does not belong to the taxonomy's format",
);
export const SkillNotFound = defineError('INDUSTRY_SUPPORT_SKILL_NOT_FOUND', 404, 'No such skill in this region');
export const OccupationNotFound = defineError(
  'INDUSTRY_SUPPORT_OCCUPATION_NOT_FOUND',
  404,
  'No such occupation in this region',
);
export const NeedNotFound = defineError('INDUSTRY_SUPPORT_NEED_NOT_FOUND', 404, 'No such need in this region');
export const NeedStatusConflict = defineError(
  'INDUSTRY_SUPPORT_NEED_STATUS',
  409,
  'The need is not in a status that allows this',
);
export const ImportExists = defineError(
  'INDUSTRY_SUPPORT_IMPORT_EXISTS',
  409,
  'This taxonomy version already has a different file of this kind (a version is immutable: create a new version)',
);
