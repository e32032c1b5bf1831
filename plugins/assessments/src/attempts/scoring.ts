import type { ItemInput, Response } from '../shared/items.js';
import { normaliseAnswer } from '../shared/normalise.js';

// Scoring, pure: the rules documented in docs/plugins/assessments.md ("Scoring"). Points are kept
// in thousandths so that partial credit is an exact integer (rounded down per item) and the pass
// test is an integer comparison.

export interface Scored {
  earnedMilli: number;
  maxMilli: number;
}

/** How far a numeric answer may be off by floating point alone (0.1 + 0.2 is not 0.3). */
const slack = (value: number) => 1e-9 * Math.max(1, Math.abs(value));

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

/** The share of an item's points a response earns, in [0, 1], as a fraction `num / den`. */
function fraction(item: ItemInput, response: Response | null): [number, number] {
  if (response === null) return [0, 1];
  switch (item.kind) {
    case 'singleChoice': {
      if (!('optionIds' in response)) return [0, 1];
      return [response.optionIds.length === 1 && response.optionIds[0] === item.key.correctOptionId ? 1 : 0, 1];
    }
    case 'multipleChoice': {
      if (!('optionIds' in response)) return [0, 1];
      const correct = new Set(item.key.correctOptionIds);
      const picked = new Set(response.optionIds);
      const right = [...picked].filter((id) => correct.has(id)).length;
      const wrong = picked.size - right;
      if ((item.scoring ?? 'allOrNothing') === 'allOrNothing') {
        return [right === correct.size && wrong === 0 ? 1 : 0, 1];
      }
      return [Math.max(0, right - wrong), correct.size];
    }
    case 'numeric': {
      if (!('number' in response)) return [0, 1];
      const tolerance = item.key.tolerance ?? 0;
      return [Math.abs(response.number - item.key.value) <= tolerance + slack(item.key.value) ? 1 : 0, 1];
    }
    case 'shortAnswer': {
      if (!('text' in response)) return [0, 1];
      const given = normaliseAnswer(response.text);
      return [given !== '' && item.key.acceptedAnswers.some((a) => normaliseAnswer(a) === given) ? 1 : 0, 1];
    }
    case 'ordering': {
      if (!('order' in response)) return [0, 1];
      const key = item.key.correctOrder;
      if ((item.scoring ?? 'allOrNothing') === 'allOrNothing') return [sameList(response.order, key) ? 1 : 0, 1];
      return [key.filter((id, i) => response.order[i] === id).length, key.length];
    }
  }
}

/** One item's score: its points times the earned share, in thousandths, rounded down. */
export function scoreItem(item: ItemInput, response: Response | null): Scored {
  const maxMilli = (item.points ?? 1) * 1000;
  const [num, den] = fraction(item, response);
  return { earnedMilli: Math.floor((maxMilli * num) / den), maxMilli };
}

/** An attempt's totals: the percent in hundredths (rounded down) and whether it reaches the pass mark. */
export function total(results: readonly Scored[], passPercent: number) {
  const earnedMilli = results.reduce((sum, r) => sum + r.earnedMilli, 0);
  const maxMilli = results.reduce((sum, r) => sum + r.maxMilli, 0);
  return {
    earnedMilli,
    maxMilli,
    scoreBasisPoints: maxMilli === 0 ? 0 : Math.floor((earnedMilli * 10_000) / maxMilli),
    passed: earnedMilli * 100 >= passPercent * maxMilli,
  };
}

/** Whether a response has the shape the item's kind takes (else the learner gets a 400). */
export function fitsKind(item: ItemInput, response: Response): boolean {
  switch (item.kind) {
    case 'singleChoice':
    case 'multipleChoice':
      return 'optionIds' in response;
    case 'numeric':
      return 'number' in response;
    case 'shortAnswer':
      return 'text' in response;
    case 'ordering':
      return 'order' in response;
  }
}
