import { Type } from '@sinclair/typebox';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HumanText, humanTextIssue, normalizeHumanText } from './human-text.js';
import { normalizeHumanTextFields } from './normalize-fields.js';

const BIDI_CONTROLS = [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
const INVISIBLES = [
  ' ',
  '\u00a0',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u3000',
  '\u3164',
  '\u2800',
  '\ufe0f',
];
const char = (code: number) => String.fromCodePoint(code);

/** Names in several scripts, with the joiners some of them need. */
const names = fc.constantFrom(
  'Anna Wong',
  '王小明',
  'José Martínez',
  "O'Brien-Smith",
  'محمد علي',
  'नमस्ते',
  'می\u200cخواهم',
  '김민준',
);

describe('names (human text)', () => {
  it('accepts names of any script, zero-width joiners inside included', () => {
    fc.assert(
      fc.property(names, (name) => {
        expect(humanTextIssue(name)).toBeNull();
      }),
    );
  });

  it('refuses a bidirectional control anywhere in a name', () => {
    fc.assert(
      fc.property(names, fc.constantFrom(...BIDI_CONTROLS), fc.nat(), (name, control, at) => {
        const i = at % (name.length + 1);
        expect(humanTextIssue(name.slice(0, i) + char(control) + name.slice(i))?.rule).toBe('text.bidiControl');
      }),
    );
  });

  it('refuses every control character (Cc), tabs and line breaks included', () => {
    const controls = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }));
    fc.assert(
      fc.property(names, controls, (name, control) => {
        expect(humanTextIssue(`${name}${char(control)}x`)?.rule).toBe('text.controlCharacter');
      }),
    );
  });

  it('refuses a name made only of invisible characters and spaces, and accepts one visible letter among them', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...INVISIBLES), { minLength: 1, maxLength: 12 }), (parts) => {
        expect(humanTextIssue(parts.join(''))?.rule).toBe('text.invisibleOnly');
        expect(humanTextIssue(`${parts.join('')}a`)).toBeNull();
      }),
    );
  });

  it('normalises to NFC: composed and decomposed forms become one, and normalising twice changes nothing', () => {
    expect(normalizeHumanText('Jose\u0301')).toBe('José');
    expect(normalizeHumanText('Jose\u0301')).toBe(normalizeHumanText('Jos\u00e9'));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = normalizeHumanText(text);
        expect(normalizeHumanText(once)).toBe(once);
        // Normalisation neither adds nor removes what the rules look at.
        expect(humanTextIssue(once)?.rule).toBe(humanTextIssue(text)?.rule);
      }),
    );
  });

  it('normalises the name fields of a request part, nested and in arrays, and leaves other strings alone', () => {
    const schema = Type.Object({
      name: HumanText(),
      note: Type.String(),
      members: Type.Array(Type.Object({ name: HumanText() })),
      alias: Type.Optional(Type.Union([HumanText(), Type.Null()])),
    });
    const value = normalizeHumanTextFields(schema, {
      name: 'Jose\u0301',
      note: 'Jose\u0301',
      members: [{ name: 'Rene\u0301e' }],
      alias: 'Zoe\u0308',
    });
    expect(value).toEqual({ name: 'José', note: 'Jose\u0301', members: [{ name: 'Renée' }], alias: 'Zoë' });
  });
});
