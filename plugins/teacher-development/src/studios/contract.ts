import { defineContract } from '@lifelong/core/contract';
import {
  NotAnApprovedTeacher,
  PeopleOnly,
  SlotOverlaps,
  SlotTaken,
  WrongBookingState,
  WrongGuidanceState,
} from '../errors.js';
import {
  AddSlotsBody,
  Booking,
  BookingListQuery,
  BookingPage,
  BookingParams,
  CreateGuidanceBody,
  CreateStudioBody,
  GuidanceListQuery,
  GuidancePage,
  GuidanceParams,
  GuidanceRequest,
  GuidanceStatusBody,
  SlotList,
  SlotParams,
  Studio,
  StudioListQuery,
  StudioPage,
  StudioParams,
  StudioWithSlots,
} from './schemas.js';

export const createStudio = defineContract({
  operationId: 'studios.create',
  method: 'post',
  path: '/studios',
  summary: 'Register a micro-class studio of an institution',
  description:
    "Needs `studios.manage` for the studio's institution or for the region; the institution must be in " +
    "the request's region (400 otherwise).",
  access: { permission: 'studios.manage' },
  request: { body: CreateStudioBody },
  responses: { 201: { description: 'The studio', schema: Studio } },
});

export const listStudios = defineContract({
  operationId: 'studios.list',
  method: 'get',
  path: '/studios',
  summary: "The region's studios, oldest first",
  description:
    "Anyone signed in sees the studios of the request's region, without their slots. Paginated with " +
    '`?limit=&cursor=`.',
  access: { authenticated: 'any signed-in principal' },
  request: { query: StudioListQuery },
  responses: { 200: { description: 'A page of studios', schema: StudioPage } },
});

export const getStudio = defineContract({
  operationId: 'studios.get',
  method: 'get',
  path: '/studios/{studioId}',
  summary: 'A studio with its slots (free or not)',
  description:
    'Anyone signed in. Slots come soonest first, each with `free` telling whether it is still bookable (a ' +
    'cancelled booking frees it). Studios of other regions answer 404.',
  access: { authenticated: 'any signed-in principal' },
  request: { params: StudioParams },
  responses: { 200: { description: 'The studio', schema: StudioWithSlots } },
});

export const addSlots = defineContract({
  operationId: 'studios.slots.add',
  method: 'post',
  path: '/studios/{studioId}/slots',
  summary: 'Offer free time slots of a studio (future, not overlapping each other or existing slots)',
  description:
    "Needs `studios.manage` for the studio's institution or its region. Each slot must start in the " +
    "future, end after it starts and last at most the region's `studios.maxSlotMinutes` (400 otherwise); " +
    'one overlapping another new or existing slot refuses them all with 409 ' +
    '`TEACHER_DEVELOPMENT_SLOT_OVERLAPS`.',
  access: { permission: 'studios.manage' },
  request: { params: StudioParams, body: AddSlotsBody },
  responses: { 201: { description: 'The new slots', schema: SlotList } },
  errors: [SlotOverlaps],
});

export const bookSlot = defineContract({
  operationId: 'slots.bookings.create',
  method: 'post',
  path: '/slots/{slotId}/bookings',
  summary: 'Book a free future slot (approved teachers); of concurrent bookings of one slot exactly one succeeds',
  description:
    'Only approved teachers of the region (403 otherwise). A slot already booked answers 409 ' +
    "`TEACHER_DEVELOPMENT_SLOT_TAKEN`; one that has started, or a teacher already holding the region's " +
    '`studios.maxActiveBookingsPerTeacher` future bookings, 409 ' +
    '`TEACHER_DEVELOPMENT_WRONG_BOOKING_STATE`.',
  access: { authenticated: 'approved teachers of the region' },
  request: { params: SlotParams },
  responses: { 201: { description: 'The booking', schema: Booking } },
  errors: [PeopleOnly, NotAnApprovedTeacher, WrongBookingState, SlotTaken],
});

export const listBookings = defineContract({
  operationId: 'bookings.list',
  method: 'get',
  path: '/bookings',
  summary: "The calling teacher's bookings, oldest first",
  description:
    "The signed-in person's own bookings as a teacher in the request's region, in every state (empty when " +
    'they are not a teacher here; API keys get 403). Paginated with `?limit=&cursor=`.',
  access: { authenticated: 'teachers of the region' },
  request: { query: BookingListQuery },
  responses: { 200: { description: 'A page of bookings', schema: BookingPage } },
});

