import { definePluginClient } from '@lifelong/sdk';
import type { Club, CreateClubBody, Membership } from '@lifelong-examples/plugin-reading-club/schemas';

/**
 * A typed client for the reading-club plugin's routes (`/v1/reading-club/...`), written the way a
 * plugin's authors would ship one: types from the plugin's own schemas, `import type` only.
 */
export const readingClubClient = definePluginClient('reading-club', (request) => ({
  createClub: (body: CreateClubBody) => request<Club>('POST', '/clubs', { body, retry: 'create' }),
  clubs: () =>
    request.paginate((query, options) =>
      request<{ items: Club[]; nextCursor: string | null }>('GET', '/clubs', { query }, options),
    ),
  join: (clubId: string) => request<Membership>('POST', `/clubs/${encodeURIComponent(clubId)}/members`),
}));
