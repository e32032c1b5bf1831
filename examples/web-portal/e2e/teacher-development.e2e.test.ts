import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, inRegion, openPortal, type Person, type Portal, SLOW, warnIfNoChromium } from './support.js';

warnIfNoChromium();

/**
 * A tiny valid MP3 (the server sniffs the bytes: they must start as an MPEG audio frame): `seconds`
 * of silence as MPEG-1 Layer III frames, 32 kbit/s, 44.1 kHz, mono (104 bytes and 1152 samples
 * each). A frame of zeros after its header has no audio data, so it decodes as silence.
 */
function silentMp3(seconds: number): Buffer {
  const frames = Math.ceil((seconds * 44_100) / 1152);
  const frame = Buffer.alloc(104);
  frame.set([0xff, 0xfb, 0x10, 0xc4]);
  return Buffer.concat(Array.from({ length: frames }, () => frame));
}

let portal: Portal;
let teacher: Person;
let reviewer: Person;
let learner: Person;
let courseId = '';
const COURSE = 'Home cooking for beginners';
/** A control's name, "what: which" (the "which" part is for screen readers). */
const about = (what: string, which: string) => new RegExp(`^${what}\\s*:\\s*${which}$`);
const nav = () => portal.page.getByRole('navigation', { name: 'Main' });

