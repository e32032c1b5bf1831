import { Forbidden, type InstitutionSummary, type PluginRequestContext, ValidationFailed } from '@lifelong/core';
import type { CreditBankConfig } from '../../config.js';

/**
 * The institution records are entered for (an institution key's own by default), which the caller
 * must hold `records.import` for: in the institution's scope (its staff or key), or in its region
 * (a registrar). Imports and records entered by hand share it. `path` names the field in errors.
 */
export async function recordingInstitution(
  ctx: PluginRequestContext<typeof CreditBankConfig>,
  institutionId: string | undefined,
  path: string,
): Promise<InstitutionSummary> {
  const id = institutionId ?? (ctx.principal.kind === 'apiKey' ? ctx.principal.institutionId : undefined);
  if (!id) {
    throw ValidationFailed({
      // Not the schema's `required`: the field is optional for an institution's own key.
      errors: [
        {
          path,
          rule: 'institutionOfCaller',
          message: "Name the institution (only an institution's own key may leave it out)",
        },
      ],
    });
  }
  const institution = await ctx.identity.institution(id);
  if (!institution) {
    throw ValidationFailed({ errors: [{ path, rule: 'institutionExists', message: 'No such institution' }] });
  }
  if (
    !ctx.can('records.import', { institutionId: institution.id }) &&
    !ctx.can('records.import', { regionId: institution.regionId })
  ) {
    throw Forbidden({ detail: 'This requires records.import for the institution or its region.' });
  }
  if (!(await ctx.enabledRegions()).includes(institution.regionId)) {
    throw ValidationFailed({
      errors: [{ path, rule: 'regionEnabled', message: "The credit bank is not enabled in the institution's region" }],
    });
  }
  return institution;
}
