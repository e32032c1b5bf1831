import type { ItemInput, ItemPrompt } from '../shared/items.js';
import type { AttemptRow } from '../shared/tables.js';
import type { Attempt } from './schemas.js';
import { summaryView } from './store.js';

// The attempt as JSON. The one place keys could leak to a taker, so the rule is here alone: an
// item's prompt is built field by field (never by removing `key` from a copy), and a key is
// added only when the attempt is scored and `showKeys` says so.

function promptOf(item: ItemInput, shownOptionIds: string[] | null): ItemPrompt {
  const points = item.points ?? 1;
  if (item.kind === 'numeric' || item.kind === 'shortAnswer') {
    return { kind: item.kind, prompt: item.prompt, points, options: null };
  }
  const byId = new Map(item.options.map((o) => [o.id, o.text]));
  const order = shownOptionIds ?? item.options.map((o) => o.id);
  return {
    kind: item.kind,
    prompt: item.prompt,
    points,
    options: order.map((id) => ({ id, text: byId.get(id) ?? '' })),
  };
}

/** The attempt with its items; keys only for a scored attempt and a viewer allowed them. */
export function attemptView(row: AttemptRow, showKeys: boolean): Attempt {
  const scored = row.status === 'scored';
  return {
    ...summaryView(row),
    items: row.items.map((entry, i) => ({
      position: i + 1,
      itemId: entry.itemId,
      prompt: promptOf(entry.item, entry.shownOptionIds),
      response: row.responses[i] ?? null,
      earnedPoints: scored && row.results ? (row.results[i]?.earnedMilli ?? 0) / 1000 : null,
      key: scored && showKeys ? entry.item.key : null,
    })),
  };
}
