import { defineError } from '@lifelong/core/contract';

// The plugin's error kinds. Codes are stable once published; clients match on them. Contracts
// list them (`errors: [...]`), so this module loads no server code (client-entry.test.ts).
export const PeopleOnly = defineError('COMMUNITY_PEOPLE_ONLY', 403, 'Only people can do this');
export const NotAModerator = defineError('COMMUNITY_NOT_A_MODERATOR', 403, 'Only the region’s moderators can do this');
export const TrustLevelTooLow = defineError(
  'COMMUNITY_TRUST_LEVEL_TOO_LOW',
  403,
  'Your trust level does not allow this yet',
);
export const Suspended = defineError('COMMUNITY_SUSPENDED', 403, 'You are suspended from the community');
export const LimitReached = defineError('COMMUNITY_RATE_LIMITED', 429, 'You reached a limit of your trust level');
export const PostNotFound = defineError('COMMUNITY_POST_NOT_FOUND', 404, 'No such post');
export const PostNotAppealable = defineError(
  'COMMUNITY_POST_NOT_APPEALABLE',
  409,
  'Only a hidden or removed post can be appealed, once at a time',
);
export const AlreadyFlagged = defineError('COMMUNITY_ALREADY_FLAGGED', 409, 'You flagged this post already');
export const FileMismatch = defineError(
  'COMMUNITY_FILE_TYPE_MISMATCH',
  415,
  'The file’s bytes are not of the declared type',
);
export const FileTooLarge = defineError('COMMUNITY_FILE_TOO_LARGE', 413, 'The file is larger than the region allows');
export const AppealNotFound = defineError('COMMUNITY_APPEAL_NOT_FOUND', 404, 'No such appeal');
export const AppealClosed = defineError('COMMUNITY_APPEAL_CLOSED', 409, 'The appeal was decided already');
export const SuspensionNotFound = defineError('COMMUNITY_SUSPENSION_NOT_FOUND', 404, 'No such suspension proposal');
export const SecondModeratorRequired = defineError(
  'COMMUNITY_SECOND_MODERATOR_REQUIRED',
  409,
  'A suspension takes two different moderators',
);
export const NeedNotFound = defineError('COMMUNITY_NEED_NOT_FOUND', 404, 'No such learning need');
export const OfferNotFound = defineError('COMMUNITY_OFFER_NOT_FOUND', 404, 'No such offer on this need');
export const NeedClosed = defineError('COMMUNITY_NEED_CLOSED', 409, 'The learning need is no longer open');
export const InsufficientPoints = defineError(
  'COMMUNITY_INSUFFICIENT_POINTS',
  409,
  'Your wallet holds too few points for this bounty',
);
export const EscrowFailed = defineError('COMMUNITY_ESCROW_FAILED', 409, 'The ledger refused the bounty’s escrow');
export const MemberNotFound = defineError('COMMUNITY_PERSON_NOT_FOUND', 404, 'No such person');
export const AlreadyOffered = defineError('COMMUNITY_ALREADY_OFFERED', 409, 'You made an offer on this need already');
