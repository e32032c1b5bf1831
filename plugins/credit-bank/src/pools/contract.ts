import { defineContract } from '@lifelong/core/contract';
import { InsufficientFunds, LedgerRefused } from '../shared/errors.js';
import { OutOfStock, ResourceWithdrawn } from '../shared/exchange/errors.js';
import { AlreadyApproved, SpendRequestClosed } from './errors.js';
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
} from './schemas.js';

export const getPool = defineContract({
  operationId: 'pools.get',
  method: 'get',
  path: '/pools/{groupId}',
  summary: "The group's pool: balance, what pending spends hold, and the approval count",
  access: { authenticated: 'members of the group' },
  request: { params: PoolParams },
  responses: { 200: { description: 'The pool', schema: Pool } },
});

export const listPoolMovements = defineContract({
  operationId: 'pools.movements.list',
  method: 'get',
  path: '/pools/{groupId}/movements',
  summary: "Every movement of the group's pool, oldest first",
  access: { authenticated: 'members of the group' },
  request: { params: PoolParams, query: PoolListQuery },
  responses: { 200: { description: 'A page of movements', schema: PoolMovementPage } },
});

export const contributeToPool = defineContract({
  operationId: 'pools.contributions.create',
  method: 'post',
  path: '/pools/{groupId}/contributions',
  errors: [InsufficientFunds, LedgerRefused],
  summary: "Contribute points from your wallet to the group's pool",
  access: { authenticated: 'adult members of the group' },
  request: { params: PoolParams, body: ContributionBody },
  responses: { 201: { description: 'The movement', schema: PoolMovement } },
});

export const createSpendRequest = defineContract({
  operationId: 'pools.spendRequests.create',
  method: 'post',
  path: '/pools/{groupId}/spend-requests',
  // At an approval count of 1 the proposal executes at once: a redemption paid by the pool.
  errors: [OutOfStock, ResourceWithdrawn, InsufficientFunds, LedgerRefused],
  summary: 'Propose spending the pool on a resource (counts as your approval; executes at the approval count)',
  access: { authenticated: 'managing members of the group' },
  request: { params: PoolParams, body: SpendRequestBody },
  responses: { 201: { description: 'The spend request', schema: SpendRequest } },
});

export const listSpendRequests = defineContract({
  operationId: 'pools.spendRequests.list',
  method: 'get',
  path: '/pools/{groupId}/spend-requests',
  summary: "The group's spend requests, oldest first",
  access: { authenticated: 'members of the group' },
  request: { params: PoolParams, query: PoolListQuery },
  responses: { 200: { description: 'A page of spend requests', schema: SpendRequestPage } },
});

export const approveSpendRequest = defineContract({
  operationId: 'pools.spendRequests.approve',
  method: 'post',
  path: '/pools/{groupId}/spend-requests/{requestId}/approvals',
  errors: [SpendRequestClosed, AlreadyApproved, OutOfStock, ResourceWithdrawn, InsufficientFunds, LedgerRefused],
  summary: 'Approve a spend request; the approval that reaches the count executes it',
  access: { authenticated: 'managing members of the group' },
  request: { params: SpendRequestParams },
  responses: { 200: { description: 'The spend request', schema: SpendRequest } },
});
