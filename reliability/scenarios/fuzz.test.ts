import { openDatabase } from '@lifelong/core';
import { createTestPlatform, type TestPlatform, type TestPrincipals } from '@lifelong/core/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ACCEPTING_MESSAGING, FIRST_PARTY_PLUGINS } from '../plugins.js';
import { type ScratchDatabase, scratchDatabase } from '../support/database.js';
import { type FuzzRequest, mutatedRequests, type Operation, operationsOf, validRequest } from '../support/mutations.js';
import { changedTables, type Snapshot, snapshot } from '../support/snapshot.js';

/**
 * Bad-input fuzzing, in process, with every first-party plugin: for every operation in
 * /openapi.json, a valid request and many mutated ones (wrong types, missing and extra fields,
 * huge strings and numbers, invalid UTF-8, deep nesting, wrong content types, oversize bodies,
 * bad path and query parameters), each as every kind of caller the authorization rules tell apart
 * (anonymous, learners, a guardian and a minor, a registrar, a group's manager and member,
 * accredited, pending and suspended issuers, a region's issuer key, region admins of this and
 * another region, the platform admin). No response may be a 5xx; every 4xx must be problem+json; and the database must be
 * unchanged by the mutated requests that were rejected (snapshot before and after).
 */
const BODY_LIMIT = 64 * 1024;

let db: ScratchDatabase;
let t: TestPlatform;

beforeAll(async () => {
  db = await scratchDatabase('lifelong_rel_fuzz');
  t = await createTestPlatform({
    database: await openDatabase({ url: db.url }),
    plugins: FIRST_PARTY_PLUGINS,
    messaging: ACCEPTING_MESSAGING,
    settings: { bodyLimitBytes: BODY_LIMIT },
  });
});
afterAll(async () => {
  await t?.platform.database.close();
  await t?.close();
  await db?.drop();
});

type Caller = { name: string; auth?: string };

