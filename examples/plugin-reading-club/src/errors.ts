import { defineError } from '@lifelong/core/contract';

// The plugin's own error kinds. Codes are stable (clients match on them) and prefixed with the plugin.
export const ClubNotFound = defineError('READING_CLUB_NOT_FOUND', 404, 'No such reading club in this region');
export const ClubFull = defineError('READING_CLUB_FULL', 409, 'The reading club is full');
export const NotAMember = defineError('READING_CLUB_NOT_A_MEMBER', 403, 'Only members of the club may do this');
export const PeopleOnly = defineError('READING_CLUB_PEOPLE_ONLY', 403, 'Only people can belong to reading clubs');
