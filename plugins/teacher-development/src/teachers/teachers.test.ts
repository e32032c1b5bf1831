import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, type Harness, harness } from '../test-support.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.t.close());

const application = (institutionIds: string[] = []) => ({
  subjects: ['physics', 'astronomy'],
  institutionIds,
  bio: 'Twenty years at the front of a classroom.',
});

describe('teacher applications', () => {
  it('create a pending profile, once per person and region', async () => {
    const person = await h.t.person();
    const res = await h.call('POST', '/teachers', { auth: person.token, json: application() });
    expect(res.status).toBe(201);
    const teacher = await res.json();
    expect(teacher).toMatchObject({ personId: person.id, regionId: 'default', status: 'pending', decidedAt: null });
    expect((await (await h.call('GET', '/teachers/me', { auth: person.token })).json()).id).toBe(teacher.id);
    await expectProblem(
      await h.call('POST', '/teachers', { auth: person.token, json: application() }),
      409,
      'TEACHER_DEVELOPMENT_ALREADY_APPLIED',
    );
  });

  it('are approved by the region admin, and decided only once', async () => {
    const { regionAdmin } = await h.t.principals();
    const person = await h.t.person();
    const teacher = await (await h.call('POST', '/teachers', { auth: person.token, json: application() })).json();
    const res = await h.call('POST', `/teachers/${teacher.id}/decision`, {
      auth: regionAdmin.token,
      json: { decision: 'approve', note: 'Welcome' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'approved', decisionNote: 'Welcome' });
    await expectProblem(
      await h.call('POST', `/teachers/${teacher.id}/decision`, {
        auth: regionAdmin.token,
        json: { decision: 'reject' },
      }),
      409,
      'TEACHER_DEVELOPMENT_ALREADY_DECIDED',
    );
    const events = await h.t.platform.database.db.execute(
      (await import('drizzle-orm'))
        .sql`select payload from core.events where name = 'teacher-development.teacher.decided'`,
    );
    const rows = Array.isArray(events) ? events : (events as { rows: unknown[] }).rows;
    expect(rows).toContainEqual({
      payload: { teacherId: teacher.id, personId: person.id, regionId: 'default', status: 'approved' },
    });
  });

  it('are decided by an institution they name (its issuer key), but not by an institution they do not name', async () => {
    const { institution } = await h.t.principals();
    const named = await h.t.person();
    const other = await h.t.person();
    const withSchool = await (
      await h.call('POST', '/teachers', { auth: named.token, json: application([institution.id]) })
    ).json();
    const without = await (await h.call('POST', '/teachers', { auth: other.token, json: application() })).json();
    await expectProblem(
      await h.call('POST', `/teachers/${without.id}/decision`, {
        auth: institution.key,
        json: { decision: 'approve' },
      }),
      403,
    );
    const res = await h.call('POST', `/teachers/${withSchool.id}/decision`, {
      auth: institution.key,
      json: { decision: 'reject', note: 'Not on our staff' },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe('rejected');
    // The institution lists only the profiles that name it.
    const list = await (await h.call('GET', '/teachers?limit=200', { auth: institution.key })).json();
    expect(list.items.map((p: { id: string }) => p.id)).toContain(withSchool.id);
    expect(list.items.map((p: { id: string }) => p.id)).not.toContain(without.id);
  });

  it('are private until approved: other people get 404, approved profiles are visible', async () => {
    const { regionAdmin, otherLearner } = await h.t.principals();
    const person = await h.t.person();
    const teacher = await (await h.call('POST', '/teachers', { auth: person.token, json: application() })).json();
    await expectProblem(await h.call('GET', `/teachers/${teacher.id}`, { auth: otherLearner.token }), 404);
    expect((await h.call('GET', `/teachers/${teacher.id}`, { auth: person.token })).status).toBe(200);
    await h.call('POST', `/teachers/${teacher.id}/decision`, {
      auth: regionAdmin.token,
      json: { decision: 'approve' },
    });
    expect((await h.call('GET', `/teachers/${teacher.id}`, { auth: otherLearner.token })).status).toBe(200);
  });

  it('show the name the teacher chose to everyone, and the legal name only to those who may read people', async () => {
    const { regionAdmin, otherLearner, otherRegionAdmin } = await h.t.principals();
    const person = await h.t.person({ legalName: 'Zhang Wei' });
    const teacher = await (await h.call('POST', '/teachers', { auth: person.token, json: application() })).json();
    // Until they choose a name, none is shown: never the legal name in its place.
    expect(teacher).toMatchObject({ displayName: null });
    expect(teacher).not.toHaveProperty('legalName');
    await h.call('POST', `/teachers/${teacher.id}/decision`, {
      auth: regionAdmin.token,
      json: { decision: 'approve' },
    });
    await h.t.request('/v1/me/display-name', { method: 'PUT', auth: person.token, json: { displayName: 'Mr Zhang' } });

    const asLearner = await (await h.call('GET', `/teachers/${teacher.id}`, { auth: otherLearner.token })).json();
    expect(asLearner.displayName).toBe('Mr Zhang');
    expect(JSON.stringify(asLearner)).not.toContain('Zhang Wei');
    const asAdmin = await (await h.call('GET', `/teachers/${teacher.id}`, { auth: regionAdmin.token })).json();
    expect(asAdmin).toMatchObject({ displayName: 'Mr Zhang', legalName: 'Zhang Wei' });
    const listed = await (await h.call('GET', '/teachers?limit=200', { auth: regionAdmin.token })).json();
    expect(listed.items.find((t: { id: string }) => t.id === teacher.id)).toMatchObject({ legalName: 'Zhang Wei' });
    // Another region's admin reads no people here: the name the teacher chose, no more.
    const asOther = await (await h.call('GET', `/teachers/${teacher.id}`, { auth: otherRegionAdmin.token })).json();
    expect(asOther.displayName).toBe('Mr Zhang');
    expect(asOther).not.toHaveProperty('legalName');
  });
});

describe('authorization', () => {
  it('lets neither learners, the teacher themself, nor another region’s admin decide', async () => {
    const { learner, otherRegionAdmin, registrar } = await h.t.principals();
    const person = await h.t.person();
    const teacher = await (await h.call('POST', '/teachers', { auth: person.token, json: application() })).json();
    const decide = (auth: string) =>
      h.call('POST', `/teachers/${teacher.id}/decision`, { auth, json: { decision: 'approve' } });
    await expectProblem(await decide(learner.token), 403);
    await expectProblem(await decide(person.token), 403);
    await expectProblem(await decide(registrar.token), 403);
    await expectProblem(await decide(otherRegionAdmin.token), 403);
    await expectProblem(await h.call('GET', '/teachers', { auth: learner.token }), 403);
    expect((await (await h.call('GET', `/teachers/${teacher.id}`, { auth: person.token })).json()).status).toBe(
      'pending',
    );
  });

  it.each([
    ['POST', '/teachers'],
    ['GET', '/teachers'],
    ['GET', '/teachers/me'],
    ['GET', '/teachers/01900000-0000-7000-8000-000000000000'],
    ['POST', '/teachers/01900000-0000-7000-8000-000000000000/decision'],
  ])('%s %s answers 401 to anonymous callers', async (method, path) => {
    await expectProblem(await h.call(method, path, method === 'POST' ? { json: {} } : {}), 401);
  });

  it('answers 404 where the center is disabled', async () => {
    const person = await h.t.person();
    await expectProblem(await h.call('GET', '/teachers/me', { auth: person.token, region: 'quiet' }), 404);
  });
});

describe('bad input', () => {
  it('names the field and stores nothing', async () => {
    const person = await h.t.person();
    const noSubjects = await expectProblem(
      await h.call('POST', '/teachers', { auth: person.token, json: { ...application(), subjects: [] } }),
      400,
    );
    expect(noSubjects.errors[0].path).toBe('/body/subjects');
    const unknownInstitution = await expectProblem(
      await h.call('POST', '/teachers', {
        auth: person.token,
        json: application(['01900000-0000-7000-8000-000000000000']),
      }),
      400,
    );
    expect(unknownInstitution.errors[0]).toMatchObject({ path: '/body/institutionIds/0', rule: 'institutionInRegion' });
    await expectProblem(await h.call('GET', '/teachers/me', { auth: person.token }), 404);
    const badDecision = await expectProblem(
      await h.call('POST', '/teachers/01900000-0000-7000-8000-000000000000/decision', {
        auth: (await h.t.principals()).regionAdmin.token,
        json: { decision: 'maybe' },
      }),
      400,
    );
    expect(badDecision.errors[0].path).toBe('/body/decision');
  });
});
