import { definePluginClient } from '@lifelong/sdk';

/**
 * The teacher development center's SDK client module:
 * `createClient({ baseUrl, plugins: [teacherDevelopmentClient] }).plugins['teacher-development']`.
 */
export const teacherDevelopmentClient = definePluginClient('teacher-development', (_request) => ({}));
