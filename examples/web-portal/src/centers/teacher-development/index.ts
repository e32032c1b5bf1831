import { defineCenter, holds } from '../center.js';
import { en, zhCN } from './messages.js';

/**
 * Teacher development: learners browse published courses, enrol, take the lessons (progress is
 * measured by the server) and claim the credits; teachers apply, write courses with their media
 * and submit them; the region's reviewers review and publish courses and decide applications.
 */
export default defineCenter({
  pluginId: 'teacher-development',
  namespace: 'teacherDevelopment',
  messages: { en, 'zh-CN': zhCN },
  routes: [
    {
      path: '/courses',
      name: 'courses',
      component: () => import('./CatalogPage.vue'),
      meta: { title: 'teacherDevelopment.catalog.title' },
    },
    {
      path: '/courses/:courseId',
      name: 'course',
      component: () => import('./CoursePage.vue'),
      meta: { title: 'teacherDevelopment.course.title' },
    },
    {
      path: '/my-learning',
      name: 'my-learning',
      component: () => import('./MyLearningPage.vue'),
      meta: { title: 'teacherDevelopment.learning.title' },
    },
    {
      path: '/my-learning/:enrolmentId',
      name: 'learn',
      component: () => import('./LearnPage.vue'),
      meta: { title: 'teacherDevelopment.learn.title' },
    },
    {
      path: '/teaching',
      name: 'teaching',
      component: () => import('./TeachingPage.vue'),
      meta: { title: 'teacherDevelopment.teaching.title' },
    },
    {
      path: '/teaching/courses/new',
      name: 'course-new',
      component: () => import('./CourseEditorPage.vue'),
      meta: { title: 'teacherDevelopment.editor.newTitle' },
    },
    {
      path: '/teaching/courses/:courseId',
      name: 'course-edit',
      component: () => import('./CourseEditorPage.vue'),
      meta: { title: 'teacherDevelopment.editor.editTitle' },
    },
    {
      path: '/course-review',
      name: 'course-review',
      component: () => import('./CourseReviewPage.vue'),
      meta: { title: 'teacherDevelopment.review.title' },
    },
    {
      path: '/course-review/:courseId',
      name: 'course-review-one',
      component: () => import('./CourseReviewPage.vue'),
      meta: { title: 'teacherDevelopment.review.title' },
    },
    {
      path: '/teacher-applications',
      name: 'teacher-applications',
      component: () => import('./ApplicationsPage.vue'),
      meta: { title: 'teacherDevelopment.applications.title' },
    },
  ],
  nav: [
    { to: '/courses', label: 'teacherDevelopment.nav.courses', card: 'teacherDevelopment.cards.courses' },
    { to: '/my-learning', label: 'teacherDevelopment.nav.learning', card: 'teacherDevelopment.cards.learning' },
    { to: '/teaching', label: 'teacherDevelopment.nav.teaching', card: 'teacherDevelopment.cards.teaching' },
    {
      // `courses.review` is the region admin's (the plugin's roles).
      to: '/course-review',
      label: 'teacherDevelopment.nav.review',
      card: 'teacherDevelopment.cards.review',
      visible: (me) => holds(me, 'region-admin'),
    },
    {
      // `teachers.approve`: region admins, and an institution's issuers for teachers naming it.
      to: '/teacher-applications',
      label: 'teacherDevelopment.nav.applications',
      card: 'teacherDevelopment.cards.applications',
      visible: (me) => holds(me, 'region-admin', 'issuer'),
    },
  ],
});