/** Callers beyond the harness's principals: one of each kind the ledger policy tells apart. */
async function moreCallers() {
  const admin = async (path: string, json: unknown, method = 'POST', auth = 'admin') => {
    const res = await t.request(path, { method, json, auth });
    const body = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(body)}`);
    return body;
  };
  const institution = async (status: 'pending' | 'suspended') => {
    const inst = await admin('/v1/institutions', { name: `Fuzz ${status}`, kind: 'school', regionId: 'default' });
    if (status !== 'pending') await admin(`/v1/institutions/${inst.id}/accreditation`, { status }, 'PUT');
    const key = await admin('/v1/api-keys', { name: `fuzz ${status}`, role: 'issuer', institutionId: inst.id });
    return { id: inst.id as string, key: key.key as string };
  };
  const pending = await institution('pending');
  const suspended = await institution('suspended');
  const manager = await t.person({ verified: true });
  const member = await t.person({ verified: true });
  const group = await admin('/v1/groups', { type: 'collective', name: 'Fuzzers' }, 'POST', manager.token);
  const invitation = await admin(
    `/v1/groups/${group.id}/invitations`,
    { learnerNumber: member.learnerNumber, role: 'member' },
    'POST',
    manager.token,
  );
  await admin(`/v1/invitations/${invitation.id}/accept`, undefined, 'POST', member.token);
  const regionKey = await admin('/v1/api-keys', { name: 'fuzz region issuer', role: 'issuer', regionId: 'default' });
  return {
    pendingKey: pending.key,
    suspendedKey: suspended.key,
    suspendedStaff: await t.person({ roles: [{ role: 'issuer', scope: { type: 'institution', id: suspended.id } }] }),
    regionKey: regionKey.key as string,
    manager,
    member,
  };
}

const problems: string[] = [];
let sent = 0;

async function send(req: FuzzRequest, caller: Caller): Promise<number> {
  sent++;
  const headers = new Headers(req.headers);
  if (caller.auth) headers.set('authorization', `Bearer ${caller.auth}`);
  const what = `${caller.name} ${req.method} ${req.path.slice(0, 120)} [${req.label}]`;
  let res: Response;
  try {
    res = await t.platform.app.request(req.path, {
      method: req.method,
      headers,
      ...(req.body !== undefined ? { body: req.body } : {}),
    });
  } catch (error) {
    problems.push(`${what}: threw ${(error as Error).stack}`);
    return 599;
  }
  const text = await res.text();
  if (res.status >= 500) problems.push(`${what}: ${res.status} ${text.slice(0, 300)}`);
  else if (res.status >= 400) {
    const type = res.headers.get('content-type');
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text);
    } catch {
      // Reported below: a problem must be JSON.
    }
    if (type !== 'application/problem+json' || body.status !== res.status || !body.type || !body.title || !body.code) {
      problems.push(`${what}: ${res.status} is not a problem+json (${type}): ${text.slice(0, 200)}`);
    }
  }
  return res.status;
}

/** Background work (event deliveries, ledger sealing) settles before a baseline is taken. */
async function quiet(): Promise<Snapshot> {
  let before = await snapshot(db.sql);
  for (let i = 0; i < 10; i++) {
    await t.platform.events.drain();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const after = await snapshot(db.sql);
    if (changedTables(before, after).length === 0) return after;
    before = after;
  }
  throw new Error('the database never settled');
}

it('answers every valid and mutated request without a 5xx, and rejected requests change nothing', async () => {
  const principals: TestPrincipals = await t.principals();
  const openApi = await (await t.platform.app.request('/openapi.json')).json();
  const operations: Operation[] = operationsOf(openApi);
  const known: Record<string, string> = {
    learnerNumber: principals.learner.learnerNumber,
    regionId: 'default',
    institutionId: principals.institution.id,
  };
  const signIn = async (person: TestPrincipals['learner']) => {
    const res = await t.request('/v1/sessions', {
      method: 'POST',
      json: { learnerNumber: person.learnerNumber, password: person.password },
    });
    return (await res.json()).token as string;
  };
  const extra = await moreCallers();
  const callers = async (): Promise<Caller[]> => [
    { name: 'anonymous' },
    { name: 'learner', auth: await signIn(principals.learner) },
    { name: 'other-learner', auth: await signIn(principals.otherLearner) },
    { name: 'guardian', auth: await signIn(principals.guardian) },
    { name: 'minor', auth: await signIn(principals.minor) },
    { name: 'registrar', auth: await signIn(principals.registrar) },
    { name: 'group-manager', auth: await signIn(extra.manager) },
    { name: 'group-member', auth: await signIn(extra.member) },
    { name: 'accredited-issuer-key', auth: principals.institution.key },
    { name: 'pending-issuer-key', auth: extra.pendingKey },
    { name: 'suspended-issuer-key', auth: extra.suspendedKey },
    { name: 'suspended-issuer-person', auth: await signIn(extra.suspendedStaff) },
    { name: 'region-issuer-key', auth: extra.regionKey },
    { name: 'region-admin', auth: await signIn(principals.regionAdmin) },
    { name: 'other-region-admin', auth: await signIn(principals.otherRegionAdmin) },
    { name: 'platform-admin', auth: principals.platformAdminKey },
  ];

  // Phase 1: valid requests (they may change data). Sign-outs last, so they do not cut the others short.
  const ordered = [...operations].sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
  const everyCaller = await callers();
  const validCallers = everyCaller.length;
  for (const caller of everyCaller) {
    for (const op of ordered) await send(validRequest(op, known), caller);
  }
  const validSent = sent;

  // Phase 2: mutated requests, with a database snapshot around each operation's rejections.
  // Fresh sessions first (phase 1 may have signed out), before the baseline: signing in writes.
  // Mutated requests mostly probe validation, which runs after authentication: a few kinds of
  // caller that get past different access checks cover it; valid requests go out as every kind.
  const MUTATING = ['anonymous', 'learner', 'guardian', 'accredited-issuer-key', 'region-admin', 'platform-admin'];
  const mutatingCallers = (await callers()).filter((c) => MUTATING.includes(c.name));
  let baseline = await quiet();
  let accepted = 0;
  let compared = 0;
  const acceptedKinds = new Map<string, string>();
  for (const caller of mutatingCallers) {
    for (const op of ordered) {
      let acceptedHere = 0;
      for (const req of mutatedRequests(op, known, BODY_LIMIT)) {
        const status = await send(req, caller);
        if (status < 400) {
          acceptedHere++;
          acceptedKinds.set(`${op.method} ${op.template} [${req.label}]`, caller.name);
        }
      }
      const after = await snapshot(db.sql);
      if (acceptedHere === 0) {
        compared++;
        const changed = changedTables(baseline, after);
        if (changed.length > 0) {
          problems.push(`${caller.name} ${op.method} ${op.template}: rejected requests changed ${changed.join(', ')}`);
        }
      }
      accepted += acceptedHere;
      baseline = after;
    }
  }

  console.log(
    `fuzz: ${operations.length} operations; valid requests as ${validCallers} principals, mutated as ` +
      `${mutatingCallers.length}; ${sent} requests sent ` +
      `(${validSent} valid, ${sent - validSent} mutated, ${accepted} mutated ones accepted); ` +
      `${compared} snapshot comparisons; ${problems.length} problems`,
  );
  console.log(
    `fuzz: accepted mutations (contract looser than the mutation assumed):\n  ${[...acceptedKinds.keys()].join('\n  ')}`,
  );
  expect(problems).toEqual([]);
}, 1_500_000);
