// The statement resource, test by test after the requirements of the xAPI LRS conformance
// requirements (adlnet/xapi-lrs-conformance-requirements, ids XAPI-nnnnn) and the
// specifications' MUSTs (1.0.3 "xAPI-Communication" 2.1, 9274.1.1 4.1.6), for both versions.
import { randomUUID } from 'node:crypto';
import { resultRows } from '@lifelong/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic, type Harness, HOME_PAGE, harness, type Lrs, statement } from '../test-support.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
}, 300_000); // a fresh platform and its principals: minutes on a busy 2-core machine
afterAll(() => h?.t.close());

const VERSIONS = [
  ['1.0.3', '1.0.3'],
  ['2.0.0', '2.0.0'],
] as const;

async function post(json: unknown, version = '1.0.3', lrs?: Lrs) {
  return h.xapi('/statements', { method: 'POST', json, version, ...(lrs ? { lrs } : {}) });
}

async function stored(id: string, version = '1.0.3', extra = '') {
  return h.xapi(`/statements?statementId=${id}${extra}`, { version });
}

describe.each(VERSIONS)('xAPI %s', (version, answered) => {
  const send = (json: unknown) => post(json, version);

  describe('version header', () => {
    it('answers every response with X-Experience-API-Version (XAPI-00333)', async () => {
      const ok = await send(statement());
      expect(ok.headers.get('X-Experience-API-Version')).toBe(answered);
      const refused = await send({ verb: 'nope' });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('X-Experience-API-Version')).toBe(answered);
    });
  });

  describe('PUT statements (2.1.1)', () => {
    it('stores a statement under statementId and answers 204 (XAPI-00143, XAPI-00144)', async () => {
      const id = randomUUID();
      const res = await h.xapi(`/statements?statementId=${id}`, { method: 'PUT', json: statement(), version });
      expect(res.status).toBe(204);
      const got = await stored(id, version);
      expect(got.status).toBe(200);
      expect((await got.json()).id).toBe(id);
    });

    it('refuses a PUT without statementId with 400 (XAPI-00145)', async () => {
      const res = await h.xapi('/statements', { method: 'PUT', json: statement(), version });
      expect(res.status).toBe(400);
    });

    it('refuses a PUT whose statement id differs from statementId with 400', async () => {
      const res = await h.xapi(`/statements?statementId=${randomUUID()}`, {
        method: 'PUT',
        json: { ...statement(), id: randomUUID() },
        version,
      });
      expect(res.status).toBe(400);
    });

    it('never modifies a stored statement: a different one under its id is a 409, and it stays as it was (XAPI-00142)', async () => {
      const id = randomUUID();
      const first = statement();
      expect((await h.xapi(`/statements?statementId=${id}`, { method: 'PUT', json: first, version })).status).toBe(204);
      const before = await (await stored(id, version)).json();
      const other = await h.xapi(`/statements?statementId=${id}`, { method: 'PUT', json: statement(), version });
      expect(other.status).toBe(409);
      expect(await (await stored(id, version)).json()).toEqual(before);
    });

    it('answers 204 to a replay of the same statement (and stores it once)', async () => {
      const id = randomUUID();
      const s = statement();
      for (let i = 0; i < 3; i++) {
        expect((await h.xapi(`/statements?statementId=${id}`, { method: 'PUT', json: s, version })).status).toBe(204);
      }
      const all = await (await h.xapi(`/statements?activity=${encodeURIComponent(s.object.id)}`, { version })).json();
      expect(all.statements).toHaveLength(1);
    });
  });

  describe('POST statements (2.1.2)', () => {
    it('answers 200 with every statement id of the batch, in order, assigning missing ids (XAPI-00146)', async () => {
      const given = randomUUID();
      const res = await send([{ ...statement(), id: given }, statement()]);
      expect(res.status).toBe(200);
      const ids = await res.json();
      expect(ids).toHaveLength(2);
      expect(ids[0]).toBe(given);
      expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('stores nothing of a batch in which one statement is refused (XAPI-00326)', async () => {
      const good = { ...statement(), id: randomUUID() };
      const res = await send([good, { ...statement(), verb: { id: 'not an iri' } }]);
      expect(res.status).toBe(400);
      const problem = await res.json();
      expect(problem.errors[0].path).toBe('/body/1/verb/id');
      expect((await stored(good.id, version)).status).toBe(404);
    });

    it('refuses a batch in which two statements share an id with 400', async () => {
      const id = randomUUID();
      expect(
        (
          await send([
            { ...statement(), id },
            { ...statement(), id },
          ])
        ).status,
      ).toBe(400);
      expect((await stored(id, version)).status).toBe(404);
    });

    it('answers a replayed batch with the same ids, storing each statement once', async () => {
      const batch = [
        { ...statement(), id: randomUUID() },
        { ...statement(), id: randomUUID() },
      ];
      const first = await (await send(batch)).json();
      const again = await send(batch);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual(first);
    });

    it('sets stored, authority (the credential) and version, and timestamp when absent', async () => {
      const [id] = await (await send(statement())).json();
      const s = await (await stored(id, version)).json();
      expect(Date.parse(s.stored)).toBeGreaterThan(Date.now() - 60_000);
      expect(s.timestamp).toBe(s.stored);
      expect(s.authority).toMatchObject({ objectType: 'Agent', account: { homePage: HOME_PAGE } });
      expect(s.version).toBe(version === '2.0.0' ? '2.0.0' : '1.0.0');
    });

    it('overwrites an authority the client claims with its credential', async () => {
      const claimed = { objectType: 'Agent', mbox: 'mailto:boss@example.org' };
      const [id] = await (await send({ ...statement(), authority: claimed })).json();
      const s = await (await stored(id, version)).json();
      expect(s.authority.mbox).toBeUndefined();
      expect(s.authority.account.homePage).toBe(HOME_PAGE);
    });

    it('keeps the version a statement was accepted with (XAPI-00332)', async () => {
      const [id] = await (await send({ ...statement(), version: '1.0.1' })).json();
      expect((await (await stored(id, version)).json()).version).toBe('1.0.1');
    });

    it('answers 415 to a body that is not application/json', async () => {
      const res = await h.xapi('/statements', {
        method: 'POST',
        body: JSON.stringify(statement()),
        headers: { 'Content-Type': 'text/plain' },
        version,
      });
      expect(res.status).toBe(415);
      expect(res.headers.get('X-Experience-API-Version')).toBe(answered);
    });

    it('answers 400 to malformed JSON and to unknown parameters (XAPI-00324)', async () => {
      const bad = await h.xapi('/statements', {
        method: 'POST',
        body: '{"actor":',
        headers: { 'Content-Type': 'application/json' },
        version,
      });
      expect(bad.status).toBe(400);
      expect((await h.xapi('/statements?foo=1', { method: 'POST', json: statement(), version })).status).toBe(400);
    });
  });

  describe('statement grammar (1.0.3 part two 2.4; 9274.1.1 4.2)', () => {
    const refusedAt = async (s: unknown, path: string) => {
      const res = await send(s);
      expect(res.status).toBe(400);
      const problem = await res.json();
      expect(problem.errors.map((e: { path: string }) => e.path)).toContain(path);
    };

    it('requires actor, verb and object', async () => {
      const { actor: _a, ...noActor } = statement();
      await refusedAt([noActor], '/body/0/actor');
    });

    it('refuses an agent with two identifiers, or none', async () => {
      await refusedAt(
        [{ ...statement(), actor: { mbox: 'mailto:a@example.org', openid: 'https://id.example.org/a' } }],
        '/body/0/actor',
      );
      await refusedAt([{ ...statement(), actor: { name: 'nobody' } }], '/body/0/actor');
    });

    it('refuses an mbox that is not a mailto: IRI', async () => {
      await refusedAt([{ ...statement(), actor: { mbox: 'a@example.org' } }], '/body/0/actor/mbox');
    });

    it('refuses an anonymous group without members and groups as members', async () => {
      await refusedAt([{ ...statement(), actor: { objectType: 'Group' } }], '/body/0/actor/member');
      const nested = { objectType: 'Group', member: [{ objectType: 'Group', mbox: 'mailto:g@example.org' }] };
      await refusedAt([{ ...statement(), actor: nested }], '/body/0/actor/member/0');
    });

    it('refuses unknown properties', async () => {
      await refusedAt([{ ...statement(), mood: 'happy' }], '/body/0/mood');
    });

    it('refuses a verb id that is not an IRI and a language map with a bad tag', async () => {
      await refusedAt([{ ...statement(), verb: { id: 'completed' } }], '/body/0/verb/id');
      await refusedAt(
        [{ ...statement(), verb: { id: 'http://example.org/v', display: { 'not a tag': 'x' } } }],
        '/body/0/verb/display/not a tag',
      );
    });

    it('refuses a statement id that is not a UUID', async () => {
      await refusedAt([{ ...statement(), id: 'abc' }], '/body/0/id');
    });

    it('refuses a scaled score outside -1..1, raw outside min..max, and a bad duration', async () => {
      await refusedAt([{ ...statement(), result: { score: { scaled: 1.5 } } }], '/body/0/result/score/scaled');
      await refusedAt(
        [{ ...statement(), result: { score: { raw: 11, min: 0, max: 10 } } }],
        '/body/0/result/score/raw',
      );
      await refusedAt([{ ...statement(), result: { duration: '3 hours' } }], '/body/0/result/duration');
    });

    it('refuses revision and platform when the object is not an activity', async () => {
      const s = {
        ...statement(),
        object: { objectType: 'Agent', mbox: 'mailto:b@example.org' },
        context: { platform: 'x' },
      };
      await refusedAt([s], '/body/0/context/platform');
    });

    it('refuses a sub-statement inside a sub-statement, and id/stored/version/authority in one', async () => {
      const inner = { objectType: 'SubStatement', ...statement() };
      await refusedAt(
        [{ ...statement(), object: { objectType: 'SubStatement', ...statement(), object: inner } }],
        '/body/0/object/object/objectType',
      );
      await refusedAt(
        [{ ...statement(), object: { objectType: 'SubStatement', ...statement(), id: randomUUID() } }],
        '/body/0/object/id',
      );
    });

    it('refuses a timestamp that is not ISO 8601, and the -00:00 offset', async () => {
      await refusedAt([{ ...statement(), timestamp: 'yesterday' }], '/body/0/timestamp');
      await refusedAt([{ ...statement(), timestamp: '2026-01-01T10:00:00-00:00' }], '/body/0/timestamp');
    });

    it('refuses an extension key that is not an IRI', async () => {
      await refusedAt([{ ...statement(), result: { extensions: { score: 1 } } }], '/body/0/result/extensions/score');
    });

    it('refuses a voiding statement whose object is not a StatementRef (XAPI-00017)', async () => {
      const s = { ...statement(), verb: { id: 'http://adlnet.gov/expapi/verbs/voided' } };
      await refusedAt([s], '/body/0/object/objectType');
    });

    it('refuses attachments without a fileUrl (multipart parts are not accepted yet)', async () => {
      const attachment = {
        usageType: 'http://example.org/u',
        display: { en: 'x' },
        contentType: 'text/plain',
        length: 1,
        sha2: 'a'.repeat(64),
      };
      await refusedAt([{ ...statement(), attachments: [attachment] }], '/body/0/attachments/0/fileUrl');
    });

    it('accepts a full statement: group actor, sub-statement, context activities, result, fileUrl attachment', async () => {
      const full = {
        ...statement(),
        actor: {
          objectType: 'Group',
          name: 'Team',
          member: [{ mbox: 'mailto:m1@example.org' }, { account: { homePage: 'https://lms.example.org', name: 'm2' } }],
        },
        object: { objectType: 'SubStatement', ...statement(), timestamp: '2026-03-01T10:00:00.123+08:00' },
        result: {
          score: { scaled: 0.9, raw: 9, min: 0, max: 10 },
          success: true,
          completion: true,
          duration: 'PT1H30M',
          response: 'a',
        },
        context: {
          registration: randomUUID(),
          instructor: { mbox: 'mailto:teacher@example.org' },
          contextActivities: {
            parent: { id: 'https://lms.example.org/courses' },
            grouping: [{ id: 'https://lms.example.org/g' }],
          },
          language: 'zh-CN',
          extensions: { 'https://example.org/ext': { any: ['thing'] } },
        },
        attachments: [
          {
            usageType: 'http://example.org/u',
            display: { en: 'x' },
            contentType: 'text/plain',
            length: 1,
            sha2: 'a'.repeat(64),
            fileUrl: 'https://files.example.org/x',
          },
        ],
      };
      const res = await send(full);
      expect(res.status).toBe(200);
    });
  });

  describe('GET statements (2.1.3)', () => {
    it('answers 200 with an empty StatementResult when nothing matches (XAPI-00149)', async () => {
      const res = await h.xapi(`/statements?verb=${encodeURIComponent('https://nothing.example.org/v')}`, { version });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ statements: [], more: '' });
      expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    });

    it('refuses statementId or voidedStatementId with other parameters than attachments and format (XAPI-00150, XAPI-00151)', async () => {
      const id = randomUUID();
      expect((await h.xapi(`/statements?statementId=${id}&verb=http://x.org/v`, { version })).status).toBe(400);
      expect((await h.xapi(`/statements?voidedStatementId=${id}&limit=1`, { version })).status).toBe(400);
      expect((await h.xapi(`/statements?statementId=${id}&format=ids&attachments=false`, { version })).status).toBe(
        404,
      );
    });

    it('sends X-Experience-API-Consistent-Through, an ISO 8601 time not before any returned stored, on every answer (XAPI-00152, XAPI-00153, XAPI-00160)', async () => {
      await send(statement());
      const res = await h.xapi('/statements?limit=5', { version });
      const through = res.headers.get('X-Experience-API-Consistent-Through') as string;
      expect(through).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      for (const s of (await res.json()).statements)
        expect(Date.parse(through)).toBeGreaterThanOrEqual(Date.parse(s.stored));
      const refused = await h.xapi('/statements?bogus=1', { version });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('X-Experience-API-Consistent-Through')).toBeTruthy();
    });

    it('refuses parameters it does not know, also in another case (XAPI-00324, XAPI-00325)', async () => {
      expect((await h.xapi('/statements?Verb=http://x.org/v', { version })).status).toBe(400);
      expect((await h.xapi('/statements?limit=-1', { version })).status).toBe(400);
      expect((await h.xapi('/statements?since=yesterday', { version })).status).toBe(400);
      expect((await h.xapi('/statements?agent=notjson', { version })).status).toBe(400);
    });

    it('filters by agent, verb, activity and registration exactly (XAPI-00178 to XAPI-00181)', async () => {
      const registration = randomUUID();
      const a = statement({ context: { registration } });
      const b = statement();
      await send([a, b]);
      const q = async (query: string) =>
        (await (await h.xapi(`/statements?${query}`, { version })).json()).statements.map(
          (s: { actor: { mbox: string } }) => s.actor.mbox,
        );
      expect(await q(`agent=${encodeURIComponent(JSON.stringify({ mbox: a.actor.mbox }))}`)).toEqual([a.actor.mbox]);
      expect(await q(`activity=${encodeURIComponent(b.object.id)}`)).toEqual([b.actor.mbox]);
      expect(await q(`registration=${registration}`)).toEqual([a.actor.mbox]);
      const verb = `https://verbs.example.org/unique-${randomUUID()}`;
      const c = statement({ verb: { id: verb } });
      await send(c);
      expect(await q(`verb=${encodeURIComponent(verb)}`)).toEqual([c.actor.mbox]);
    });

    it('matches related agents and activities only when asked (XAPI-00176, XAPI-00177)', async () => {
      const teacher = `mailto:t-${randomUUID()}@example.org`;
      const parent = `https://lms.example.org/programs/${randomUUID()}`;
      const s = statement({
        context: { instructor: { mbox: teacher }, contextActivities: { parent: [{ id: parent }] } },
      });
      await send(s);
      const count = async (query: string) =>
        (await (await h.xapi(`/statements?${query}`, { version })).json()).statements.length;
      const agent = encodeURIComponent(JSON.stringify({ mbox: teacher }));
      expect(await count(`agent=${agent}`)).toBe(0);
      expect(await count(`agent=${agent}&related_agents=true`)).toBe(1);
      expect(await count(`activity=${encodeURIComponent(parent)}`)).toBe(0);
      expect(await count(`activity=${encodeURIComponent(parent)}&related_activities=true`)).toBe(1);
    });

    it('pages with limit and more links, newest stored first, or oldest first with ascending (XAPI-00166, XAPI-00173)', async () => {
      const verb = `https://verbs.example.org/paged-${randomUUID()}`;
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push(...(await (await send(statement({ verb: { id: verb } }))).json()));
      const walk = async (ascending: boolean) => {
        const seen: string[] = [];
        let url = `/statements?verb=${encodeURIComponent(verb)}&limit=2${ascending ? '&ascending=true' : ''}`;
        for (let page = 0; page < 5 && url; page++) {
          const body = await (await h.xapi(url, { version })).json();
          expect(body.statements.length).toBeLessThanOrEqual(2);
          seen.push(...body.statements.map((s: { id: string }) => s.id));
          url = body.more ? body.more.replace('/v1/learning-records/xapi', '') : '';
        }
        return seen;
      };
      expect(await walk(true)).toEqual(ids);
      expect(await walk(false)).toEqual([...ids].reverse());
    });

    it('returns statements stored after since and at or before until (XAPI-00174, XAPI-00175)', async () => {
      const verb = `https://verbs.example.org/timed-${randomUUID()}`;
      const [first] = await (await send(statement({ verb: { id: verb } }))).json();
      const firstStored = (await (await stored(first, version)).json()).stored;
      await new Promise((r) => setTimeout(r, 5));
      const [second] = await (await send(statement({ verb: { id: verb } }))).json();
      const v = encodeURIComponent(verb);
      const ids = async (q: string) =>
        (await (await h.xapi(`/statements?verb=${v}&${q}`, { version })).json()).statements.map(
          (s: { id: string }) => s.id,
        );
      expect(await ids(`since=${encodeURIComponent(firstStored)}`)).toEqual([second]);
      expect(await ids(`until=${encodeURIComponent(firstStored)}`)).toEqual([first]);
    });

    it('answers format=ids with identifiers only, and canonical with one language by Accept-Language (XAPI-00169 to XAPI-00172)', async () => {
      const [id] = await (await send(statement())).json();
      const ids = await (await stored(id, version, '&format=ids')).json();
      expect(ids.actor).toEqual({ objectType: 'Agent', mbox: expect.any(String) });
      expect(ids.verb).toEqual({ id: 'http://adlnet.gov/expapi/verbs/completed' });
      expect(ids.object.definition).toBeUndefined();
      const canonical = await (
        await h.xapi(`/statements?statementId=${id}&format=canonical`, {
          version,
          headers: { 'Accept-Language': 'zh-CN, en;q=0.5' },
        })
      ).json();
      expect(canonical.verb.display).toEqual({ 'zh-CN': '完成' });
      expect(canonical.object.definition.name).toEqual({ 'zh-CN': '代数' });
      const exact = await (await stored(id, version, '&format=exact')).json();
      expect(Object.keys(exact.verb.display)).toHaveLength(2);
    });

    it('answers a HEAD request as a GET, without a body (XAPI-00125)', async () => {
      const res = await h.xapi('/statements?limit=1', { method: 'HEAD', version });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('');
      expect(res.headers.get('X-Experience-API-Consistent-Through')).toBeTruthy();
    });
  });

  describe('voiding (1.0.3 part two 2.3.2)', () => {
    const voiding = (target: string) => ({
      ...statement(),
      verb: { id: 'http://adlnet.gov/expapi/verbs/voided' },
      object: { objectType: 'StatementRef', id: target },
    });

    it('hides a voided statement from statementId (404) and shows it by voidedStatementId (XAPI-00018, XAPI-00155)', async () => {
      const [target] = await (await send(statement())).json();
      expect((await send(voiding(target))).status).toBe(200);
      expect((await stored(target, version)).status).toBe(404);
      const res = await h.xapi(`/statements?voidedStatementId=${target}`, { version });
      expect(res.status).toBe(200);
      expect((await res.json()).id).toBe(target);
      expect((await h.xapi(`/statements?voidedStatementId=${randomUUID()}`, { version })).status).toBe(404);
    });

    it('leaves voided statements out of queries but returns the statements targeting them (XAPI-00162, XAPI-00163)', async () => {
      const target = statement();
      const [targetId] = await (await send(target)).json();
      const v = voiding(targetId);
      const [voidingId] = await (await send(v)).json();
      const body = await (await h.xapi(`/statements?limit=50`, { version })).json();
      const ids = body.statements.map((s: { id: string }) => s.id);
      expect(ids).toContain(voidingId);
      expect(ids).not.toContain(targetId);
    });

    it('voids a statement that arrives after its voiding statement', async () => {
      const id = randomUUID();
      await send(voiding(id));
      await send({ ...statement(), id });
      expect((await stored(id, version)).status).toBe(404);
      expect((await h.xapi(`/statements?voidedStatementId=${id}`, { version })).status).toBe(200);
    });

    it('refuses a voiding statement that targets a voiding statement (XAPI-00016)', async () => {
      const [target] = await (await send(statement())).json();
      const [voidingId] = await (await send(voiding(target))).json();
      expect((await send(voiding(voidingId))).status).toBe(400);
      expect((await stored(voidingId, version)).status).toBe(200);
    });
  });
});

