import { pathToFileURL } from 'node:url';
import { createClient, type Entry, LifelongError } from '@lifelong/sdk';
import { demoNationalId } from './national-id.js';

export interface QuickstartOptions {
  baseUrl: string;
  adminKey: string;
  log?: (line: string) => void;
}

/** Registers a family, verifies a parent, opens accounts, posts transfers and pages through entries. */
export async function main({ baseUrl, adminKey, log = console.log }: QuickstartOptions) {
  const admin = createClient({ baseUrl, auth: { apiKey: adminKey }, timeoutMs: 10_000 });
  await admin.health.ready();
  log(`Platform at ${baseUrl} is ready`);

  // 1. Register two people: anyone may register an adult.
  const register = async (legalName: string, dateOfBirth: string) => {
    const password = `quickstart ${crypto.randomUUID()}`;
    const client = createClient({ baseUrl });
    const person = await client.people.register({
      body: { legalName, dateOfBirth, nationalId: { scheme: 'CN-RIC', number: demoNationalId(dateOfBirth) }, password },
    });
    await client.sessions.create({ body: { learnerNumber: person.learnerNumber, password } });
    log(`Registered ${legalName}: learner number ${person.learnerNumber} (${person.status})`);
    return { person, client };
  };
  const mother = await register('Zhang Min', '1985-03-14');
  const son = await register('Zhang Lei', '2004-09-01');

  // 2. A registrar (here: the admin key) verifies the mother.
  const verified = await admin.people.verification.decide({
    learnerNumber: mother.person.learnerNumber,
    body: { decision: 'approve', evidence: { kind: 'document-check', reference: 'quickstart' } },
  });
  log(`Verified ${verified.legalName}: ${verified.status}`);

  // 3. The mother makes a family group and invites her son, who accepts.
  const family = await mother.client.groups.create({ body: { type: 'family', name: 'The Zhangs' } });
  const invitation = await mother.client.groups.invitations.create({
    groupId: family.id,
    body: { learnerNumber: son.person.learnerNumber, role: 'child' },
  });
  await son.client.invitations.accept({ invitationId: invitation.id });
  const members: string[] = [];
  for await (const member of mother.client.groups.members.list.all({ groupId: family.id }))
    members.push(`${member.learnerNumber} (${member.role})`);
  log(`Family group "${family.name}": ${members.join(', ')}`);

  // 4. Accounts: CREDIT needs a verified person; POINT works for anyone.
  const open = (asset: string, owner: { type: 'person'; id: string } | { type: 'platform' }) =>
    admin.ledger.accounts.open({ body: { asset, owner } });
  const credits = await open('CREDIT', { type: 'person', id: mother.person.id });
  const points = await open('POINT', { type: 'person', id: son.person.id });
  const pool = await open('POINT', { type: 'platform' });
  try {
    await open('CREDIT', { type: 'person', id: son.person.id });
  } catch (error) {
    if (!(error instanceof LifelongError)) throw error;
    log(`As expected, no CREDIT account for an unverified person: ${error.code} ${error.errors[0]?.rule ?? ''}`);
  }
  log(`Opened accounts: CREDIT ${credits.id}, POINT ${points.id}`);

  // 5. Transfers: the ids you choose are the idempotency keys.
  const transfers = [5, 10, 15].map((n) => ({
    id: crypto.randomUUID(),
    debitAccountId: pool.id,
    creditAccountId: points.id,
    amount: String(n),
    code: 1,
  }));
  const { results } = await admin.ledger.transfers.create({ body: { transfers } });
  log(`Posted transfers: ${results.map((r) => r.status).join(', ')}`);
  const again = await admin.ledger.transfers.create({ body: { transfers } });
  log(`Posted them again: ${again.results.map((r) => r.status).join(', ')} (nothing moved twice)`);

  // 6. The son pages through his entries.
  const entries: Entry[] = [];
  for await (const entry of son.client.ledger.accounts.entries.list.all({ accountId: points.id })) entries.push(entry);
  const account = await son.client.ledger.accounts.get({ accountId: points.id });
  log(
    `${entries.length} entries (${entries.map((e) => `+${e.postedDelta}`).join(' ')}); POINT balance ${account.balance}`,
  );

  // 7. What the platform runs: installed plugins and the regions that enabled them.
  const plugins = (await admin.plugins.list()).items;
  const described = plugins.map((p) => {
    const regions = p.regions.filter((r) => r.enabled).map((r) => r.regionId);
    return `${p.id}@${p.version} (enabled in ${regions.join(', ') || 'no region'})`;
  });
  log(`Installed plugins: ${described.join('; ') || 'none'}`);

  return { family, accounts: { credits, points }, entries, balance: account.balance, plugins };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const adminKey = process.env.LIFELONG_ADMIN_KEY;
  if (!adminKey) {
    console.error('Set LIFELONG_ADMIN_KEY to a platform-admin API key.');
    process.exit(2);
  }
  main({ baseUrl: process.env.LIFELONG_URL ?? 'http://localhost:3000', adminKey }).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