describe.skipIf(!hasChromium)('teacher development in the portal: teachers, reviewers, learners', () => {
  beforeAll(async () => {
    portal = await openPortal('teacher-development');
    // A lesson needs engaged time of half its declared duration (the default is 80%): the lesson
    // below declares 2 s, so 1 s of play completes it and the test runs in seconds.
    await portal.admin.regions.plugins.update({
      regionId: 'default',
      pluginId: 'teacher-development',
      body: { config: { learning: { completion: { minEngagedRatio: 0.5 } } } },
    });
    teacher = await portal.person({ legalName: 'Teacher Wang' });
    reviewer = await portal.person({ legalName: 'Reviewer Zhao', roles: [inRegion('region-admin')] });
    // The learner is not verified yet: their completion waits for the credits until they are.
    learner = await portal.person({ legalName: 'Learner Li', verified: false });
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('a person applies to teach, and the region admin approves the application', async () => {
    const { page } = portal;
    await portal.signIn(teacher);
    await nav().getByRole('link', { name: 'Teaching', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Apply to teach' }).waitFor();
    expect(await nav().getByRole('link', { name: 'Course review', exact: true }).count()).toBe(0);
    await portal.check('apply');
    await page.getByLabel('Subjects').fill('Cooking, Nutrition');
    await page.getByLabel('About you').fill('I have cooked for twenty years and teach evening classes.');
    await page.getByRole('button', { name: 'Send application' }).click();
    await page.getByText('Your application is waiting for a decision.').waitFor();
    await portal.check('applied');
    await portal.signOut();

    await portal.signIn(reviewer);
    await nav().getByRole('link', { name: 'Teacher applications', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Teacher Wang' }).waitFor();
    expect(await page.getByText('Subjects: Cooking, Nutrition').count()).toBe(1);
    await portal.check('applications');
    await page.getByRole('button', { name: about('Approve', 'Teacher Wang') }).click();
    await page.getByRole('status').getByText('Approved: Teacher Wang.').waitFor();
    await page.getByText('No application is waiting for a decision.').waitFor();
    expect(await teacher.client.teacherDevelopment.teachers.me.get()).toMatchObject({ status: 'approved' });
    await portal.signOut();
  });

  it('the teacher creates a course, uploads its lesson media and submits it for review', async () => {
    const { page } = portal;
    await portal.signIn(teacher);
    await nav().getByRole('link', { name: 'Teaching', exact: true }).click();
    await page.getByText('You are an approved teacher.').waitFor();
    await page.getByRole('link', { name: 'Create a course' }).click();
    await page.getByRole('heading', { level: 1, name: 'New course' }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill(COURSE);
    await page.getByLabel('Description').fill('Ten dishes for every day, from rice to soup.');
    await page.getByLabel('Stage').selectOption('social-in-service');
    await page.getByLabel('Learning outcomes').fill('Cooks rice\nMakes a soup');
    await page.getByLabel('Workload (hours)').fill('25');
    await page.getByLabel('Title of lesson 1').fill('Rice');
    await page.getByLabel('Duration of lesson 1 (seconds)').fill('2');
    await page.getByLabel('Upload media for lesson 1').setInputFiles({
      name: 'rice.mp3',
      mimeType: 'audio/mpeg',
      buffer: silentMp3(2),
    });
    await page.getByRole('status').getByText('Uploaded rice.mp3.').waitFor();
    expect(await page.getByTestId('lesson-form-1').textContent()).toContain('audio/mpeg');
    await portal.check('course-new');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Course created as a draft.').waitFor();
    courseId = (await page.getByTestId('course-id').textContent())?.trim() ?? '';
    expect(courseId).toMatch(/^[0-9a-f-]{36}$/);
    expect(page.url()).toContain(`/teaching/courses/${courseId}`);

    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page
      .getByRole('status')
      .getByText(`Submitted for review. A reviewer can open it by its id: ${courseId}`)
      .waitFor();
    expect(await page.getByTestId('course-status').textContent()).toBe('submitted for review');
    await page.getByRole('button', { name: 'Show version 1' }).click();
    await expect.poll(() => page.getByTestId('version').textContent(), SLOW).toContain('Rice');
    await portal.check('course-submitted');
    const course = await teacher.client.teacherDevelopment.courses.get({ courseId });
    expect(course.open).toMatchObject({ status: 'submitted', title: COURSE });
    expect(course.open?.lessons[0]?.media[0]).toMatchObject({ contentType: 'audio/mpeg' });

    // The draft is among the teacher's courses (with the wallet and the quality feedback).
    await nav().getByRole('link', { name: 'Teaching', exact: true }).click();
    await page.getByRole('heading', { level: 3, name: COURSE }).waitFor();
    await page.getByTestId('wallet').waitFor();
    await portal.check('teaching');
    await portal.signOut();
  });

  it('the region admin reviews the submitted course and publishes it', async () => {
    const { page } = portal;
    await portal.signIn(reviewer);
    await nav().getByRole('link', { name: 'Course review', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Course review' }).waitFor();
    // The course waits in the queue; the reviewer opens it from there.
    const waiting = page.getByRole('region', { name: 'Waiting for review' });
    await waiting.getByRole('link', { name: COURSE }).click();
    await page.getByRole('heading', { level: 2, name: COURSE }).waitFor();
    expect(await page.getByText('audio/mpeg').count()).toBe(1);
    await portal.check('review');
    await page.getByLabel('Approve').check();
    await page.getByRole('button', { name: 'Send decision' }).click();
    await page.getByRole('status').getByText('Approved. You can publish it now.').waitFor();
    // It moved on in the queue: reviewed, waiting to be published.
    await page
      .getByRole('region', { name: 'Reviewed, not yet published' })
      .getByRole('link', { name: COURSE })
      .waitFor();
    expect(await waiting.getByRole('link', { name: COURSE }).count()).toBe(0);
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('status').getByText(`Published: ${COURSE} is now open to learners.`).waitFor();
    expect(await page.getByTestId('review-status').textContent()).toBe('published');
    await portal.check('published');
    expect(await learner.client.teacherDevelopment.courses.get({ courseId })).toMatchObject({ status: 'published' });
    await portal.signOut();
  });

  it('a learner enrols, plays the lesson, completes the course, claims the credits, rates it and sees the transcript', async () => {
    const { page, admin } = portal;
    await portal.signIn(learner);
    await nav().getByRole('link', { name: 'Courses', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: COURSE }).waitFor();
    await portal.check('catalog');
    await page.getByRole('link', { name: about('Open', COURSE) }).click();
    await page.getByRole('heading', { level: 1, name: COURSE }).waitFor();
    await expect.poll(() => page.getByTestId('price').textContent(), SLOW).toMatch(/^Free until /);
    expect(await page.getByText('Cooks rice').count()).toBe(1);
    await portal.check('course');
    await page.getByRole('button', { name: 'Enrol' }).click();

    // The learn page: opening the lesson starts it; its media plays from a blob: URL.
    await page.getByRole('heading', { level: 1, name: COURSE }).waitFor();
    await page.getByRole('button', { name: about('Open', 'Rice') }).click();
    const player = page.getByLabel('Player');
    await player.waitFor();
    expect(await player.getAttribute('src')).toMatch(/^blob:/);
    await expect.poll(() => page.getByTestId('lesson-progress').textContent(), SLOW).toContain('in progress');
    await expect.poll(() => player.evaluate((audio: HTMLMediaElement) => audio.readyState), SLOW).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Play' }).click();
    // The player reports the time played when it ends; the server credits it by its own clock.
    await page.getByText('You can mark this lesson complete.').waitFor(SLOW);
    const enrolment = (await learner.client.teacherDevelopment.enrolments.list({})).items[0];
    const progress = (await learner.client.teacherDevelopment.enrolments.get({ enrolmentId: enrolment?.id ?? '' }))
      .lessons[0]?.progress;
    expect(progress?.secondsSpent).toBeGreaterThanOrEqual(1);
    await portal.check('learn-played');
    await page.getByRole('button', { name: 'Mark lesson complete' }).click();
    await page.getByRole('status').getByText('Lesson 1 completed.').waitFor();
    await page.getByRole('heading', { level: 2, name: /^Course completed on / }).waitFor();

    // Not verified yet: the claim is refused with the platform's reason; verified, it succeeds.
    await page.getByRole('button', { name: 'Claim my credits' }).click();
    await page
      .getByRole('alert')
      .getByText(/verified people only/)
      .waitFor();
    await portal.check('claim-refused');
    await admin.people.verification.decide({
      learnerNumber: learner.learnerNumber,
      body: { decision: 'approve', evidence: { kind: 'document-check', reference: 'e2e-teacher-development' } },
    });
    await page.getByRole('button', { name: 'Claim my credits' }).click();
    await expect.poll(() => page.getByTestId('award').textContent(), SLOW).toContain('Credits awarded: 1.0 credits');

    await page.getByLabel('Stars').selectOption('4');
    await page.getByLabel('Review (optional)').fill('Clear and short.');
    await page.getByRole('button', { name: 'Save rating' }).click();
    await page.getByRole('status').getByText('Your rating is saved: 4 of 5 stars.').waitFor();
    await portal.check('learn-completed');
    // At a phone's width the lessons, the player and the forms still fit.
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await portal.check('learn-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    const ratings = await learner.client.teacherDevelopment.courses.ratings.get({ courseId });
    expect(ratings).toMatchObject({ count: 1, mine: { stars: 4, review: 'Clear and short.' } });

    await nav().getByRole('link', { name: 'My learning', exact: true }).click();
    await expect.poll(() => page.getByTestId(`enrolment-${courseId}`).textContent(), SLOW).toContain('Completed');
    await portal.check('my-learning');

    await nav().getByRole('link', { name: 'Transcript', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Transcript' }).waitFor();
    await expect.poll(() => page.getByTestId('total-credits').textContent(), SLOW).toBe('1.0');
    await page.getByRole('cell', { name: COURSE }).waitFor();
    await portal.check('transcript');
    expect(portal.problems).toEqual([]);
  });
});
