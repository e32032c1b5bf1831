import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineError } from '../errors/lifelong-error.js';
import { uuidv7 } from '../ids/uuidv7.js';
import { createTestPlatform, type TestPlatform, type TestPrincipals } from '../testing/index.js';
import { definePlugin } from './define-plugin.js';
import { ConflictOfInterestError, LedgerInsufficientFunds, PersonRequired } from './errors.js';

// The helpers every center shares (docs/plugins.md): who is acting, ledger outcomes, conflicts
// of interest. Exercised through a plugin's routes, as a center uses them.

const OwnNotEnough = defineError('HELPERS_NOT_ENOUGH', 409, 'Not enough points');
const Owners = Type.Object(
  {
    personIds: Type.Optional(Type.Array(Type.String())),
    institutionIds: Type.Optional(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);

const helpersPlugin = definePlugin({
  id: 'helpers',
  version: '1.0.0',
  description: 'Uses the shared plugin-API helpers',
  requires: { core: '>=0.1.0' },
  assets: [{ code: 'TOKEN', scale: 0 }],
  register(p) {
    p.route({
      method: 'get',
      path: '/me',
      summary: 'The acting person',
      access: { authenticated: 'people and API keys; only people get an answer' },
      errors: [PersonRequired],
      responses: { 200: { description: 'Who', schema: Type.Object({ personId: Type.String() }) } },
      handler: async (_input, ctx) => ({ status: 200, body: { personId: ctx.requirePerson() } }),
    });
    p.route({
      method: 'post',
      path: '/judgements',
      summary: 'Judges something the body says who owns',
      access: { authenticated: 'anyone signed in' },
      request: { body: Owners },
      errors: [ConflictOfInterestError],
      responses: { 201: { description: 'Judged', schema: Type.Object({ ok: Type.Boolean() }) } },
      handler: async ({ body }, ctx) => {
        await ctx.refuseConflictOfInterest({ action: 'judge this', ...body });
        return { status: 201, body: { ok: true } };
      },
    });
    p.route({
      method: 'post',
      path: '/spends',
      summary: "Moves tokens out of the caller's (new, empty) account",
      access: { authenticated: 'people' },
      request: { body: Type.Object({ own: Type.Boolean() }, { additionalProperties: false }) },
      errors: [LedgerInsufficientFunds, OwnNotEnough],
      responses: { 201: { description: 'Spent', schema: Type.Object({ ok: Type.Boolean() }) } },
      handler: async ({ body }, ctx) => {
        const personId = ctx.requirePerson();
        const token = (await ctx.ledger.assets()).find((a) => a.code === 'TOKEN');
        const wallet = await ctx.ledger.createAccount({
          asset: 'TOKEN',
          owner: { type: 'person', id: personId },
          flags: { debitsMustNotExceedCredits: true },
        });
        await ctx.ledger.transferOrThrow(
          [
            {
              id: uuidv7(),
              debitAccountId: wallet.id,
              creditAccountId: token?.issuanceAccountId as string,
              amount: 5n,
              code: 1,
            },
          ],
          { what: 'The spend', ...(body.own ? { insufficientFunds: () => OwnNotEnough() } : {}) },
        );
        return { status: 201, body: { ok: true } };
      },
    });
  },
});

let t: TestPlatform;
let p: TestPrincipals;
beforeAll(async () => {
  t = await createTestPlatform({ plugins: [helpersPlugin] });
  p = await t.principals();
});
afterAll(() => t.close());

const judge = (auth: string, owners: { personIds?: string[]; institutionIds?: string[] }) =>
  t.request('/v1/helpers/judgements', { method: 'POST', auth, json: owners });

describe('ctx.requirePerson', () => {
  it("answers the signed-in person's id", async () => {
    const res = await t.request('/v1/helpers/me', { auth: p.learner.token });
    expect(await res.json()).toEqual({ personId: p.learner.id });
  });

  it('refuses an API key with 403 PERSON_REQUIRED', async () => {
    const res = await t.request('/v1/helpers/me', { auth: p.institution.key });
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('PERSON_REQUIRED');
  });
});

describe('ctx.refuseConflictOfInterest', () => {
  it('refuses the owner, naming the rule', async () => {
    const res = await judge(p.learner.token, { personIds: [p.learner.id] });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'CONFLICT_OF_INTEREST', rule: 'self', action: 'judge this' });
  });

  it("refuses the owner's guardian and the owner's ward", async () => {
    const guardian = await judge(p.guardian.token, { personIds: [p.minor.id] });
    expect((await guardian.json()).rule).toBe('guardian');
    const ward = await judge(p.minor.token, { personIds: [p.guardian.id] });
    expect((await ward.json()).rule).toBe('ward');
  });

  it("refuses a person holding a role in the owning institution, and the institution's API key", async () => {
    const staff = await t.person({ roles: [{ role: 'issuer', scope: { type: 'institution', id: p.institution.id } }] });
    const asStaff = await judge(staff.token, { institutionIds: [p.institution.id] });
    expect(asStaff.status).toBe(403);
    expect((await asStaff.json()).rule).toBe('institution');
    const asKey = await judge(p.institution.key, { institutionIds: [p.institution.id] });
    expect((await asKey.json()).rule).toBe('institution');
  });

  it("lets the institution's own learners through: members, not staff", async () => {
    const student = await t.person({
      roles: [{ role: 'learner', scope: { type: 'institution', id: p.institution.id } }],
    });
    expect((await judge(student.token, { institutionIds: [p.institution.id] })).status).toBe(201);
  });

  it('lets everyone else through, including for malformed ids', async () => {
    expect(
      (await judge(p.otherLearner.token, { personIds: [p.learner.id], institutionIds: [p.institution.id] })).status,
    ).toBe(201);
    expect((await judge(p.learner.token, { personIds: ['not-a-uuid'], institutionIds: ['x'] })).status).toBe(201);
    expect((await judge(p.institution.key, { institutionIds: [uuidv7()] })).status).toBe(201);
  });
});

describe('ctx.ledger.transferOrThrow', () => {
  it('turns a refused batch into 409 LEDGER_INSUFFICIENT_FUNDS naming the transfer', async () => {
    const res = await t.request('/v1/helpers/spends', { method: 'POST', auth: p.learner.token, json: { own: false } });
    expect(res.status).toBe(409);
    const problem = await res.json();
    expect(problem).toMatchObject({ code: 'LEDGER_INSUFFICIENT_FUNDS', reason: 'exceedsCredits' });
    expect(problem.detail).toMatch(/^The spend:/);
    expect(problem.transferId).toEqual(expect.any(String));
  });

  it("uses the plugin's own error when given", async () => {
    const res = await t.request('/v1/helpers/spends', { method: 'POST', auth: p.learner.token, json: { own: true } });
    expect(res.status).toBe(409);
    expect((await res.json()).code).toBe('HELPERS_NOT_ENOUGH');
  });
});
