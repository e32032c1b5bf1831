import { describe, expect, it } from 'vitest';
import { type Candidate, rankExperts } from './ranking.js';

// The fixture of docs/plugins/evaluation-consultation.md ("Expert ranking"), computed by hand:
// needs teaching + wellbeing, region default, language zh.
//   A: teaching, wellbeing; default; zh; rated 4, 5   → 3×2 + 2 + 1 + 4.5 = 13.5
//   B: teaching; default, elsewhere; en; rated 5, 5, 5 → 3×1 + 2 + 0 + 5   = 10
//   C: wellbeing, leadership; elsewhere; zh; unrated  → 3×1 + 0 + 1 + 0   = 4
//   D: teaching; default; zh; rated 2                 → 3 + 2 + 1 + 2     = 8
//   E: like B but rated 5 only once                   → 3 + 2 + 0 + 5     = 10 (tie with B: fewer ratings, after B)
//   F: teaching, wellbeing; default; zh; unavailable  → excluded
//   G: teaching, wellbeing; default; zh; conflicted   → excluded
const c = (
  expertId: string,
  fields: string[],
  regions: string[],
  languages: string[],
  ratings: number[],
  more: Partial<Candidate> = {},
): Candidate => ({
  expertId,
  fields,
  regions,
  languages,
  ratings,
  available: true,
  conflict: null,
  ...more,
});

const fixture: Candidate[] = [
  c('00000000-0000-7000-8000-00000000000c', ['wellbeing', 'leadership'], ['elsewhere'], ['zh'], []),
  c('00000000-0000-7000-8000-00000000000a', ['teaching', 'wellbeing'], ['default'], ['zh'], [4, 5]),
  c('00000000-0000-7000-8000-00000000000e', ['teaching'], ['default'], ['en'], [5]),
  c('00000000-0000-7000-8000-00000000000b', ['teaching'], ['default', 'elsewhere'], ['en'], [5, 5, 5]),
  c('00000000-0000-7000-8000-00000000000d', ['teaching'], ['default'], ['zh'], [2]),
  c('00000000-0000-7000-8000-00000000000f', ['teaching', 'wellbeing'], ['default'], ['zh'], [5], { available: false }),
  c('00000000-0000-7000-8000-000000000010', ['teaching', 'wellbeing'], ['default'], ['zh'], [5], {
    conflict: 'worked for the school until 2025-01-31 (within 3 years)',
  }),
];

describe('the expert ranking', () => {
  const { ranked, excluded } = rankExperts(fixture, {
    fields: ['teaching', 'wellbeing'],
    regionId: 'default',
    language: 'zh',
  });

  it('equals the hand-computed order and scores', () => {
    expect(ranked.map((r) => [r.expertId.slice(-2), r.score])).toEqual([
      ['0a', 13.5],
      ['0b', 10],
      ['0e', 10],
      ['0d', 8],
      ['0c', 4],
    ]);
  });

  it('gives each score’s reasons', () => {
    expect(ranked[0]?.reasons).toEqual([
      'fields teaching, wellbeing (+6)',
      'serves region default (+2)',
      'speaks zh (+1)',
      'rated 4.5 by 2 school(s) (+4.5)',
    ]);
    expect(ranked.at(-1)?.reasons).toEqual(['fields wellbeing (+3)', 'speaks zh (+1)', 'not rated yet (+0)']);
  });

  it('leaves out the unavailable and the conflicted, saying why', () => {
    expect(excluded).toEqual([
      { expertId: '00000000-0000-7000-8000-00000000000f', reason: 'not available' },
      {
        expertId: '00000000-0000-7000-8000-000000000010',
        reason: 'worked for the school until 2025-01-31 (within 3 years)',
      },
    ]);
  });
});
