import type { Ctx } from '../context.js';
import { CredentialNotFound, InstitutionNotFound } from '../errors.js';
import { hashSecret, newKeyAndSecret } from '../shared/secrets.js';
import { credentialView, findCredential, insertCredential, listCredentialRows, revokeCredentialRow } from './store.js';

/** The institution, when the caller manages its credentials; otherwise the same 404 as an unknown one. */
async function managedInstitution(ctx: Ctx, institutionId: string) {
  const institution = await ctx.identity.institution(institutionId);
  if (!institution || !ctx.can('credentials.manage', { regionId: institution.regionId, institutionId })) {
    throw InstitutionNotFound();
  }
  return institution;
}

export async function createCredential(ctx: Ctx, input: { institutionId: string; name: string; scopes: string[] }) {
  const institution = await managedInstitution(ctx, input.institutionId);
  const { key, secret } = newKeyAndSecret();
  const row = await insertCredential(ctx.db, {
    institutionId: institution.id,
    regionId: institution.regionId,
    name: input.name,
    key,
    secretHash: hashSecret(secret),
    scopes: input.scopes,
    createdAt: ctx.now(),
  });
  return { ...credentialView(row), secret };
}

export async function listCredentials(ctx: Ctx, query: { institutionId: string; limit?: number; cursor?: string }) {
  await managedInstitution(ctx, query.institutionId);
  return listCredentialRows(ctx.db, query.institutionId, query.limit ?? 50, query.cursor);
}

export async function revokeCredential(ctx: Ctx, credentialId: string): Promise<void> {
  const row = await findCredential(ctx.db, credentialId);
  const allowed = row && ctx.can('credentials.manage', { regionId: row.regionId, institutionId: row.institutionId });
  if (!row || !allowed) throw CredentialNotFound();
  await revokeCredentialRow(ctx.db, row.id, ctx.now());
}