describe('version rules', () => {
  it('refuses a request without X-Experience-API-Version with 400 (XAPI-00321)', async () => {
    const res = await h.xapi('/statements', { version: null });
    expect(res.status).toBe(400);
    expect(res.headers.get('X-Experience-API-Version')).toBe('2.0.0');
  });

  it('refuses versions other than 1.0.x and 2.0.x with 400 (XAPI-00331)', async () => {
    for (const version of ['0.95', '1.1.0', '3.0.0', 'abc']) {
      expect((await h.xapi('/statements', { version })).status).toBe(400);
    }
    for (const version of ['1.0', '1.0.0', '1.0.3', '2.0', '2.0.0']) {
      expect((await h.xapi('/statements?limit=1', { version })).status).toBe(200);
    }
  });

  it('accepts 2.0 context agents and groups only from 2.0 requests', async () => {
    const s = statement({
      context: { contextAgents: [{ objectType: 'contextAgent', agent: { mbox: 'mailto:c@example.org' } }] },
    });
    expect((await post(s, '1.0.3')).status).toBe(400);
    expect((await post(s, '2.0.0')).status).toBe(200);
    const bad = statement({ context: { contextAgents: [{ agent: { mbox: 'mailto:c@example.org' } }] } });
    expect((await post(bad, '2.0.0')).status).toBe(400);
  });

  it('requires a time zone on 2.0 timestamps (RFC 3339), not on 1.0.3 ones', async () => {
    const s = statement({ timestamp: '2026-03-01T10:00:00' });
    expect((await post(s, '1.0.3')).status).toBe(200);
    expect((await post(statement({ timestamp: '2026-03-01T10:00:00' }), '2.0.0')).status).toBe(400);
  });

  it('accepts UTC (Z) and every offset form in both versions', async () => {
    for (const version of ['1.0.3', '2.0.0']) {
      for (const timestamp of [
        '2026-03-01T10:00:00Z',
        '2026-03-01T10:00:00.123Z',
        '2026-03-01T10:00Z',
        '2026-03-01T10:00:00+08:00',
        '2026-03-01T10:00:00+0800',
        '2026-03-01T10:00:00+08',
      ]) {
        const res = await post(statement({ timestamp }), version);
        expect(res.status, `${version} ${timestamp}: ${await res.text()}`).toBe(200);
      }
    }
    expect((await post(statement({ timestamp: '2026-03-01T10:00:00X' }), '2.0.0')).status).toBe(400);
  });
});

