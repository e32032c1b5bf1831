import { type Static, Type } from '@sinclair/typebox';
import { HumanText } from '../text/human-text.js';
import { EXAMPLE_LEARNER_NUMBER, LEARNER_NUMBER_PATTERN } from './learner-number-pattern.js';

/** A learner number field; the description says what the number is for in that place. */
export const learnerNumber = (
  description = 'Lifelong learner number: 15 digits and an ISO 7064 MOD 11-2 check character.',
) => Type.String({ pattern: LEARNER_NUMBER_PATTERN, description, examples: [EXAMPLE_LEARNER_NUMBER] });

export const LearnerNumber = learnerNumber();

/** Letters of any script, spaces, and the punctuation names use (see HumanText). */
const LegalName = HumanText({ minLength: 1, maxLength: 200, description: 'Legal name as on the identity document.' });

/**
 * The name a person chooses to be shown by to others (a teacher's profile, a listing): public
 * wherever the person appears, unlike the legal name.
 */
export const DisplayName = HumanText({
  minLength: 1,
  maxLength: 80,
  description: 'The name shown to others; letters of any script, no control or bidirectional characters.',
});

export const Password = Type.String({
  minLength: 10,
  maxLength: 200,
  description:
    'At least 10 characters; not a common password, a keyboard run, a repeated pattern or your own learner or ID number (docs/identity.md).',
});

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

/** What a registrar saw: the kind of check and its reference (a case or document number). */
export const Evidence = Type.Object(
  {
    kind: Type.Union([Type.Literal('document-check'), Type.Literal('in-person'), Type.Literal('government-service')]),
    reference: Type.String({ minLength: 1, maxLength: 200, description: 'e.g. the case or document number' }),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type Evidence = Static<typeof Evidence>;

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
          'For a minor registered by a registrar: the guardian, a verified adult. A signed-in verified adult registering a minor becomes the guardian.',
        ),
      ),
      guardianEvidence: Type.Optional(
        Type.Object(Evidence.properties, {
          additionalProperties: false,
          description: 'Required with guardianLearnerNumber: what proves the named guardian is the guardian (audited).',
        }),
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
  displayName: Type.Union([Type.String(), Type.Null()], {
    description: 'The name the person chose to be shown by; null until they choose one.',
  }),
  dateOfBirth: Type.String({ format: 'date' }),
  nationalId: Type.Object({
    scheme: Type.String(),
    masked: Type.String({ description: 'Never the full number.' }),
  }),
  status: Type.Union(
    [Type.Literal('unverified'), Type.Literal('verified'), Type.Literal('rejected'), Type.Literal('revoked')],
    {
      description:
        'Verification status: unverified → verified | rejected; verified → revoked; rejected | revoked → verified. ' +
        'Only verified people hold lifetime credits.',
    },
  ),
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
    evidence: Evidence,
  },
  { additionalProperties: false },
);
export type VerificationBody = Static<typeof VerificationBody>;

export const RevocationBody = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 2000, description: 'Why the verification no longer holds.' }),
    evidence: Type.Optional(Evidence),
  },
  { additionalProperties: false },
);
export type RevocationBody = Static<typeof RevocationBody>;

export const MergeBody = Type.Object(
  {
    into: learnerNumber('The surviving learner number.'),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);

export const GuardianBody = Type.Object(
  {
    guardianLearnerNumber: learnerNumber('The verified adult who becomes a guardian.'),
    evidence: Type.Optional(
      Type.Object(Evidence.properties, {
        additionalProperties: false,
        description:
          'Required when a registrar links the guardian (what proves the relationship); ' +
          'an existing guardian adding a co-guardian gives their consent by the request itself.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type GuardianBody = Static<typeof GuardianBody>;

export const GuardianReassignmentBody = Type.Object(
  {
    guardianLearnerNumbers: Type.Array(learnerNumber(), {
      minItems: 1,
      maxItems: 4,
      uniqueItems: true,
      description: "The minor's guardians from now on: verified adults; everyone else loses guardianship.",
    }),
    evidence: Evidence,
    minorPassword: Type.Optional(
      Type.String({
        minLength: 10,
        maxLength: 200,
        description:
          "A new password for the minor, chosen with the new guardians. When a guardian is removed without one, the minor's password is cleared (a removed guardian may know it).",
      }),
    ),
  },
  { additionalProperties: false },
);
export type GuardianReassignmentBody = Static<typeof GuardianReassignmentBody>;

export const GuardiansView = Type.Object({
  learnerNumber: LearnerNumber,
  guardians: Type.Array(LearnerNumber, { description: "The guardians' learner numbers." }),
});
export type GuardiansView = Static<typeof GuardiansView>;
