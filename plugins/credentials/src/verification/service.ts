import { NotFound, type PluginRequestContext } from '@lifelong/core';
import type { CredentialsConfig } from '../config.js';
import { VC_V2 } from '../shared/contexts.js';
import { findIssued } from '../shared/issued.js';
import { resolveKey } from '../shared/issuers.js';
import { decodeJwt, isObject, verifyJwtSignature } from '../shared/jwt.js';
import { checkProof } from '../shared/proof.js';
import { isSet, listBits } from '../shared/status.js';
import type { FailureReason, Verification } from './schemas.js';

type Ctx = PluginRequestContext<typeof CredentialsConfig>;
type Check = Verification['checks'][number]['check'];

const CREDENTIAL_TYPES = ['OpenBadgeCredential', 'AchievementCredential', 'ClrCredential'];

class Report {
  readonly checks: Verification['checks'] = [];
  readonly errors: Verification['errors'] = [];
  pass(check: Check, detail: string) {
    this.checks.push({ check, passed: true, detail });
  }
  fail(check: Check, reason: FailureReason, message: string) {
    this.checks.push({ check, passed: false, detail: message });
    this.errors.push({ check, reason, message });
  }
  result(format: Verification['format']): Verification {
    return { verified: this.errors.length === 0, format, checks: this.checks, errors: this.errors };
  }
}

const idOf = (value: unknown): string | null =>
  typeof value === 'string' ? value : isObject(value) && typeof value.id === 'string' ? value.id : null;

/** What a VC 2.0 credential of Open Badges or CLR must hold before anything else is checked. */
function schemaProblems(vc: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const context = vc['@context'];
  if (!Array.isArray(context) || context[0] !== VC_V2) problems.push(`@context must start with ${VC_V2}`);
  const types = Array.isArray(vc.type) ? vc.type : [vc.type];
  if (!types.includes('VerifiableCredential')) problems.push('type must include VerifiableCredential');
  if (!types.some((t) => CREDENTIAL_TYPES.includes(t as string)))
    problems.push(`type must include one of ${CREDENTIAL_TYPES.join(', ')}`);
  if (typeof vc.id !== 'string') problems.push('id is required');
  if (!idOf(vc.issuer)) problems.push('issuer (with an id) is required');
  if (typeof vc.validFrom !== 'string' || Number.isNaN(Date.parse(vc.validFrom)))
    problems.push('validFrom must be a date-time');
  if (vc.validUntil !== undefined && (typeof vc.validUntil !== 'string' || Number.isNaN(Date.parse(vc.validUntil))))
    problems.push('validUntil must be a date-time');
  if (!isObject(vc.credentialSubject)) problems.push('credentialSubject is required');
  return problems;
}

/** Verifies a credential, JSON-LD or JWT; never throws for a bad credential (it reports why). */
export async function verify(ctx: Ctx, input: unknown): Promise<Verification> {
  const report = new Report();
  let vc: Record<string, unknown>;
  let format: 'ldp_vc' | 'jwt_vc';
  let jwt: ReturnType<typeof decodeJwt> = null;
  if (typeof input === 'string') {
    jwt = decodeJwt(input);
    if (!jwt || !isObject(jwt.payload.vc)) {
      report.fail('format', 'MALFORMED', 'Not a compact JWS carrying a `vc` claim');
      return report.result(null);
    }
    vc = jwt.payload.vc;
    format = 'jwt_vc';
    report.pass('format', 'VC-JWT (JWS compact serialisation)');
  } else if (isObject(input) && isObject(input.proof)) {
    vc = input;
    format = 'ldp_vc';
    report.pass('format', 'JSON-LD with a Data Integrity proof');
  } else {
    report.fail('format', 'MALFORMED', 'Neither a JWT nor a JSON-LD credential with a proof');
    return report.result(null);
  }

  const problems = schemaProblems(vc);
  if (problems.length > 0) {
    report.fail('schema', 'SCHEMA_INVALID', problems.join('; '));
    return report.result(format);
  }
  report.pass('schema', 'A VC 2.0 Open Badges / CLR credential');

  const issuer = idOf(vc.issuer) as string;
  const proof = format === 'ldp_vc' ? (vc.proof as Record<string, unknown>) : null;
  const method = format === 'jwt_vc' ? jwt?.header.kid : proof?.verificationMethod;
  if (typeof method !== 'string' || method.split('#')[0] !== issuer) {
    report.fail('issuer', 'KEY_UNKNOWN', `The signing key must be a verification method of the issuer ${issuer}`);
    return report.result(format);
  }
  const key = await resolveKey(ctx, method, ctx.regionId);
  if (!key.ok) {
    report.fail('issuer', key.reason, key.message);
    return report.result(format);
  }
  report.pass('issuer', `${issuer} resolved; key ${method}`);

  if (!(await signatureHolds(vc, format, jwt, proof, key.publicKey))) {
    report.fail(
      'signature',
      'SIGNATURE_INVALID',
      'The signature does not match the credential (it was altered, or signed by another key)',
    );
    return report.result(format);
  }
  report.pass('signature', format === 'jwt_vc' ? 'EdDSA JWS' : 'DataIntegrityProof eddsa-rdfc-2022');

  await checkStatus(ctx, vc, report);
  checkExpiry(ctx, vc, report);
  return report.result(format);
}

