import { definePluginClient } from '@lifelong/sdk';
import type { Static, TSchema } from '@sinclair/typebox';
import type {
  AddSlotsBody,
  ApplyAsTeacherBody,
  Booking,
  ConfirmRecommendationsBody,
  Course,
  CourseContentBody,
  CoursePage,
  CreateCourseBody,
  CreateGuidanceBody,
  CreateStudioBody,
  Enrolment,
  GuidanceRequest,
  GuidanceStatusBody,
  LessonEventBody,
  PriceHistoryPage,
  PriceQuote,
  ProposeRecommendationsBody,
  ProposeTextbookBody,
  PublishTextbookBody,
  QualityDatabase,
  QualityScore,
  Rating,
  RatingBody,
  RatingSummary,
  RecommendationList,
  ReportSaleBody,
  ReviewCourseBody,
  ReviewTextbookBody,
  ScheduleSigningBody,
  SigningEvent,
  SigningList,
  Slot,
  Studio,
  StudioWithSlots,
  Teacher,
  TeacherDecisionBody,
  Textbook,
  TextbookSale,
  Wallet,
} from './schemas.js';

type S<T extends TSchema> = Static<T>;
const id = encodeURIComponent;

/**
 * The teacher development center's SDK client module:
 * `createClient({ baseUrl, plugins: [teacherDevelopmentClient] }).plugins['teacher-development']`.
 * Types come from the plugin's own schemas (`import type` only: no server code in the client).
 * Media uploads are raw bodies (`POST /media` with the file's Content-Type), outside this client.
 */
