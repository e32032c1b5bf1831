import { defineError } from '@lifelong/core/contract';

// The center's error kinds. Codes are stable once published; clients match on them. Contracts
// list them (`errors: [...]`), so this module loads no server code (client-entry.test.ts).
export const PeopleOnly = defineError('TEACHER_DEVELOPMENT_PEOPLE_ONLY', 403, 'Only people can do this');
export const TeacherNotFound = defineError(
  'TEACHER_DEVELOPMENT_TEACHER_NOT_FOUND',
  404,
  'No such teacher in this region',
);
export const AlreadyApplied = defineError(
  'TEACHER_DEVELOPMENT_ALREADY_APPLIED',
  409,
  'This person already has a teacher profile in this region',
);
export const NotAnApprovedTeacher = defineError(
  'TEACHER_DEVELOPMENT_NOT_AN_APPROVED_TEACHER',
  403,
  'Only approved teachers of this region can do this',
);
export const AlreadyDecided = defineError(
  'TEACHER_DEVELOPMENT_ALREADY_DECIDED',
  409,
  'The application was already decided',
);
export const CourseNotFound = defineError('TEACHER_DEVELOPMENT_COURSE_NOT_FOUND', 404, 'No such course in this region');
export const WrongCourseState = defineError(
  'TEACHER_DEVELOPMENT_WRONG_COURSE_STATE',
  409,
  'The course is not in a state that allows this',
);
export const MediaMismatch = defineError(
  'TEACHER_DEVELOPMENT_MEDIA_TYPE_MISMATCH',
  415,
  'The file is not of the type it claims to be',
);
export const NotEnrolled = defineError(
  'TEACHER_DEVELOPMENT_NOT_ENROLLED',
  403,
  'Only learners enrolled in the course can do this',
);
export const EnrolmentNotFound = defineError('TEACHER_DEVELOPMENT_ENROLMENT_NOT_FOUND', 404, 'No such enrolment');
export const LessonNotFound = defineError(
  'TEACHER_DEVELOPMENT_LESSON_NOT_FOUND',
  404,
  'No such lesson in this enrolment',
);
export const NotYetAwardable = defineError(
  'TEACHER_DEVELOPMENT_NOT_YET_AWARDABLE',
  409,
  'The enrolment cannot be awarded credits yet',
);
export const InsufficientFunds = defineError(
  'TEACHER_DEVELOPMENT_INSUFFICIENT_FUNDS',
  409,
  'The paying account does not hold enough',
);
export const PaymentFailed = defineError('TEACHER_DEVELOPMENT_PAYMENT_FAILED', 409, 'The payment could not be made');
export const PricingMisconfigured = defineError(
  'TEACHER_DEVELOPMENT_PRICING_MISCONFIGURED',
  409,
  "The region's pricing configuration cannot be applied",
);
export const StudioNotFound = defineError('TEACHER_DEVELOPMENT_STUDIO_NOT_FOUND', 404, 'No such studio in this region');
export const SlotNotFound = defineError(
  'TEACHER_DEVELOPMENT_SLOT_NOT_FOUND',
  404,
  'No such studio slot in this region',
);
export const SlotTaken = defineError('TEACHER_DEVELOPMENT_SLOT_TAKEN', 409, 'The slot is already booked');
export const SlotOverlaps = defineError(
  'TEACHER_DEVELOPMENT_SLOT_OVERLAPS',
  409,
  'The slot overlaps another slot of the studio',
);
export const BookingNotFound = defineError('TEACHER_DEVELOPMENT_BOOKING_NOT_FOUND', 404, 'No such booking');
export const WrongBookingState = defineError(
  'TEACHER_DEVELOPMENT_WRONG_BOOKING_STATE',
  409,
  'The booking is not in a state that allows this',
);
export const GuidanceNotFound = defineError(
  'TEACHER_DEVELOPMENT_GUIDANCE_REQUEST_NOT_FOUND',
  404,
  'No such guidance request',
);
export const WrongGuidanceState = defineError(
  'TEACHER_DEVELOPMENT_WRONG_GUIDANCE_STATE',
  409,
  'The guidance request cannot move to that status from its current one',
);

export const RecommendationNotFound = defineError(
  'TEACHER_DEVELOPMENT_RECOMMENDATION_NOT_FOUND',
  404,
  'No such recommendation list in this region',
);
export const WrongRecommendationState = defineError(
  'TEACHER_DEVELOPMENT_WRONG_RECOMMENDATION_STATE',
  409,
  'The recommendation list is not in a state that allows this',
);

export const NotInQualityDatabase = defineError(
  'TEACHER_DEVELOPMENT_NOT_IN_QUALITY_DATABASE',
  403,
  'Only teachers in the quality database can do this',
);
export const TextbookNotFound = defineError(
  'TEACHER_DEVELOPMENT_TEXTBOOK_NOT_FOUND',
  404,
  'No such textbook in this region',
);
export const WrongTextbookState = defineError(
  'TEACHER_DEVELOPMENT_WRONG_TEXTBOOK_STATE',
  409,
  'The textbook is not in a state that allows this',
);
export const CompletionEvidenceMissing = defineError(
  'TEACHER_DEVELOPMENT_COMPLETION_EVIDENCE_MISSING',
  409,
  'Not enough engaged time was recorded to complete this',
);
export const SaleReportConflict = defineError(
  'TEACHER_DEVELOPMENT_SALE_REPORT_CONFLICT',
  409,
  'This report reference was already used for a different sale',
);
