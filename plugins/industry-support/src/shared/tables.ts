// The tables more than one feature reads, named once: each feature keeps its tables in its own
// schema.ts (drizzle-kit reads them there); others reach them only through this list.
export { consents, matchSnapshots } from '../consents/schema.js';
export { type NeedRow, type NeedSkill, needs } from '../needs/schema.js';
export { declaredSkills, evidenceRules } from '../profiles/schema.js';
export { crosswalks, occupations, type SkillRow, skills, taxonomies } from '../taxonomies/schema.js';
