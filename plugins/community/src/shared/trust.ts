import type { Static } from '@sinclair/typebox';
import type { CommunityConfig } from '../config.js';
import type { MemberRow } from './schema.js';

/**
 * Trust levels, earned by activity in a region's community (after Discourse): each level's
 * requirements include the previous level's. Level 4 is never computed: a moderator gives it
 * (a locked level, `PUT /members/{personId}/trust-level`). docs/plugins/community.md lists them.
 */
export const LEVEL_REQUIREMENTS = [
  { level: 1, name: 'basic', daysSinceJoined: 1, postsRead: 5, postsPublished: 0, upheldFlagsAgainst: 0 },
  { level: 2, name: 'member', daysSinceJoined: 7, postsRead: 20, postsPublished: 1, upheldFlagsAgainst: 0 },
  { level: 3, name: 'regular', daysSinceJoined: 30, postsRead: 50, postsPublished: 5, upheldFlagsAgainst: 0 },
] as const;
export const LEVEL_NAMES = ['new', 'basic', 'member', 'regular', 'leader'] as const;

/** Trust level needed to flag a post (level 0 reads and writes, but its flags would be cheap to forge). */
export const FLAG_LEVEL = 1;
/** Trust level needed to attach files to resources. */
export const FILE_LEVEL = 0;

type Stats = Pick<MemberRow, 'joinedAt' | 'postsRead' | 'postsPublished' | 'upheldFlagsAgainst' | 'lockedLevel'>;

const DAY_MS = 86_400_000;

/** The level the activity earns now (or the locked one). */
export function computeLevel(m: Stats, now: Date): number {
  if (m.lockedLevel !== null) return m.lockedLevel;
  const days = (now.getTime() - m.joinedAt.getTime()) / DAY_MS;
  let level = 0;
  for (const r of LEVEL_REQUIREMENTS) {
    const met =
      days >= r.daysSinceJoined &&
      m.postsRead >= r.postsRead &&
      m.postsPublished >= r.postsPublished &&
      m.upheldFlagsAgainst <= r.upheldFlagsAgainst;
    if (!met) break;
    level = r.level;
  }
  return level;
}

/** What the person still lacks for the next level, as a sentence and as figures. */
export function nextLevel(m: Stats, now: Date, level: number) {
  const r = LEVEL_REQUIREMENTS.find((x) => x.level === level + 1);
  if (!r) {
    return {
      level: level < 4 ? 4 : null,
      missing: level < 4 ? ['a moderator names regulars to trust level 4 (leader)'] : [],
    };
  }
  const days = (now.getTime() - m.joinedAt.getTime()) / DAY_MS;
  const missing: string[] = [];
  if (days < r.daysSinceJoined)
    missing.push(`be a member for ${r.daysSinceJoined} day(s) (${Math.floor(days)} so far)`);
  if (m.postsRead < r.postsRead) missing.push(`read ${r.postsRead - m.postsRead} more post(s) of others`);
  if (m.postsPublished < r.postsPublished) {
    missing.push(`have ${r.postsPublished - m.postsPublished} more post(s) accepted`);
  }
  if (m.upheldFlagsAgainst > r.upheldFlagsAgainst) missing.push('have no upheld flags against your posts');
  return { level: r.level, missing };
}

/** The privileges of a level in the region (the limits come from the region's config). */
export function privileges(config: Static<typeof CommunityConfig>, level: number) {
  return {
    postsPerDay: config.postsPerDay[level] ?? 0,
    linksPerPost: config.linksPerPost[level] ?? 0,
    filesPerDay: config.filesPerDay[level] ?? 0,
    premoderated: level < config.premoderateBelowLevel,
    mayFlag: level >= FLAG_LEVEL,
  };
}

/** How to progress, as the end of a limit's message: "Reach trust level 1 (…) to …". */
export function howToProgress(m: Stats, now: Date, level: number, gain: string): string {
  const next = nextLevel(m, now, level);
  if (next.level === null) return 'This is the highest trust level.';
  return `Reach trust level ${next.level} (${next.missing.join('; ') || 'it is recomputed on your next request'}) ${gain}.`;
}
