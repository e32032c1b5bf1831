// The documented ranking of experts for a school's needs (docs/plugins/evaluation-consultation.md,
// "Expert ranking"). Pure: the service gathers the facts, this decides the order and says why.

export interface Candidate {
  expertId: string;
  fields: readonly string[];
  regions: readonly string[];
  languages: readonly string[];
  available: boolean;
  /** Ratings by schools, 1–5. */
  ratings: readonly number[];
  /** Why the expert may not work with this school (a recent affiliation, a staff role), if so. */
  conflict: string | null;
}

export interface Needs {
  fields: readonly string[];
  regionId: string;
  language?: string | undefined;
}

export interface Ranked {
  expertId: string;
  score: number;
  reasons: string[];
}

export const WEIGHTS = { field: 3, region: 2, language: 1 } as const;

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * score = 3 × needs matched by the expert's fields + 2 if they serve the engagement's region
 *       + 1 if they speak the requested language + their average rating (0 when unrated).
 * Unavailable and conflicted experts are left out (listed with the reason). Ties: more ratings
 * first, then the expert id.
 */
export function rankExperts(
  candidates: readonly Candidate[],
  needs: Needs,
): { ranked: Ranked[]; excluded: { expertId: string; reason: string }[] } {
  const excluded: { expertId: string; reason: string }[] = [];
  const ranked: (Ranked & { n: number })[] = [];
  for (const c of candidates) {
    if (c.conflict) {
      excluded.push({ expertId: c.expertId, reason: c.conflict });
      continue;
    }
    if (!c.available) {
      excluded.push({ expertId: c.expertId, reason: 'not available' });
      continue;
    }
    const reasons: string[] = [];
    let score = 0;
    const matched = needs.fields.filter((f) => c.fields.includes(f));
    if (matched.length > 0) {
      score += WEIGHTS.field * matched.length;
      reasons.push(`fields ${matched.join(', ')} (+${WEIGHTS.field * matched.length})`);
    }
    if (c.regions.includes(needs.regionId)) {
      score += WEIGHTS.region;
      reasons.push(`serves region ${needs.regionId} (+${WEIGHTS.region})`);
    }
    if (needs.language && c.languages.includes(needs.language)) {
      score += WEIGHTS.language;
      reasons.push(`speaks ${needs.language} (+${WEIGHTS.language})`);
    }
    if (c.ratings.length > 0) {
      const average = round2(c.ratings.reduce((s, r) => s + r, 0) / c.ratings.length);
      score += average;
      reasons.push(`rated ${average} by ${c.ratings.length} school(s) (+${average})`);
    } else {
      reasons.push('not rated yet (+0)');
    }
    ranked.push({ expertId: c.expertId, score: round2(score), reasons, n: c.ratings.length });
  }
  ranked.sort((a, b) => b.score - a.score || b.n - a.n || (a.expertId < b.expertId ? -1 : 1));
  return { ranked: ranked.map(({ n: _, ...r }) => r), excluded };
}