export const cancelBooking = defineContract({
  operationId: 'bookings.cancel',
  method: 'post',
  path: '/bookings/{bookingId}/cancel',
  summary: 'Cancel a booking before its slot starts (the teacher, or a manager of the studio); the slot is free again',
  description:
    "The teacher who booked, or a holder of `studios.manage` for the studio's institution or region; " +
    'anyone else gets 404. Only a booking still `booked` whose slot has not started can be cancelled (409 ' +
    '`TEACHER_DEVELOPMENT_WRONG_BOOKING_STATE`).',
  access: { authenticated: 'the booking teacher and the studio’s managers' },
  request: { params: BookingParams },
  responses: { 200: { description: 'The cancelled booking', schema: Booking } },
  errors: [WrongBookingState],
});

export const recordNoShow = defineContract({
  operationId: 'bookings.noShow.record',
  method: 'post',
  path: '/bookings/{bookingId}/no-show',
  summary: 'Record that the teacher did not come (a manager of the studio, once the slot has started)',
  description:
    "Needs `studios.manage` for the studio's institution or region. Only for a booking still `booked` " +
    'whose slot has started (409 `TEACHER_DEVELOPMENT_WRONG_BOOKING_STATE` otherwise).',
  access: { permission: 'studios.manage' },
  request: { params: BookingParams },
  responses: { 200: { description: 'The booking', schema: Booking } },
  errors: [WrongBookingState],
});

export const requestGuidance = defineContract({
  operationId: 'guidanceRequests.create',
  method: 'post',
  path: '/guidance-requests',
  summary: 'Ask for guidance in setting up a teacher development center',
  description:
    "Any signed-in person (API keys get 403). An `institutionId`, if given, must be in the request's " +
    "region (400). The request starts `submitted`; the region's studio managers take it from there.",
  access: { authenticated: 'any signed-in person' },
  request: { body: CreateGuidanceBody },
  responses: { 201: { description: 'The request', schema: GuidanceRequest } },
});

export const listGuidanceRequests = defineContract({
  operationId: 'guidanceRequests.list',
  method: 'get',
  path: '/guidance-requests',
  summary: "The region's guidance requests by state, oldest first (region studio managers)",
  description:
    "Needs `studios.manage` in the request's region (an institution's grant does not count). Filter with " +
    '`?state=`; paginated with `?limit=&cursor=`. Entries come without their history.',
  access: { permission: 'studios.manage' },
  request: { query: GuidanceListQuery },
  responses: { 200: { description: 'A page of requests', schema: GuidancePage } },
});

export const getGuidanceRequest = defineContract({
  operationId: 'guidanceRequests.get',
  method: 'get',
  path: '/guidance-requests/{requestId}',
  summary: 'A guidance request with its history (the requester and region studio managers)',
  description:
    'The person who asked and holders of `studios.manage` in the region; anyone else, and requests of ' +
    'other regions, get 404. Includes every status change with its note.',
  access: { authenticated: 'the requester and region studio managers' },
  request: { params: GuidanceParams },
  responses: { 200: { description: 'The request', schema: GuidanceRequest } },
});

export const moveGuidanceRequest = defineContract({
  operationId: 'guidanceRequests.status.set',
  method: 'post',
  path: '/guidance-requests/{requestId}/status',
  summary: 'Move a guidance request on: submitted → accepted → in-progress → completed (or declined)',
  description:
    "Needs `studios.manage` in the request's region. Allowed moves: `submitted → accepted → in-progress → " +
    'completed`, and `declined` from `submitted` or `accepted`; any other answers 409 ' +
    '`TEACHER_DEVELOPMENT_WRONG_GUIDANCE_STATE` with the `allowed` states. Each move is kept with its ' +
    '`note`.',
  access: { permission: 'studios.manage' },
  request: { params: GuidanceParams, body: GuidanceStatusBody },
  responses: { 200: { description: 'The request', schema: GuidanceRequest } },
  errors: [WrongGuidanceState],
});
