import { defineContract } from '@lifelong/core/contract';
import { InsufficientFunds, LedgerRefused } from '../shared/errors.js';
import { AnnualCapExceeded, InexactConversion, NotAFamily, ReceiverNotYounger } from './errors.js';
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
  errors: [AnnualCapExceeded, NotAFamily, ReceiverNotYounger, InexactConversion, InsufficientFunds, LedgerRefused],
  summary: 'Convert your points into learning vouchers for a younger member of your family',
  access: { authenticated: 'an adult elder or parent of the family group' },
  request: { params: FamilyGroupParams, body: FamilyTransferBody },
  responses: { 201: { description: 'The transfer', schema: FamilyTransfer } },
});

export const listFamilyTransfers = defineContract({
  operationId: 'family.transfers.list',
  method: 'get',
  path: '/family/groups/{groupId}/transfers',
  summary: "The family group's transfers, oldest first",
  access: { authenticated: 'members of the family group' },
  request: { params: FamilyGroupParams, query: FamilyTransferListQuery },
  responses: { 200: { description: 'A page of transfers', schema: FamilyTransferPage } },
});

export const getFamilyAllowance = defineContract({
  operationId: 'family.allowance.get',
  method: 'get',
  path: '/family/allowance',
  summary: 'What you converted for family members this year, the cap and the rate in this region',
  access: { authenticated: 'a signed-in person, for their own allowance' },
  responses: { 200: { description: 'The allowance', schema: FamilyAllowance } },
});