async function signatureHolds(
  vc: Record<string, unknown>,
  format: 'ldp_vc' | 'jwt_vc',
  jwt: ReturnType<typeof decodeJwt>,
  proof: Record<string, unknown> | null,
  publicKey: string,
): Promise<boolean> {
  if (format === 'jwt_vc' && jwt) {
    return verifyJwtSignature(jwt, publicKey) && jwt.payload.iss === idOf(vc.issuer) && jwt.payload.jti === vc.id;
  }
  if (proof?.type !== 'DataIntegrityProof' || proof.cryptosuite !== 'eddsa-rdfc-2022') return false;
  if (proof.proofPurpose !== 'assertionMethod') return false;
  try {
    return await checkProof(vc, proof, publicKey);
  } catch {
    // An unknown context, or a term the contexts do not define: it cannot be canonicalised here.
    return false;
  }
}

async function checkStatus(ctx: Ctx, vc: Record<string, unknown>, report: Report) {
  const entry = vc.credentialStatus;
  if (entry === undefined) {
    report.pass('status', 'The credential has no status entry');
    return;
  }
  const config = await ctx.configFor(ctx.regionId);
  const listUrl = isObject(entry) ? entry.statusListCredential : undefined;
  const match =
    typeof listUrl === 'string'
      ? new RegExp(`^${escapeRegExp(config.publicOrigin)}/v1/credentials/issuers/([a-z0-9-]+)/status/revocation$`).exec(
          listUrl,
        )
      : null;
  const index = isObject(entry) ? Number(entry.statusListIndex) : Number.NaN;
  if (
    !isObject(entry) ||
    entry.type !== 'BitstringStatusListEntry' ||
    !match ||
    !Number.isInteger(index) ||
    index < 0
  ) {
    report.fail('status', 'STATUS_UNAVAILABLE', 'The status list is not one of this platform’s');
    return;
  }
  const bits = await listBits(ctx.db, match[1] as string);
  if (!bits || index >= bits.length * 8) {
    report.fail('status', 'STATUS_UNAVAILABLE', 'No such status list entry');
    return;
  }
  if (isSet(bits, index)) report.fail('status', 'REVOKED', 'The issuer revoked this credential');
  else report.pass('status', `Not revoked (${listUrl}#${index})`);
}

function checkExpiry(ctx: Ctx, vc: Record<string, unknown>, report: Report) {
  const now = ctx.now().getTime();
  if (Date.parse(vc.validFrom as string) > now) {
    report.fail('expiry', 'NOT_YET_VALID', `Valid from ${vc.validFrom}`);
  } else if (typeof vc.validUntil === 'string' && Date.parse(vc.validUntil) <= now) {
    report.fail('expiry', 'EXPIRED', `Expired on ${vc.validUntil}`);
  } else {
    report.pass('expiry', typeof vc.validUntil === 'string' ? `Valid until ${vc.validUntil}` : 'Does not expire');
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The verified facts of an issued credential, for its public page. */
export async function verifyIssued(ctx: Ctx, credentialId: string) {
  const row = await findIssued(ctx.db, credentialId);
  if (!row) throw NotFound({ detail: 'No credential has this id.' });
  return { row, verification: await verify(ctx, row.ldp) };
}
