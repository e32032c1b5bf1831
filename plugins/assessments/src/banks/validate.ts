import type { FieldError } from '@lifelong/core';
import type { ItemInput } from '../shared/items.js';
import { normaliseAnswer } from '../shared/normalise.js';

// What the schema cannot say about an item: that its key fits its options. `at` is the item's
// path in the request (`/body` for one item, `/body/items/3` in an import).

const error = (path: string, rule: string, message: string): FieldError => ({ path, rule, message });

/** Every way the item's key contradicts its options, as field errors under `at`. */
export function itemErrors(item: ItemInput, at: string): FieldError[] {
  const errors: FieldError[] = [];
  if (item.kind === 'numeric') return errors;
  if (item.kind === 'shortAnswer') {
    item.key.acceptedAnswers.forEach((answer, i) => {
      if (normaliseAnswer(answer) === '') {
        errors.push(error(`${at}/key/acceptedAnswers/${i}`, 'notBlank', 'An accepted answer must not be blank.'));
      }
    });
    return errors;
  }
  const ids = new Set<string>();
  item.options.forEach((option, i) => {
    if (ids.has(option.id)) {
      errors.push(error(`${at}/options/${i}/id`, 'uniqueOptionId', `Option id "${option.id}" is used twice.`));
    }
    ids.add(option.id);
  });
  const unknown = (path: string, id: string) =>
    errors.push(error(path, 'optionExists', `"${id}" is not one of the item's option ids.`));
  if (item.kind === 'singleChoice') {
    if (!ids.has(item.key.correctOptionId)) unknown(`${at}/key/correctOptionId`, item.key.correctOptionId);
  } else if (item.kind === 'multipleChoice') {
    item.key.correctOptionIds.forEach((id, i) => {
      if (!ids.has(id)) unknown(`${at}/key/correctOptionIds/${i}`, id);
    });
  } else {
    item.key.correctOrder.forEach((id, i) => {
      if (!ids.has(id)) unknown(`${at}/key/correctOrder/${i}`, id);
    });
    if (item.key.correctOrder.length !== ids.size) {
      errors.push(error(`${at}/key/correctOrder`, 'permutation', 'The order must name every option exactly once.'));
    }
  }
  return errors;
}

/** The item with its defaults written out, as it is stored and exported. */
export function withDefaults(item: ItemInput): ItemInput {
  const filled = { ...item, skills: item.skills ?? [], points: item.points ?? 1 };
  if (filled.kind === 'numeric') return { ...filled, key: { ...filled.key, tolerance: filled.key.tolerance ?? 0 } };
  if (filled.kind === 'multipleChoice' || filled.kind === 'ordering') {
    return { ...filled, scoring: filled.scoring ?? 'allOrNothing' };
  }
  return filled;
}
