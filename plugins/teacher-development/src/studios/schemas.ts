import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { Id, Note, NullableTimestamp, Timestamp } from '../common-schemas.js';

export const CreateStudioBody = Type.Object(
  {
    institutionId: Id,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    location: Type.String({ minLength: 1, maxLength: 500 }),
    equipment: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type CreateStudioBody = Static<typeof CreateStudioBody>;

export const SlotInput = Type.Object({ startsAt: Timestamp, endsAt: Timestamp }, { additionalProperties: false });
export const AddSlotsBody = Type.Object(
  { slots: Type.Array(SlotInput, { minItems: 1, maxItems: 200 }) },
  { additionalProperties: false },
);
export type AddSlotsBody = Static<typeof AddSlotsBody>;

export const Slot = Type.Object({
  id: Id,
  studioId: Id,
  startsAt: Timestamp,
  endsAt: Timestamp,
  free: Type.Boolean({ description: 'No booking holds it.' }),
});
export type Slot = Static<typeof Slot>;

export const Studio = Type.Object({
  id: Id,
  regionId: Type.String(),
  institutionId: Id,
  name: Type.String(),
  location: Type.String(),
  equipment: Type.Array(Type.String()),
  createdAt: Timestamp,
});
export type Studio = Static<typeof Studio>;

export const StudioWithSlots = Type.Composite([Studio, Type.Object({ slots: Type.Array(Slot) })]);

export const Booking = Type.Object({
  id: Id,
  slotId: Id,
  studioId: Id,
  teacherId: Id,
  state: Type.Union([Type.Literal('booked'), Type.Literal('cancelled'), Type.Literal('no-show')]),
  startsAt: Timestamp,
  endsAt: Timestamp,
  bookedAt: Timestamp,
  cancelledAt: NullableTimestamp,
  noShowAt: NullableTimestamp,
});
export type Booking = Static<typeof Booking>;

export const StudioParams = Type.Object({ studioId: Id });
export const SlotParams = Type.Object({ slotId: Id });
export const BookingParams = Type.Object({ bookingId: Id });
export const StudioPage = Page(Studio);
export const StudioListQuery = PageQuery;
export const BookingPage = Page(Booking);
export const BookingListQuery = PageQuery;

export const GuidanceState = Type.Union([
  Type.Literal('submitted'),
  Type.Literal('accepted'),
  Type.Literal('in-progress'),
  Type.Literal('completed'),
  Type.Literal('declined'),
]);

export const CreateGuidanceBody = Type.Object(
  {
    institutionId: Type.Optional(Id),
    description: Type.String({ minLength: 1, maxLength: 4000 }),
  },
  { additionalProperties: false },
);
export type CreateGuidanceBody = Static<typeof CreateGuidanceBody>;

export const GuidanceStatusBody = Type.Object(
  { state: GuidanceState, note: Type.Optional(Note) },
  { additionalProperties: false },
);

export const GuidanceRequest = Type.Object({
  id: Id,
  regionId: Type.String(),
  requestedBy: Id,
  institutionId: Type.Union([Id, Type.Null()]),
  description: Type.String(),
  state: GuidanceState,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  steps: Type.Array(
    Type.Object({ state: GuidanceState, note: Type.Union([Type.String(), Type.Null()]), at: Timestamp }),
  ),
});
export type GuidanceRequest = Static<typeof GuidanceRequest>;
export const GuidanceParams = Type.Object({ requestId: Id });
export const GuidanceListQuery = Type.Object(
  { ...PageQuery.properties, state: Type.Optional(GuidanceState) },
  { additionalProperties: false },
);
export const GuidancePage = Page(Type.Omit(GuidanceRequest, ['steps']));

/** The slots `POST /studios/{studioId}/slots` created. */
export const SlotList = Type.Object(
  { items: Type.Array(Slot, { description: 'The new slots, in the order they were sent.' }) },
  { description: 'The same shape as a page of slots, without a cursor: a batch is at most one page.' },
);
