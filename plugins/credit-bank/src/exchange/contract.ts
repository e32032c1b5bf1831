import { defineContract } from '@lifelong/core/contract';
import { InsufficientFunds, LedgerRefused } from '../shared/errors.js';
import { OutOfStock, ResourceWithdrawn, VouchersNotAccepted } from '../shared/exchange/errors.js';
import { RedemptionNotHeld } from './errors.js';
import {
  CreateResourceBody,
  RedeemBody,
  Redemption,
  RedemptionListQuery,
  RedemptionPage,
  RedemptionParams,
  Resource,
  ResourceListQuery,
  ResourcePage,
  ResourceParams,
  UpdateResourceBody,
} from './schemas.js';

export const createResource = defineContract({
  operationId: 'exchange.resources.create',
  method: 'post',
  path: '/exchange/resources',
  summary: 'Offer a resource in the exchange, for an institution or for the region',
  access: { permission: 'exchange.manage' },
  request: { body: CreateResourceBody },
  responses: { 201: { description: 'The resource', schema: Resource } },
});

export const listResources = defineContract({
  operationId: 'exchange.resources.list',
  method: 'get',
  path: '/exchange/resources',
  summary: "The region's active resources, oldest first, optionally of one kind",
  access: { public: true },
  request: { query: ResourceListQuery },
  responses: { 200: { description: 'A page of resources', schema: ResourcePage } },
});

export const getResource = defineContract({
  operationId: 'exchange.resources.get',
  method: 'get',
  path: '/exchange/resources/{resourceId}',
  summary: 'One resource of the region',
  access: { public: true },
  request: { params: ResourceParams },
  responses: { 200: { description: 'The resource', schema: Resource } },
});

export const updateResource = defineContract({
  operationId: 'exchange.resources.update',
  method: 'patch',
  path: '/exchange/resources/{resourceId}',
  summary: 'Restock or withdraw a resource (its provider)',
  access: { permission: 'exchange.manage' },
  request: { params: ResourceParams, body: UpdateResourceBody },
  responses: { 200: { description: 'The resource', schema: Resource } },
});

export const createRedemption = defineContract({
  operationId: 'exchange.redemptions.create',
  method: 'post',
  path: '/exchange/resources/{resourceId}/redemptions',
  errors: [OutOfStock, ResourceWithdrawn, VouchersNotAccepted, InsufficientFunds, LedgerRefused],
  summary: 'Redeem one unit: holds its price on your points (or vouchers) until delivery',
  access: { authenticated: 'a signed-in person, paying from their own wallet' },
  request: { params: ResourceParams, body: RedeemBody },
  responses: { 201: { description: 'The redemption (held)', schema: Redemption } },
});

export const listResourceRedemptions = defineContract({
  operationId: 'exchange.resources.redemptions.list',
  method: 'get',
  path: '/exchange/resources/{resourceId}/redemptions',
  summary: "A resource's redemptions, newest first (its provider, to deliver them)",
  access: { permission: 'exchange.deliver' },
  request: { params: ResourceParams, query: RedemptionListQuery },
  responses: { 200: { description: 'A page of redemptions', schema: RedemptionPage } },
});

export const listMyRedemptions = defineContract({
  operationId: 'exchange.redemptions.list',
  method: 'get',
  path: '/exchange/redemptions',
  summary: 'Your own redemptions, oldest first',
  access: { authenticated: 'a signed-in person, for their own redemptions' },
  request: { query: RedemptionListQuery },
  responses: { 200: { description: 'A page of redemptions', schema: RedemptionPage } },
});

export const deliverRedemption = defineContract({
  operationId: 'exchange.redemptions.deliver',
  method: 'post',
  path: '/exchange/redemptions/{redemptionId}/deliver',
  errors: [RedemptionNotHeld, LedgerRefused],
  summary: 'Mark a redemption delivered: the held price goes to the provider',
  access: { permission: 'exchange.deliver' },
  request: { params: RedemptionParams },
  responses: { 200: { description: 'The redemption (delivered)', schema: Redemption } },
});

export const cancelRedemption = defineContract({
  operationId: 'exchange.redemptions.cancel',
  method: 'post',
  path: '/exchange/redemptions/{redemptionId}/cancel',
  errors: [RedemptionNotHeld, LedgerRefused],
  summary: 'Cancel a held redemption (the payer, a pool spender, or the provider): the hold is released',
  access: { authenticated: 'the person who redeemed, a managing member of the paying group, or the provider' },
  request: { params: RedemptionParams },
  responses: { 200: { description: 'The redemption (cancelled)', schema: Redemption } },
});
