import { defineContract } from '@lifelong/core/contract';
import { SlotOverlaps, SlotTaken, WrongBookingState, WrongGuidanceState } from '../errors.js';
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
  access: { permission: 'studios.manage' },
  request: { body: CreateStudioBody },
  responses: { 201: { description: 'The studio', schema: Studio } },
});

export const listStudios = defineContract({
  operationId: 'studios.list',
  method: 'get',
  path: '/studios',
  summary: "The region's studios, oldest first",
  access: { authenticated: 'any signed-in principal' },
  request: { query: StudioListQuery },
  responses: { 200: { description: 'A page of studios', schema: StudioPage } },
});

export const getStudio = defineContract({
  operationId: 'studios.get',
  method: 'get',
  path: '/studios/{studioId}',
  summary: 'A studio with its slots (free or not)',
  access: { authenticated: 'any signed-in principal' },
  request: { params: StudioParams },
  responses: { 200: { description: 'The studio', schema: StudioWithSlots } },
});

export const addSlots = defineContract({
  operationId: 'studios.slots.add',
  method: 'post',
  path: '/studios/{studioId}/slots',
  summary: 'Offer free time slots of a studio (future, not overlapping each other or existing slots)',
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
  access: { authenticated: 'approved teachers of the region' },
  request: { params: SlotParams },
  responses: { 201: { description: 'The booking', schema: Booking } },
  errors: [WrongBookingState, SlotTaken],
});

export const listBookings = defineContract({
  operationId: 'bookings.list',
  method: 'get',
  path: '/bookings',
  summary: "The calling teacher's bookings, oldest first",
  access: { authenticated: 'teachers of the region' },
  request: { query: BookingListQuery },
  responses: { 200: { description: 'A page of bookings', schema: BookingPage } },
});

export const cancelBooking = defineContract({
  operationId: 'bookings.cancel',
  method: 'post',
  path: '/bookings/{bookingId}/cancel',
  summary: 'Cancel a booking before its slot starts (the teacher, or a manager of the studio); the slot is free again',
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
  access: { authenticated: 'any signed-in person' },
  request: { body: CreateGuidanceBody },
  responses: { 201: { description: 'The request', schema: GuidanceRequest } },
});

export const listGuidanceRequests = defineContract({
  operationId: 'guidanceRequests.list',
  method: 'get',
  path: '/guidance-requests',
  summary: "The region's guidance requests by state, oldest first (region studio managers)",
  access: { permission: 'studios.manage' },
  request: { query: GuidanceListQuery },
  responses: { 200: { description: 'A page of requests', schema: GuidancePage } },
});

export const getGuidanceRequest = defineContract({
  operationId: 'guidanceRequests.get',
  method: 'get',
  path: '/guidance-requests/{requestId}',
  summary: 'A guidance request with its history (the requester and region studio managers)',
  access: { authenticated: 'the requester and region studio managers' },
  request: { params: GuidanceParams },
  responses: { 200: { description: 'The request', schema: GuidanceRequest } },
});

export const moveGuidanceRequest = defineContract({
  operationId: 'guidanceRequests.status.set',
  method: 'post',
  path: '/guidance-requests/{requestId}/status',
  summary: 'Move a guidance request on: submitted → accepted → in-progress → completed (or declined)',
  access: { permission: 'studios.manage' },
  request: { params: GuidanceParams, body: GuidanceStatusBody },
  responses: { 200: { description: 'The request', schema: GuidanceRequest } },
  errors: [WrongGuidanceState],
});
