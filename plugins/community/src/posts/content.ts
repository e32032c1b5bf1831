// What the region's content rules and the spam heuristics read in a post's text.

const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;

/** Links in the text: `http://…`, `https://…` and `www.…`. */
export const countLinks = (text: string): number => text.match(LINK)?.length ?? 0;

/** The first of the region's blocked terms the text holds (case-insensitive, after NFKC), or null. */
export function blockedTerm(text: string, terms: readonly string[]): string | null {
  const folded = text.normalize('NFKC').toLowerCase();
  return terms.find((term) => folded.includes(term.normalize('NFKC').toLowerCase())) ?? null;
}

/**
 * Words for comparison: each Han character on its own (Chinese has no spaces), other letters and
 * digits as runs; lower-cased after NFKC.
 */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/\p{Script=Han}|[\p{L}\p{N}]+/gu) ?? []
  );
}

/** The set of adjacent word pairs (single words for texts of one word). */
export function shingles(text: string): Set<string> {
  const w = words(text);
  if (w.length < 2) return new Set(w);
  const out = new Set<string>();
  for (let i = 0; i < w.length - 1; i++) out.add(`${w[i]} ${w[i + 1]}`);
  return out;
}

/** Jaccard similarity of two shingle sets, 0–1. */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  for (const s of a) if (b.has(s)) common++;
  return common / (a.size + b.size - common);
}

/** Texts this similar (Jaccard of word pairs) count as near-duplicates. */
export const NEAR_DUPLICATE = 0.8;
