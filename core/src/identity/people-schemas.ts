import { type Static, Type } from '@sinclair/typebox';
import { EXAMPLE_LEARNER_NUMBER, LEARNER_NUMBER_PATTERN } from './learner-number-pattern.js';

/** A learner number field; the description says what the number is for in that place. */
export const learnerNumber = (
  description = 'Lifelong learner number: 15 digits and an ISO 7064 MOD 11-2 check character.',
) => Type.String({ pattern: LEARNER_NUMBER_PATTERN, description, examples: [EXAMPLE_LEARNER_NUMBER] });

export const LearnerNumber = learnerNumber();

/** No control characters; letters of any script, spaces, and the punctuation names use. */
const LegalName = Type.String({
  minLength: 1,
  maxLength: 200,
  // TypeBox compiles patterns without the `u` flag, so control characters are spelled out.
  pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f]+$',
  description: 'Legal name as on the identity document.',
});

const Password = Type.String({ minLength: 10, maxLength: 200, description: 'At least 10 characters.' });

/**
 * A national ID. `schemes` are the platform's registered scheme ids, listed as the `enum` of
 * `scheme` in the document; the registration service refuses others (400, rule `scheme`, naming
 * the known ones), since the set is configured per platform.
 */
export const nationalIdInput = (schemes: readonly string[] = ['CN-RIC']) =>
  Type.Object(
    {
      scheme: Type.String({
        minLength: 1,
        maxLength: 32,
        enum: [...schemes],
        description: `A registered national ID scheme: ${schemes.join(', ')}.`,
      }),
      number: Type.String({
        minLength: 1,
        maxLength: 64,
        description: "The number, as the scheme's document shows it.",
      }),
    },
    { additionalProperties: false },
  );
export const NationalIdInput = nationalIdInput();

/** The registration body, for a platform whose national ID schemes are `schemes`. */
export const registerPersonBody = (schemes?: readonly string[]) =>
  Type.Object(
    {
      legalName: LegalName,
      dateOfBirth: Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' }),
      nationalId: nationalIdInput(schemes),
      password: Password,
      guardianLearnerNumber: Type.Optional(
        learnerNumber(
          'For a minor registered by a registrar: the guardian. A signed-in adult registering a minor becomes the guardian.',
        ),
      ),
    },
    { additionalProperties: false },
  );
export const RegisterPersonBody = registerPersonBody();
export type RegisterPersonBody = Static<typeof RegisterPersonBody>;

export const PersonView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  learnerNumber: LearnerNumber,
  legalName: Type.String(),
  dateOfBirth: Type.String({ format: 'date' }),
  nationalId: Type.Object({
    scheme: Type.String(),
    masked: Type.String({ description: 'Never the full number.' }),
  }),
  status: Type.Union([Type.Literal('unverified'), Type.Literal('verified')]),
  regionId: Type.String(),
  isMinor: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  verifiedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type PersonView = Static<typeof PersonView>;

export const LearnerNumberParams = Type.Object({ learnerNumber: LearnerNumber });

export const VerificationBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
    evidence: Type.Object(
      {
        kind: Type.Union([
          Type.Literal('document-check'),
          Type.Literal('in-person'),
          Type.Literal('government-service'),
        ]),
        reference: Type.String({ minLength: 1, maxLength: 200, description: 'e.g. the case or document number' }),
        note: Type.Optional(Type.String({ maxLength: 2000 })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type VerificationBody = Static<typeof VerificationBody>;

export const MergeBody = Type.Object(
  {
    into: learnerNumber('The surviving learner number.'),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);

export const GuardianBody = Type.Object({ guardianLearnerNumber: LearnerNumber }, { additionalProperties: false });
