import type { PluginRegistrar } from '@lifelong/core';
import { Type } from '@sinclair/typebox';

/** Five numbers, one per trust level 0–4. */
const PerLevel = (defaults: number[], description: string) =>
  Type.Array(Type.Integer({ minimum: 0, maximum: 100_000 }), {
    minItems: 5,
    maxItems: 5,
    default: defaults,
    description,
  });

/** The community plugin's configuration per region: its content rules, limits and bounties. */
export const CommunityConfig = Type.Object({
  blockedTerms: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
    maxItems: 500,
    default: [],
    description:
      "Words or phrases the region's content rules forbid in titles and bodies (compared case-insensitively).",
  }),
  allowedKinds: Type.Array(Type.Union([Type.Literal('article'), Type.Literal('resource')]), {
    minItems: 1,
    uniqueItems: true,
    default: ['article', 'resource'],
    description: 'The kinds of post the region accepts.',
  }),
  maxBodyLength: Type.Integer({ minimum: 100, maximum: 100_000, default: 20_000 }),
  postsPerDay: PerLevel([3, 10, 30, 100, 1000], 'Posts a person may publish in any 24 hours, by trust level.'),
  linksPerPost: PerLevel([2, 5, 10, 20, 50], 'Links (http, https or www.) a post may hold, by trust level.'),
  filesPerDay: PerLevel([1, 5, 20, 50, 200], 'Files a person may attach in any 24 hours, by trust level.'),
  premoderateBelowLevel: Type.Integer({
    minimum: 0,
    maximum: 5,
    default: 1,
    description: 'Posts of people below this trust level wait for a moderator before readers see them.',
  }),
  autoHideFlags: Type.Integer({
    minimum: 1,
    maximum: 100,
    default: 3,
    description: 'Open flags by different people that hide a post until a moderator decides.',
  }),
  minBountyPoints: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 10 }),
  maxBountyPoints: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 500 }),
  needDays: Type.Integer({
    minimum: 1,
    maximum: 30,
    default: 7,
    description: 'How long a learning need stays open (its bounty is refunded when it expires).',
  }),
  maxFileBytes: Type.Integer({ minimum: 1, maximum: 200 * 1024 * 1024, default: 20 * 1024 * 1024 }),
});

export type CommunityRegistrar = PluginRegistrar<typeof CommunityConfig>;
