import { definePluginClient } from '@lifelong/core/contract';
import * as contracts from './contracts.js';

/**
 * The teacher development center's client module: its contracts, bound by a client as
 * `client.teacherDevelopment.<operationId>` (e.g. `client.teacherDevelopment.courses.create({ body })`,
 * `client.teacherDevelopment.media.upload({ body: file, contentType: 'video/mp4' })`).
 * Server-free: only contracts and schemas (`client-entry.test.ts` checks it).
 *
 * @example
 * import teacherDevelopment from '@lifelong/plugin-teacher-development/client';
 * const client = createClient({ baseUrl, plugins: [teacherDevelopment] });
 * for await (const course of client.teacherDevelopment.courses.list.all()) console.log(course.title);
 */
const teacherDevelopmentClient = definePluginClient('teacher-development', contracts);

export default teacherDevelopmentClient;
/** The same module under its earlier name. */
export { teacherDevelopmentClient };
