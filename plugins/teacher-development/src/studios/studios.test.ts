import type { TestPerson } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedTeacher, expectProblem, type Harness, harness, signIn } from '../test-support.js';

let h: Harness;
let teacher: TestPerson;
let institution: { id: string; key: string };
beforeAll(async () => {
  h = await harness();
  institution = (await h.t.principals()).institution;
  teacher = (await approvedTeacher(h)).person;
});
afterAll(() => h.t.close());

// The clock stands at 2026-03-02T09:00Z; slots are offered for the following days.
const slot = (day: number, hour = 10, hours = 2) => ({
  startsAt: `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`,
  endsAt: `2026-03-${String(day).padStart(2, '0')}T${String(hour + hours).padStart(2, '0')}:00:00.000Z`,
});

async function studioWithSlots(...slots: ReturnType<typeof slot>[]) {
  const studio = await h.call('POST', '/studios', {
    auth: institution.key,
    json: { institutionId: institution.id, name: 'Studio A', location: 'Building 2, room 101', equipment: ['camera'] },
  });
  expect(studio.status).toBe(201);
  const { id } = await studio.json();
  const added = await h.call('POST', `/studios/${id}/slots`, { auth: institution.key, json: { slots } });
  expect(added.status).toBe(201);
  return { id, slots: (await added.json()).items as { id: string; free: boolean }[] };
}

const book = (slotId: string, auth = teacher.token) => h.call('POST', `/slots/${slotId}/bookings`, { auth });

describe('studios and slots', () => {
  it('are registered by the institution, and list their free slots', async () => {
    const studio = await studioWithSlots(slot(3), slot(4));
    const seen = await (await h.call('GET', `/studios/${studio.id}`, { auth: teacher.token })).json();
    expect(seen).toMatchObject({ institutionId: institution.id, equipment: ['camera'] });
    expect(seen.slots.map((s: { free: boolean }) => s.free)).toEqual([true, true]);
    const list = await (await h.call('GET', '/studios', { auth: teacher.token })).json();
    expect(list.items.map((s: { id: string }) => s.id)).toContain(studio.id);
  });

  it('refuse overlapping, past, backwards and overlong slots', async () => {
    const studio = await studioWithSlots(slot(5));
    const add = (slots: unknown[]) =>
      h.call('POST', `/studios/${studio.id}/slots`, { auth: institution.key, json: { slots } });
    await expectProblem(await add([slot(5, 11)]), 409, 'TEACHER_DEVELOPMENT_SLOT_OVERLAPS');
    await expectProblem(await add([slot(6, 10), slot(6, 11)]), 409, 'TEACHER_DEVELOPMENT_SLOT_OVERLAPS');
    const past = await expectProblem(await add([slot(1)]), 400);
    expect(past.errors[0]).toMatchObject({ path: '/body/slots/0/startsAt', rule: 'future' });
    const backwards = await expectProblem(
      await add([slot(7), { startsAt: '2026-03-08T10:00:00.000Z', endsAt: '2026-03-08T09:00:00.000Z' }]),
      400,
    );
    expect(backwards.errors[0]).toMatchObject({ path: '/body/slots/1/endsAt', rule: 'afterStart' });
    const long = await expectProblem(await add([slot(9, 0, 9)]), 400);
    expect(long.errors[0].rule).toBe('maxSlotMinutes');
    // Nothing of a refused batch was kept.
    const seen = await (await h.call('GET', `/studios/${studio.id}`, { auth: teacher.token })).json();
    expect(seen.slots).toHaveLength(1);
  });
});

