import { Type } from '@sinclair/typebox';

/** Per-region configuration of the studios feature (defaults apply when a region sets nothing). */
export const StudiosConfig = Type.Object(
  {
    maxSlotMinutes: Type.Integer({ minimum: 15, maximum: 1440, default: 480, description: 'Longest bookable slot.' }),
    maxActiveBookingsPerTeacher: Type.Integer({
      minimum: 1,
      maximum: 1000,
      default: 10,
      description: 'Most future bookings one teacher may hold at once.',
    }),
  },
  { default: {} },
);