describe('about (1.0.3 2.8)', () => {
  it('answers GET about without credentials or version header, listing 1.0.x and 2.0 (XAPI-00315 to XAPI-00319)', async () => {
    const res = await h.xapi('/about', { lrs: null, version: null });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.version).toEqual(['1.0.3', '2.0.0']);
    expect(res.headers.get('X-Experience-API-Version')).toBe('2.0.0');
  });
});

describe('LRS credentials (HTTP Basic, scopes)', () => {
  it('answers 401 with WWW-Authenticate: Basic without credentials, with a wrong secret and with a bearer token', async () => {
    const none = await h.xapi('/statements', { lrs: null });
    expect(none.status).toBe(401);
    expect(none.headers.get('WWW-Authenticate')).toMatch(/^Basic/);
    const lrs = await h.credential(['all']);
    expect((await h.xapi('/statements', { lrs: { ...lrs, secret: 'wrong' } })).status).toBe(401);
    const bearer = await h.t.request('/v1/learning-records/xapi/statements', {
      auth: h.p.learner.token,
      headers: { 'X-Experience-API-Version': '1.0.3' },
    });
    expect(bearer.status).toBe(401);
  });

  it('answers 403 when the scopes do not allow it (XAPI-00327), and reads only its own with statements/read/mine', async () => {
    const writer = await h.credential(['statements/write']);
    const mine = await h.credential(['statements/read/mine', 'statements/write']);
    expect((await h.xapi('/statements', { lrs: writer })).status).toBe(403);
    const reader = await h.credential(['statements/read']);
    expect((await post(statement(), '1.0.3', reader)).status).toBe(403);
    const [own] = await (await post(statement(), '1.0.3', mine)).json();
    const [theirs] = await (await post(statement(), '1.0.3', writer)).json();
    expect((await h.xapi(`/statements?statementId=${own}`, { lrs: mine })).status).toBe(200);
    expect((await h.xapi(`/statements?statementId=${theirs}`, { lrs: mine })).status).toBe(404);
    expect((await h.xapi(`/statements?statementId=${theirs}`, { lrs: reader })).status).toBe(200);
  });

  it("keeps each institution's LRS apart: another institution's credential sees none of its statements", async () => {
    const other = await h.t.request('/v1/institutions', {
      method: 'POST',
      auth: 'admin',
      json: { name: 'Other School', kind: 'school', regionId: 'default' },
    });
    const institutionId = (await other.json()).id;
    const lrs = await h.credential(['all'], 'admin', institutionId);
    const [id] = await (await post(statement())).json();
    expect((await h.xapi(`/statements?statementId=${id}`, { lrs })).status).toBe(404);
    expect((await (await h.xapi('/statements', { lrs })).json()).statements).toEqual([]);
  });

  it('refuses a revoked credential with 401', async () => {
    const lrs = await h.credential(['all']);
    expect((await h.xapi('/statements?limit=1', { lrs })).status).toBe(200);
    const revoke = await h.t.request(`/v1/learning-records/credentials/${lrs.id}`, {
      method: 'DELETE',
      auth: h.p.institution.key,
    });
    expect(revoke.status).toBe(204);
    expect((await h.xapi('/statements?limit=1', { lrs })).status).toBe(401);
  });

  it('never logs the Basic credentials', async () => {
    const lrs = await h.credential(['all']);
    await h.xapi('/statements?limit=1', { lrs });
    expect(h.t.rawLogs()).not.toContain(lrs.secret);
    expect(h.t.rawLogs()).not.toContain(basic(lrs).slice(6));
  });
});

describe('actors to people', () => {
  it("links a statement whose actor is a learner-number account on the region's home page to the person", async () => {
    const learner = h.p.learner;
    const s = statement({ actor: { account: { homePage: HOME_PAGE, name: learner.learnerNumber } } });
    const [id] = await (await post(s)).json();
    const rows = resultRows<{ person_id: string | null }>(
      await h.t.platform.database.db.execute(sql`select person_id from learning_records.statements where id = ${id}`),
    );
    expect(rows[0]?.person_id).toBe(learner.id);
    const unlinked = statement({
      actor: { account: { homePage: 'https://other.example.org', name: learner.learnerNumber } },
    });
    const [other] = await (await post(unlinked)).json();
    const none = resultRows<{ person_id: string | null }>(
      await h.t.platform.database.db.execute(
        sql`select person_id from learning_records.statements where id = ${other}`,
      ),
    );
    expect(none[0]?.person_id).toBeNull();
  });
});
