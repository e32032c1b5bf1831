import { defineContract } from '@lifelong/core/contract';
import { GroupNotFound, InsufficientFunds, LedgerRefused, MinorCannotSend, NotAGroupMember } from '../shared/errors.js';
import {
  AnnualCapExceeded,
  InexactConversion,
  NotAFamily,
  ReceiverNotYounger,
  SenderRoleNotAllowed,
} from './errors.js';
import {
  FamilyAllowance,
  FamilyGroupParams,
  FamilyTransfer,
  FamilyTransferBody,
  FamilyTransferListQuery,
  FamilyTransferPage,
} from './schemas.js';

export const createFamilyTransfer = defineContract({
  operationId: 'family.transfers.create',
  method: 'post',
  path: '/family/groups/{groupId}/transfers',
  errors: [
    GroupNotFound,
    NotAGroupMember,
    MinorCannotSend,
    SenderRoleNotAllowed,
    AnnualCapExceeded,
    NotAFamily,
    ReceiverNotYounger,
    InexactConversion,
    InsufficientFunds,
    LedgerRefused,
  ],
  summary: 'Convert your points into learning vouchers for a younger member of your family',
  description:
    'An adult elder or parent of a family group converts `points` from their wallet into learning vouchers, at the ' +
    "region's rate, for a younger member (`to`: elder → parent or child, parent → child; 422 otherwise). Minors and " +
    'children cannot send (403); the points must convert into whole vouchers (422 ' +
    "`CREDIT_BANK_FAMILY_INEXACT_CONVERSION`) and stay within the sender's annual cap (409 " +
    '`CREDIT_BANK_FAMILY_CAP_EXCEEDED`). Send an `Idempotency-Key` so that a retry does not convert twice.',
  access: { authenticated: 'an adult elder or parent of the family group' },
  request: { params: FamilyGroupParams, body: FamilyTransferBody },
  responses: { 201: { description: 'The transfer', schema: FamilyTransfer } },
});

export const listFamilyTransfers = defineContract({
  operationId: 'family.transfers.list',
  method: 'get',
  path: '/family/groups/{groupId}/transfers',
  summary: "The family group's transfers, oldest first",
  description:
    'Any member of the group sees every transfer made in it, a page at a time (`?limit=&cursor=`). Non-members get ' +
    '403 `CREDIT_BANK_NOT_A_GROUP_MEMBER`; a group of another region is a 404; a group that is not a family is ' +
    'refused like a transfer in it (`CREDIT_BANK_NOT_A_FAMILY`).',
  errors: [NotAFamily],
  access: { authenticated: 'members of the family group' },
  request: { params: FamilyGroupParams, query: FamilyTransferListQuery },
  responses: { 200: { description: 'A page of transfers', schema: FamilyTransferPage } },
});

export const getFamilyAllowance = defineContract({
  operationId: 'family.allowance.get',
  method: 'get',
  path: '/family/allowance',
  summary: 'What you converted for family members this year, the cap and the rate in this region',
  description:
    "The signed-in person's conversions this calendar year (UTC) against the region's annual cap (`capPoints`, " +
    '`sentPoints`, `remainingPoints`) and the points-to-vouchers `conversion` rate. API keys get 403 ' +
    '`CREDIT_BANK_PEOPLE_ONLY`.',
  access: { authenticated: 'a signed-in person, for their own allowance' },
  responses: { 200: { description: 'The allowance', schema: FamilyAllowance } },
});
