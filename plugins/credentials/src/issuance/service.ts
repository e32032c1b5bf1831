import { randomBytes } from 'node:crypto';
import { NotFound, type PersonSummary, type PluginRequestContext, uuidv7 } from '@lifelong/core';
import { creditBankService, type LearningRecord } from '@lifelong/plugin-credit-bank';
import type { CredentialsConfig } from '../config.js';
import { NoActiveRecords, RecordWithdrawnError } from '../errors.js';
import { clrCredential, type Envelope, openBadgeCredential } from '../shared/build.js';
import { findIssued, type IssuedRow, insertIssued, liveCredentials } from '../shared/issued.js';
import { activeSigningKey } from '../shared/issuers.js';
import { signBoth } from '../shared/sign.js';
import { allocateIndex, statusListUrl } from '../shared/status.js';
import type { CredentialFormat, IssuedCredential } from './schemas.js';

type Ctx = PluginRequestContext<typeof CredentialsConfig>;
const DAY = 86_400_000;

const gone = (what: string) => NotFound({ detail: `No ${what} you may see has this id.` });

/** The person themselves, their guardian while a minor, or an issuer of their region. */
async function mayActFor(ctx: Ctx, person: PersonSummary): Promise<boolean> {
  if (ctx.principal.kind === 'person') {
    if (ctx.principal.id === person.id) return true;
    if (person.isMinor && (await ctx.identity.isGuardianOf(ctx.principal.id, person.id))) return true;
  }
  return ctx.can('issue', { regionId: person.regionId });
}

export const view = (row: IssuedRow, format: CredentialFormat, origin: string): IssuedCredential => ({
  id: row.id,
  format,
  credential: format === 'jwt_vc' ? row.jwt : row.ldp,
  verificationUrl: `${origin}/v1/credentials/credentials/${row.id}/verification`,
});

async function envelope(ctx: Ctx, person: PersonSummary, regionId: string) {
  const config = await ctx.configFor(regionId);
  const key = await activeSigningKey(ctx, regionId);
  const now = ctx.now();
  const e: Envelope = {
    id: uuidv7(),
    issuer: { did: key.did, name: config.issuerName, regionId, publicOrigin: config.publicOrigin },
    subject: { personId: person.id, learnerNumber: person.learnerNumber },
    salt: randomBytes(16).toString('hex'),
    status: { index: await allocateIndex(ctx.db, regionId), listUrl: statusListUrl(config.publicOrigin, regionId) },
    validFrom: now,
    validUntil:
      config.credentialValidityDays > 0 ? new Date(now.getTime() + config.credentialValidityDays * DAY) : null,
  };
  return { e, key, now, config };
}

async function recordCredential(ctx: Ctx, record: LearningRecord, person: PersonSummary): Promise<IssuedRow> {
  const [live] = (await liveCredentials(ctx.db, person.id, record.id)).filter((row) => row.kind === 'record');
  if (live) return live;
  const { e, key, now } = await envelope(ctx, person, record.regionId);
  const { ldp, jwt } = await signBoth(openBadgeCredential(record, e), key, now);
  return insertIssued(ctx.db, {
    personId: person.id,
    id: e.id,
    regionId: record.regionId,
    kind: 'record',
    recordId: record.id,
    recordIds: [record.id],
    statusIndex: e.status.index,
    ldp,
    jwt,
    createdAt: now,
  });
}

export async function issueForRecord(ctx: Ctx, recordId: string, format: CredentialFormat) {
  const record = await ctx.service(creditBankService).record(recordId);
  const person = record && (await ctx.identity.personById(record.personId));
  if (!record || !person) throw gone('record');
  const institution =
    ctx.principal.kind === 'apiKey' &&
    record.providerInstitutionId !== null &&
    ctx.principal.institutionId === record.providerInstitutionId;
  if (!institution && !(await mayActFor(ctx, person))) throw gone('record');
  if (record.status !== 'active') throw RecordWithdrawnError({ detail: `Record ${record.id} was withdrawn.` });
  const row = await recordCredential(ctx, record, person);
  return view(row, format, (await ctx.configFor(row.regionId)).publicOrigin);
}

async function activeRecords(ctx: Ctx, personId: string): Promise<LearningRecord[]> {
  const bank = ctx.service(creditBankService);
  const all: LearningRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await bank.records(personId, { limit: 500, ...(cursor ? { cursor } : {}) });
    all.push(...page.items.filter((r) => r.status === 'active'));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

export async function clrFor(ctx: Ctx, learnerNumber: string, format: CredentialFormat) {
  const person = await ctx.identity.person(learnerNumber);
  if (!person || !(await mayActFor(ctx, person))) throw gone('person');
  const records = await activeRecords(ctx, person.id);
  if (records.length === 0) throw NoActiveRecords({ detail: `Learner ${learnerNumber} has no active records.` });
  const ids = records.map((r) => r.id).sort();
  const live = (await liveCredentials(ctx.db, person.id)).find(
    (row) => row.kind === 'clr' && JSON.stringify([...row.recordIds].sort()) === JSON.stringify(ids),
  );
  if (live) return view(live, format, (await ctx.configFor(live.regionId)).publicOrigin);
  const badges = [];
  for (const record of records) badges.push((await recordCredential(ctx, record, person)).ldp);
  const { e, key, now, config } = await envelope(ctx, person, person.regionId);
  const { ldp, jwt } = await signBoth(clrCredential(badges, records, e), key, now);
  const row = await insertIssued(ctx.db, {
    personId: person.id,
    id: e.id,
    regionId: person.regionId,
    kind: 'clr',
    recordId: null,
    recordIds: ids,
    statusIndex: e.status.index,
    ldp,
    jwt,
    createdAt: now,
  });
  return view(row, format, config.publicOrigin);
}

/** An issued credential for its holder (or guardian) or an issuer of its region; else 404. */
export async function readableIssued(ctx: Ctx, credentialId: string): Promise<IssuedRow> {
  const row = await findIssued(ctx.db, credentialId);
  const person = row && (await ctx.identity.personById(row.personId));
  if (!row || !person || !(await mayActFor(ctx, person))) throw gone('credential');
  return row;
}
