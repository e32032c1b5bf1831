import { NotFound, type PluginContext } from '@lifelong/core';
import type { CredentialsConfig } from '../config.js';
import { VC_V2 } from '../shared/contexts.js';
import { liveCredentials, markRevoked } from '../shared/issued.js';
import { activeSigningKey } from '../shared/issuers.js';
import { addProof } from '../shared/proof.js';
import { encodeList, listBits, setRevoked, statusListUrl } from '../shared/status.js';

type Ctx = PluginContext<typeof CredentialsConfig>;

export async function statusListCredential(ctx: Ctx, regionId: string) {
  const bits = await listBits(ctx.db, regionId);
  if (!bits) throw NotFound({ detail: `The issuer of ${regionId} has issued nothing.` });
  const config = await ctx.configFor(regionId);
  const key = await activeSigningKey(ctx, regionId);
  const url = statusListUrl(config.publicOrigin, regionId);
  const now = ctx.now();
  return addProof(
    {
      '@context': [VC_V2],
      id: url,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: key.did,
      validFrom: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      credentialSubject: {
        id: `${url}#list`,
        type: 'BitstringStatusList' as const,
        statusPurpose: 'revocation' as const,
        encodedList: encodeList(bits),
      },
    },
    key.keys,
    key.verificationMethod,
    now,
  );
}

/** A withdrawn record: its credential and every transcript carrying it are revoked (idempotent). */
export async function revokeForRecord(ctx: Ctx, personId: string, recordId: string): Promise<number> {
  const rows = await liveCredentials(ctx.db, personId, recordId);
  for (const row of rows) {
    await setRevoked(ctx.db, row.regionId, row.statusIndex);
    await markRevoked(ctx.db, row, ctx.now());
  }
  if (rows.length > 0)
    ctx.logger.info({ recordId, revoked: rows.length }, 'credentials revoked for a withdrawn record');
  return rows.length;
}