describe('bookings', () => {
  it('book a free slot once; a second booking is refused; cancelling frees it', async () => {
    const other = (await approvedTeacher(h)).person;
    const studio = await studioWithSlots(slot(10));
    const slotId = studio.slots[0]?.id ?? '';
    const res = await book(slotId);
    expect(res.status).toBe(201);
    const booking = await res.json();
    expect(booking).toMatchObject({ slotId, state: 'booked', startsAt: slot(10).startsAt });
    await expectProblem(await book(slotId, other.token), 409, 'TEACHER_DEVELOPMENT_SLOT_TAKEN');
    // Another teacher cannot cancel it (404: it is not theirs to see).
    await expectProblem(await h.call('POST', `/bookings/${booking.id}/cancel`, { auth: other.token }), 404);
    const cancelled = await h.call('POST', `/bookings/${booking.id}/cancel`, { auth: teacher.token });
    expect((await cancelled.json()).state).toBe('cancelled');
    expect((await book(slotId, other.token)).status).toBe(201);
    const mine = await (await h.call('GET', '/bookings', { auth: teacher.token })).json();
    expect(mine.items.map((b: { id: string; state: string }) => [b.id, b.state])).toContainEqual([
      booking.id,
      'cancelled',
    ]);
  });

  it('record a no-show once the slot has started, by the studio’s institution only', async () => {
    const studio = await studioWithSlots(slot(11));
    const booking = await (await book(studio.slots[0]?.id ?? '')).json();
    const noShow = (auth: string) => h.call('POST', `/bookings/${booking.id}/no-show`, { auth });
    await expectProblem(await noShow(institution.key), 409, 'TEACHER_DEVELOPMENT_WRONG_BOOKING_STATE');
    h.clock.now = new Date('2026-03-11T10:30:00Z');
    try {
      const { regionAdmin } = await h.t.principals();
      const admin = await signIn(h.t, regionAdmin);
      const me = await signIn(h.t, teacher);
      await expectProblem(await noShow(me.token), 403);
      await expectProblem(await h.call('POST', `/bookings/${booking.id}/cancel`, { auth: me.token }), 409);
      const res = await noShow(admin.token);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ state: 'no-show', noShowAt: '2026-03-11T10:30:00.000Z' });
      await expectProblem(await noShow(institution.key), 409);
    } finally {
      h.clock.now = new Date('2026-03-02T09:00:00Z');
    }
  });

  it('are for approved teachers only', async () => {
    const studio = await studioWithSlots(slot(12));
    const { learner } = await h.t.principals();
    await expectProblem(
      await book(studio.slots[0]?.id ?? '', learner.token),
      403,
      'TEACHER_DEVELOPMENT_NOT_AN_APPROVED_TEACHER',
    );
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'of one slot made at the same moment: exactly one succeeds (PostgreSQL)',
    async () => {
      const studio = await studioWithSlots(slot(13));
      const teachers = await Promise.all(Array.from({ length: 6 }, () => approvedTeacher(h)));
      const results = await Promise.all(teachers.map((t) => book(studio.slots[0]?.id ?? '', t.person.token)));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
      const seen = await (await h.call('GET', `/studios/${studio.id}`, { auth: teacher.token })).json();
      expect(seen.slots[0].free).toBe(false);
    },
  );
});

describe('guidance requests', () => {
  it('are tracked from submission to completion, with their history', async () => {
    const requester = await h.t.person();
    const { regionAdmin } = await h.t.principals();
    const created = await h.call('POST', '/guidance-requests', {
      auth: requester.token,
      json: { institutionId: institution.id, description: 'We want to open a center in our county.' },
    });
    expect(created.status).toBe(201);
    const request = await created.json();
    expect(request).toMatchObject({ state: 'submitted', requestedBy: requester.id });
    const move = (state: string, auth = regionAdmin.token) =>
      h.call('POST', `/guidance-requests/${request.id}/status`, { auth, json: { state, note: `now ${state}` } });
    await expectProblem(await move('completed'), 409, 'TEACHER_DEVELOPMENT_WRONG_GUIDANCE_STATE');
    await expectProblem(await move('accepted', requester.token), 403);
    await expectProblem(await move('accepted', institution.key), 403);
    for (const state of ['accepted', 'in-progress', 'completed']) expect((await move(state)).status).toBe(200);
    const seen = await (await h.call('GET', `/guidance-requests/${request.id}`, { auth: requester.token })).json();
    expect(seen.state).toBe('completed');
    expect(seen.steps.map((s: { state: string }) => s.state)).toEqual([
      'submitted',
      'accepted',
      'in-progress',
      'completed',
    ]);
    await expectProblem(await move('declined'), 409);
    const list = await (await h.call('GET', '/guidance-requests?state=completed', { auth: regionAdmin.token })).json();
    expect(list.items.map((r: { id: string }) => r.id)).toContain(request.id);
  });

  it('are private to the requester and the region’s managers', async () => {
    const requester = await h.t.person();
    const { otherLearner, otherRegionAdmin } = await h.t.principals();
    const request = await (
      await h.call('POST', '/guidance-requests', { auth: requester.token, json: { description: 'Help' } })
    ).json();
    await expectProblem(await h.call('GET', `/guidance-requests/${request.id}`, { auth: otherLearner.token }), 404);
    await expectProblem(await h.call('GET', `/guidance-requests/${request.id}`, { auth: otherRegionAdmin.token }), 404);
    await expectProblem(await h.call('GET', '/guidance-requests', { auth: otherRegionAdmin.token }), 403);
    await expectProblem(await h.call('GET', '/guidance-requests', { auth: institution.key }), 403);
  });
});