export const teacherDevelopmentClient = definePluginClient('teacher-development', (request) => ({
  // Teachers
  apply: (body: ApplyAsTeacherBody) => request<Teacher>('POST', '/teachers', { body, retry: 'none' }),
  myTeacherProfile: () => request<Teacher>('GET', '/teachers/me'),
  teacher: (teacherId: string) => request<Teacher>('GET', `/teachers/${id(teacherId)}`),
  decideTeacher: (teacherId: string, body: S<typeof TeacherDecisionBody>) =>
    request<Teacher>('POST', `/teachers/${id(teacherId)}/decision`, { body }),

  // Courses
  createCourse: (body: CreateCourseBody) => request<Course>('POST', '/courses', { body, retry: 'create' }),
  courses: (teacherId?: string) =>
    request.paginate((query, options) =>
      request<S<typeof CoursePage>>('GET', '/courses', { query: { ...query, teacherId } }, options),
    ),
  course: (courseId: string) => request<Course>('GET', `/courses/${id(courseId)}`),
  editCourse: (courseId: string, body: CourseContentBody) =>
    request<Course>('PUT', `/courses/${id(courseId)}/content`, { body }),
  submitCourse: (courseId: string) => request<Course>('POST', `/courses/${id(courseId)}/submit`),
  reviewCourse: (courseId: string, body: S<typeof ReviewCourseBody>) =>
    request<Course>('POST', `/courses/${id(courseId)}/review`, { body }),
  publishCourse: (courseId: string) => request<Course>('POST', `/courses/${id(courseId)}/publish`),
  retireCourse: (courseId: string) => request<Course>('POST', `/courses/${id(courseId)}/retire`),

  // Learning
  enrol: (courseId: string) => request<Enrolment>('POST', `/courses/${id(courseId)}/enrolments`, { retry: 'create' }),
  enrolment: (enrolmentId: string) => request<Enrolment>('GET', `/enrolments/${id(enrolmentId)}`),
  lessonEvent: (enrolmentId: string, lessonId: string, body: LessonEventBody) =>
    request<Enrolment>('POST', `/enrolments/${id(enrolmentId)}/lessons/${id(lessonId)}/events`, { body }),
  claimAward: (enrolmentId: string) => request<Enrolment>('POST', `/enrolments/${id(enrolmentId)}/award`),
  rate: (courseId: string, body: RatingBody) => request<Rating>('PUT', `/courses/${id(courseId)}/rating`, { body }),
  ratings: (courseId: string) => request<S<typeof RatingSummary>>('GET', `/courses/${id(courseId)}/ratings`),

  // Pricing
  price: (courseId: string) => request<PriceQuote>('GET', `/courses/${id(courseId)}/price`),
  recomputePrice: (courseId: string) => request<PriceQuote>('POST', `/courses/${id(courseId)}/price`),
  priceHistory: (courseId: string) =>
    request.paginate((query, options) =>
      request<S<typeof PriceHistoryPage>>('GET', `/courses/${id(courseId)}/price-history`, { query }, options),
    ),
  wallet: () => request<S<typeof Wallet>>('GET', '/wallet'),

  // Studios and guidance
  createStudio: (body: CreateStudioBody) => request<Studio>('POST', '/studios', { body, retry: 'create' }),
  studio: (studioId: string) => request<S<typeof StudioWithSlots>>('GET', `/studios/${id(studioId)}`),
  addSlots: (studioId: string, body: AddSlotsBody) =>
    request<Slot[]>('POST', `/studios/${id(studioId)}/slots`, { body }),
  book: (slotId: string) => request<Booking>('POST', `/slots/${id(slotId)}/bookings`),
  cancelBooking: (bookingId: string) => request<Booking>('POST', `/bookings/${id(bookingId)}/cancel`),
  recordNoShow: (bookingId: string) => request<Booking>('POST', `/bookings/${id(bookingId)}/no-show`),
  requestGuidance: (body: CreateGuidanceBody) =>
    request<GuidanceRequest>('POST', '/guidance-requests', { body, retry: 'create' }),
  guidanceRequest: (requestId: string) => request<GuidanceRequest>('GET', `/guidance-requests/${id(requestId)}`),
  moveGuidance: (requestId: string, body: S<typeof GuidanceStatusBody>) =>
    request<GuidanceRequest>('POST', `/guidance-requests/${id(requestId)}/status`, { body }),

  // Quality database and recommendations
  recomputeQuality: () => request<{ teachers: number; inDatabase: number }>('POST', '/quality/recompute'),
  qualityDatabase: () => request<S<typeof QualityDatabase>>('GET', '/quality/database'),
  myQuality: () => request<QualityScore>('GET', '/quality/me'),
  proposeRecommendations: (body: S<typeof ProposeRecommendationsBody>) =>
    request<RecommendationList>('POST', '/recommendations', { body, retry: 'create' }),
  confirmRecommendations: (listId: string, body: S<typeof ConfirmRecommendationsBody> = {}) =>
    request<RecommendationList>('POST', `/recommendations/${id(listId)}/confirm`, { body }),
  exportRecommendations: (listId: string) =>
    request<RecommendationList>('GET', `/recommendations/${id(listId)}/export`, { query: { format: 'json' } }),

  // Textbooks
  proposeTextbook: (body: ProposeTextbookBody) => request<Textbook>('POST', '/textbooks', { body, retry: 'create' }),
  reviewTextbook: (textbookId: string, body: S<typeof ReviewTextbookBody>) =>
    request<Textbook>('POST', `/textbooks/${id(textbookId)}/review`, { body }),
  publishTextbook: (textbookId: string, body: S<typeof PublishTextbookBody>) =>
    request<Textbook>('POST', `/textbooks/${id(textbookId)}/publish`, { body }),
  reportSale: (textbookId: string, body: S<typeof ReportSaleBody>) =>
    request<S<typeof TextbookSale>>('POST', `/textbooks/${id(textbookId)}/sales`, { body, retry: 'create' }),
  scheduleSigning: (textbookId: string, body: S<typeof ScheduleSigningBody>) =>
    request<S<typeof SigningEvent>>('POST', `/textbooks/${id(textbookId)}/signings`, { body }),
  signings: () => request<S<typeof SigningList>>('GET', '/signings'),
}));
