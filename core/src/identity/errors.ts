import { defineError } from '../errors/lifelong-error.js';

export const AlreadyRegistered = defineError(
  'IDENTITY_ALREADY_REGISTERED',
  409,
  'A person with this national ID is already registered',
);
export const PersonNotFound = defineError('IDENTITY_PERSON_NOT_FOUND', 404, 'No such person');
export const GuardianRequired = defineError(
  'IDENTITY_GUARDIAN_REQUIRED',
  403,
  'Minors are registered and managed by a guardian',
);
export const InvalidCredentials = defineError(
  'IDENTITY_INVALID_CREDENTIALS',
  401,
  'The learner number or the password is wrong',
);
export const SignInThrottled = defineError('IDENTITY_SIGN_IN_THROTTLED', 429, 'Too many failed sign-ins');
export const InvalidRefreshToken = defineError(
  'IDENTITY_INVALID_REFRESH_TOKEN',
  401,
  'The refresh token is unknown, expired or revoked',
);
export const MergeRefused = defineError('IDENTITY_MERGE_REFUSED', 409, 'These records cannot be merged');
export const UnknownRegion = defineError('IDENTITY_UNKNOWN_REGION', 400, 'No such region');
export const UnknownInstitution = defineError('IDENTITY_INSTITUTION_NOT_FOUND', 404, 'No such institution');
export const GrantRefused = defineError('IDENTITY_GRANT_REFUSED', 403, 'You may not grant this role here');
export const ApiKeyNotFound = defineError('IDENTITY_API_KEY_NOT_FOUND', 404, 'No such API key');
export const RoleGrantNotFound = defineError('IDENTITY_ROLE_GRANT_NOT_FOUND', 404, 'No such role grant');
export const RegionExists = defineError('IDENTITY_REGION_EXISTS', 409, 'A region with this id exists');
export const NotAMinor = defineError(
  'IDENTITY_NOT_A_MINOR',
  409,
  'Guardianship is for minors only: this person is an adult',
);
export const GuardianNotEligible = defineError(
  'IDENTITY_GUARDIAN_NOT_ELIGIBLE',
  409,
  'A guardian must be another, verified adult',
);
export const VerificationTransitionRefused = defineError(
  'IDENTITY_VERIFICATION_TRANSITION_REFUSED',
  409,
  "This decision is not possible in the person's current verification status",
);
export const ConflictOfInterest = defineError(
  'IDENTITY_CONFLICT_OF_INTEREST',
  403,
  'Nobody decides on themself or on a person linked to them by guardianship',
);
export const LastPlatformAdminKey = defineError(
  'IDENTITY_LAST_PLATFORM_ADMIN_KEY',
  409,
  'The last active platform-admin API key cannot be revoked',
);
export const PasswordIncorrect = defineError('IDENTITY_PASSWORD_INCORRECT', 403, 'The current password is wrong');
export const CodeCooldown = defineError('IDENTITY_CODE_COOLDOWN', 429, 'A code was sent a moment ago');
/** Extensions: `reason` — `none` (nothing pending), `expired`, `attempts` (too many wrong codes). */
export const ContactCodeUnusable = defineError(
  'IDENTITY_CONTACT_CODE_UNUSABLE',
  409,
  'No usable code for this contact',
);
export const ContactNotFound = defineError('IDENTITY_CONTACT_NOT_FOUND', 404, 'No such contact');
export const ResetCodeInvalid = defineError(
  'IDENTITY_RESET_CODE_INVALID',
  400,
  'The learner number or the reset code is wrong, expired or used',
);
export const SecondFactorRequired = defineError(
  'IDENTITY_SECOND_FACTOR_REQUIRED',
  401,
  'This account signs in with a second factor: send `code` from the authenticator app, or a `recoveryCode`',
);
export const SecondFactorInvalid = defineError(
  'IDENTITY_SECOND_FACTOR_INVALID',
  401,
  'The authenticator code or recovery code is wrong, expired or used',
);
export const TwoFactorEnrolmentRequired = defineError(
  'IDENTITY_TWO_FACTOR_ENROLMENT_REQUIRED',
  403,
  'Your roles here require two-factor sign-in: enrol an authenticator app first',
);
/** Extensions: `reason` — `enabled` (already on), `not-pending` (nothing to confirm), `not-enabled`, `required` (the region requires it). */
export const TwoFactorStateConflict = defineError(
  'IDENTITY_TWO_FACTOR_STATE',
  409,
  'Two-factor sign-in is not in a state that allows this',
);
