import { type StringOptions, Type } from '@sinclair/typebox';

/**
 * Text that people read as a name: a legal name, a group's, an institution's, a region's, an API
 * key's. It is shown to others, printed on transcripts and compared, so it must look like what it
 * is: no bidirectional controls (U+202E reverses what follows it, so a name can read as another
 * and spoof the text around it), no control characters, and not invisible altogether (a name of
 * zero-width spaces shows as nothing). Zero-width joiners and non-joiners inside a name are
 * allowed: some scripts need them. Stored and compared in Unicode NFC, so "é" typed as one code
 * point or as "e" + U+0301 is one name.
 */

export type HumanTextRule = 'text.bidiControl' | 'text.controlCharacter' | 'text.invisibleOnly';

export interface HumanTextIssue {
  rule: HumanTextRule;
  message: string;
}

/** Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), LRM/RLM and the Arabic letter mark. */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** Unicode Cc: C0, DEL and C1; tab and line breaks included, a name is one line. */
const CONTROL = /\p{Cc}/u;

/**
 * Characters that render as nothing, or as blank space: whitespace, format characters
 * (zero-width space and joiners, word joiner, BOM, soft hyphen…), default-ignorable code points
 * (variation selectors, Hangul fillers) and the blank Braille pattern.
 */
const INVISIBLE_ONLY = /^[\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]*$/u;

/** What is wrong with `text` as a name, or null when nothing is. */
export function humanTextIssue(text: string): HumanTextIssue | null {
  if (BIDI_CONTROL.test(text)) {
    return { rule: 'text.bidiControl', message: 'Must not contain bidirectional control characters' };
  }
  if (CONTROL.test(text)) {
    return { rule: 'text.controlCharacter', message: 'Must not contain control characters' };
  }
  if (INVISIBLE_ONLY.test(text)) {
    return { rule: 'text.invisibleOnly', message: 'Must contain a visible character' };
  }
  return null;
}

/** The form names are stored and compared in. */
export const normalizeHumanText = (text: string): string => text.normalize('NFC');

/** The schema format of a name field; checked by `humanTextIssue`, normalised after validation. */
export const HUMAN_TEXT_FORMAT = 'human-text';

/**
 * A name field: a string with the rules above (errors name the rule, e.g. `text.bidiControl`),
 * handed to the handler in NFC.
 */
export const HumanText = (options: StringOptions = {}) =>
  Type.String({
    ...options,
    format: HUMAN_TEXT_FORMAT,
    description: [
      options.description,
      'No bidirectional or other control characters, not only invisible characters; stored in Unicode NFC.',
    ]
      .filter(Boolean)
      .join(' '),
  });
