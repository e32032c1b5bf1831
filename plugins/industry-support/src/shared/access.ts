import type { InstitutionSummary } from '@lifelong/core';
import type { Ctx } from '../context.js';
import { CompaniesOnly, PeopleOnly } from '../errors.js';

/** The signed-in learner's id; API keys act for institutions, never as a learner. */
export function learnerOf(ctx: Ctx): string {
  return ctx.requirePerson(() => PeopleOnly());
}

/**
 * The accredited company the caller's API key acts for (a key of an institution of kind `company`
 * holding the `industry-partner` role), or null for any other caller.
 */
export async function callerCompany(ctx: Ctx): Promise<InstitutionSummary | null> {
  if (ctx.principal.kind !== 'apiKey' || !ctx.principal.institutionId) return null;
  if (!ctx.principal.roles.some((grant) => grant.role === 'industry-partner')) return null;
  const institution = await ctx.identity.institution(ctx.principal.institutionId);
  if (institution?.kind !== 'company' || institution.accreditation !== 'accredited') return null;
  return institution;
}

/** The accredited company acting, in the request's region; 403 for anyone else. */
export async function companyOf(ctx: Ctx): Promise<InstitutionSummary> {
  const company = await callerCompany(ctx);
  if (!company || company.regionId !== ctx.regionId) throw CompaniesOnly();
  return company;
}
