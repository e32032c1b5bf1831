import { defineContract } from '@lifelong/core/contract';
import { GroupNotFound, InsufficientFunds, LedgerRefused, MinorCannotSend, NotAGroupMember } from '../shared/errors.js';
import { OutOfStock, ResourceWithdrawn } from '../shared/exchange/errors.js';
import { AlreadyApproved, NotAPoolManager, SpendRequestClosed, SpendRequestNotFound } from './errors.js';
import {
  ContributionBody,
  Pool,
  PoolListQuery,
  PoolMovement,
  PoolMovementPage,
  PoolParams,
  SpendRequest,
  SpendRequestBody,
  SpendRequestPage,
  SpendRequestParams,
  WithdrawalRequestBody,
} from './schemas.js';

export const getPool = defineContract({
  operationId: 'pools.get',
  method: 'get',
  path: '/pools/{groupId}',
  summary: "The group's pool: balance, what pending spends hold, and the approval count",
  description:
    "Any member of the group: the pool's `balance`, what spends not yet delivered hold (`held`), what is " +
    '`available`, and how many managing members must approve a spend. Non-members get 403 ' +
    '`CREDIT_BANK_NOT_A_GROUP_MEMBER`; a group of another region is a 404.',
  access: { authenticated: 'members of the group' },
  request: { params: PoolParams },
  responses: { 200: { description: 'The pool', schema: Pool } },
});

export const listPoolMovements = defineContract({
  operationId: 'pools.movements.list',
  method: 'get',
  path: '/pools/{groupId}/movements',
  summary: "Every movement of the group's pool, oldest first",
  description:
    'Any member of the group sees every contribution and spend, with who made it, a page at a time ' +
    '(`?limit=&cursor=`). Non-members get 403 `CREDIT_BANK_NOT_A_GROUP_MEMBER`; a group of another region is a 404.',
  access: { authenticated: 'members of the group' },
  request: { params: PoolParams, query: PoolListQuery },
  responses: { 200: { description: 'A page of movements', schema: PoolMovementPage } },
});

export const contributeToPool = defineContract({
  operationId: 'pools.contributions.create',
  method: 'post',
  path: '/pools/{groupId}/contributions',
  errors: [GroupNotFound, NotAGroupMember, MinorCannotSend, InsufficientFunds, LedgerRefused],
  summary: "Contribute points from your wallet to the group's pool",
  description:
    'An adult member of the group moves `points` from their own wallet into its pool; minors get 403 ' +
    '`CREDIT_BANK_MINOR_CANNOT_SEND`, non-members 403 `CREDIT_BANK_NOT_A_GROUP_MEMBER`. 409 ' +
    '`CREDIT_BANK_INSUFFICIENT_FUNDS` when the wallet holds too little. Send an `Idempotency-Key` so that a retry ' +
    'does not contribute twice.',
  access: { authenticated: 'adult members of the group' },
  request: { params: PoolParams, body: ContributionBody },
  responses: { 201: { description: 'The movement', schema: PoolMovement } },
});

export const createSpendRequest = defineContract({
  operationId: 'pools.spendRequests.create',
  method: 'post',
  path: '/pools/{groupId}/spend-requests',
  // At an approval count of 1 the proposal executes at once: a redemption paid by the pool.
  errors: [
    GroupNotFound,
    NotAGroupMember,
    NotAPoolManager,
    MinorCannotSend,
    OutOfStock,
    ResourceWithdrawn,
    InsufficientFunds,
    LedgerRefused,
  ],
  summary: 'Propose spending the pool on a resource (counts as your approval; executes at the approval count)',
  description:
    'An adult managing member (an elder or parent of a family, an admin of other groups; others get 403) proposes ' +
    'spending the pool on a resource of the region, and the proposal counts as their approval. When that reaches ' +
    'the approval count the spend executes at once: a redemption paid from the pool, refused (409) when the ' +
    'resource is out of stock or withdrawn or the pool holds too little. Send an `Idempotency-Key` so that a retry ' +
    'does not propose twice.',
  access: { authenticated: 'managing members of the group' },
  request: { params: PoolParams, body: SpendRequestBody },
  responses: { 201: { description: 'The spend request', schema: SpendRequest } },
});

export const createWithdrawalRequest = defineContract({
  operationId: 'pools.withdrawalRequests.create',
  method: 'post',
  path: '/pools/{groupId}/withdrawal-requests',
  // At an approval count of 1 the proposal executes at once: the transfer out of the pool.
  errors: [GroupNotFound, NotAGroupMember, NotAPoolManager, MinorCannotSend, InsufficientFunds, LedgerRefused],
  summary: 'Propose paying points out of the pool to a member (approved like a spend)',
  description:
    'An adult managing member (others get 403) proposes paying `points` from the pool into the POINT wallet of a ' +
    'member of the group, themself included (a non-member is 400, rule `groupMember`); the proposal counts as ' +
    'their approval, and the approval that reaches the count (the same as for spends) pays it at once, or is ' +
    'refused whole (409) when the pool holds too little. It is listed and approved with the spend requests ' +
    '(`kind: "withdrawal"`). Send an `Idempotency-Key` so that a retry does not propose twice.',
  access: { authenticated: 'managing members of the group' },
  request: { params: PoolParams, body: WithdrawalRequestBody },
  responses: { 201: { description: 'The withdrawal request', schema: SpendRequest } },
});

export const listSpendRequests = defineContract({
  operationId: 'pools.spendRequests.list',
  method: 'get',
  path: '/pools/{groupId}/spend-requests',
  summary: "The group's spend and withdrawal requests, oldest first",
  description:
    'Any member of the group sees its spend requests with their approval counts, a page at a time ' +
    '(`?limit=&cursor=`). Non-members get 403 `CREDIT_BANK_NOT_A_GROUP_MEMBER`; a group of another region is a 404.',
  access: { authenticated: 'members of the group' },
  request: { params: PoolParams, query: PoolListQuery },
  responses: { 200: { description: 'A page of spend requests', schema: SpendRequestPage } },
});

export const approveSpendRequest = defineContract({
  operationId: 'pools.spendRequests.approve',
  method: 'post',
  path: '/pools/{groupId}/spend-requests/{requestId}/approvals',
  errors: [
    GroupNotFound,
    NotAGroupMember,
    SpendRequestNotFound,
    NotAPoolManager,
    MinorCannotSend,
    SpendRequestClosed,
    AlreadyApproved,
    OutOfStock,
    ResourceWithdrawn,
    InsufficientFunds,
    LedgerRefused,
  ],
  summary: 'Approve a spend or withdrawal request; the approval that reaches the count executes it',
  description:
    'An adult managing member of the group (others get 403) approves; the approval that reaches the count executes ' +
    'the spend as a redemption paid from the pool, and if that is refused (no stock, too little in the pool) ' +
    'nothing is recorded, approval included. 409 `CREDIT_BANK_SPEND_REQUEST_CLOSED` once it has executed, ' +
    '`CREDIT_BANK_ALREADY_APPROVED` for a second approval by the same person.',
  access: { authenticated: 'managing members of the group' },
  request: { params: SpendRequestParams },
  responses: { 200: { description: 'The spend request', schema: SpendRequest } },
});