describe('authorization', () => {
  it('lets only the institution or the region admin manage a studio', async () => {
    const { learner, otherRegionAdmin, regionAdmin } = await h.t.principals();
    const json = { institutionId: institution.id, name: 'S', location: 'L' };
    await expectProblem(await h.call('POST', '/studios', { auth: learner.token, json }), 403);
    await expectProblem(await h.call('POST', '/studios', { auth: otherRegionAdmin.token, json }), 403);
    expect((await h.call('POST', '/studios', { auth: regionAdmin.token, json })).status).toBe(201);
    const studio = await studioWithSlots(slot(14));
    await expectProblem(
      await h.call('POST', `/studios/${studio.id}/slots`, { auth: teacher.token, json: { slots: [slot(15)] } }),
      403,
    );
  });

  it('an institution cannot run studios of another institution', async () => {
    const other = await h.t.request('/v1/institutions', {
      method: 'POST',
      auth: 'admin',
      json: { name: 'Other School', kind: 'school', regionId: 'default' },
    });
    const { id } = await other.json();
    await expectProblem(
      await h.call('POST', '/studios', {
        auth: institution.key,
        json: { institutionId: id, name: 'S', location: 'L' },
      }),
      403,
    );
  });

  it.each([
    ['POST', '/studios'],
    ['GET', '/studios'],
    ['GET', '/studios/01900000-0000-7000-8000-000000000000'],
    ['POST', '/studios/01900000-0000-7000-8000-000000000000/slots'],
    ['POST', '/slots/01900000-0000-7000-8000-000000000000/bookings'],
    ['GET', '/bookings'],
    ['POST', '/bookings/01900000-0000-7000-8000-000000000000/cancel'],
    ['POST', '/bookings/01900000-0000-7000-8000-000000000000/no-show'],
    ['POST', '/guidance-requests'],
    ['GET', '/guidance-requests'],
    ['GET', '/guidance-requests/01900000-0000-7000-8000-000000000000'],
    ['POST', '/guidance-requests/01900000-0000-7000-8000-000000000000/status'],
  ])('%s %s answers 401 to anonymous callers', async (method, path) => {
    await expectProblem(await h.call(method, path, method === 'GET' ? {} : { json: {} }), 401);
  });
});

describe('bad input', () => {
  it('names the field and stores nothing', async () => {
    const missing = await expectProblem(
      await h.call('POST', '/studios', { auth: institution.key, json: { institutionId: institution.id, name: 'S' } }),
      400,
    );
    expect(missing.errors[0].path).toBe('/body/location');
    const foreign = await expectProblem(
      await h.call('POST', '/guidance-requests', {
        auth: teacher.token,
        json: { institutionId: '01900000-0000-7000-8000-000000000000', description: 'x' },
      }),
      400,
    );
    expect(foreign.errors[0]).toMatchObject({ path: '/body/institutionId', rule: 'institutionInRegion' });
    const badState = await expectProblem(
      await h.call('POST', '/guidance-requests/01900000-0000-7000-8000-000000000000/status', {
        auth: (await h.t.principals()).regionAdmin.token,
        json: { state: 'done' },
      }),
      400,
    );
    expect(badState.errors[0].path).toBe('/body/state');
  });
});
