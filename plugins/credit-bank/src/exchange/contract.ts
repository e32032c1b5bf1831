import { defineContract } from '@lifelong/core/contract';
import { InsufficientFunds, LedgerRefused } from '../shared/errors.js';
import { OutOfStock, ResourceWithdrawn, VouchersNotAccepted } from '../shared/exchange/errors.js';
import { RedemptionNotAwaitingApproval, RedemptionNotHeld } from './errors.js';
import {
  CreateResourceBody,
  PersonRedemptionParams,
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
  description:
    'Holders of `exchange.manage` for the offering institution (`institutionId`, which must be of this region: 400 ' +
    'otherwise) or, without `institutionId`, for the region offer a resource at a `price` in points with a `stock`. ' +
    'Send an `Idempotency-Key` so that a retry does not offer it twice.',
  access: { permission: 'exchange.manage' },
  request: { body: CreateResourceBody },
  responses: { 201: { description: 'The resource', schema: Resource } },
});

export const listResources = defineContract({
  operationId: 'exchange.resources.list',
  method: 'get',
  path: '/exchange/resources',
  summary: "The region's active resources, oldest first, optionally of one kind",
  description:
    "Open to anyone: the active resources of the request's region (withdrawn ones are left out), optionally of one " +
    '`?kind=`, a page at a time (`?limit=&cursor=`).',
  access: { public: true },
  request: { query: ResourceListQuery },
  responses: { 200: { description: 'A page of resources', schema: ResourcePage } },
});

export const getResource = defineContract({
  operationId: 'exchange.resources.get',
  method: 'get',
  path: '/exchange/resources/{resourceId}',
  summary: 'One resource of the region',
  description:
    'Open to anyone, withdrawn resources included (see `status`). A resource of another region is a 404, like an ' +
    'unknown one.',
  access: { public: true },
  request: { params: ResourceParams },
  responses: { 200: { description: 'The resource', schema: Resource } },
});

export const updateResource = defineContract({
  operationId: 'exchange.resources.update',
  method: 'patch',
  path: '/exchange/resources/{resourceId}',
  summary: 'Restock or withdraw a resource (its provider)',
  description:
    "For holders of `exchange.manage` for the resource's provider (its institution, or the region); others get 403. " +
    '`restock` adds units (negative takes them out; 400 if the stock would go below zero) and `status` withdraws or ' +
    'reactivates it: a withdrawn resource cannot be redeemed, but its held redemptions can still be delivered.',
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
  description:
    'A signed-in person (API keys get 403 `CREDIT_BANK_PEOPLE_ONLY`) redeems one unit, paying with `points` (the ' +
    'default) or, for learning resources only, `vouchers` (422 `CREDIT_BANK_VOUCHERS_NOT_ACCEPTED` otherwise). The ' +
    'price is held on their account until the provider delivers, someone cancels or the hold expires; 409 when the ' +
    "resource is out of stock or withdrawn, or the account holds too little. A minor redeeming above the region's " +
    '`exchange.minorSpendingApprovalAbove` gets a `pending-approval` redemption (price held, not deliverable) until ' +
    'a guardian approves or declines it. Send an `Idempotency-Key` so that a retry does not redeem twice.',

  access: { authenticated: 'a signed-in person, paying from their own wallet' },
  request: { params: ResourceParams, body: RedeemBody },
  responses: { 201: { description: 'The redemption (held)', schema: Redemption } },
});

export const listResourceRedemptions = defineContract({
  operationId: 'exchange.resources.redemptions.list',
  method: 'get',
  path: '/exchange/resources/{resourceId}/redemptions',
  summary: "A resource's redemptions, newest first (its provider, to deliver them)",
  description:
    "Holders of `exchange.deliver` for the resource's provider (its institution, or the region); others get 403. " +
    'Every redemption of the resource, paid by people and by group pools alike, newest first, optionally of one ' +
    '`?status=`, a page at a time (`?limit=&cursor=`: the cursor continues towards older ones).',
  access: { permission: 'exchange.deliver' },
  request: { params: ResourceParams, query: RedemptionListQuery },
  responses: { 200: { description: 'A page of redemptions', schema: RedemptionPage } },
});

export const listMyRedemptions = defineContract({
  operationId: 'exchange.redemptions.list',
  method: 'get',
  path: '/exchange/redemptions',
  summary: 'Your own redemptions, oldest first',
  description:
    "The signed-in person's own redemptions (not those paid by their groups' pools), optionally of one `?status=`, " +
    'a page at a time (`?limit=&cursor=`). API keys get 403 `CREDIT_BANK_PEOPLE_ONLY`.',
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
  description:
    "Holders of `exchange.deliver` for the resource's provider (its institution, or the region) post the hold: the " +
    "price moves to the provider's exchange account. A redemption of another region is a 404; one already " +
    'delivered, cancelled or expired is a 409 `CREDIT_BANK_REDEMPTION_NOT_HELD`.',
  access: { permission: 'exchange.deliver' },
  request: { params: RedemptionParams },
  responses: { 200: { description: 'The redemption (delivered)', schema: Redemption } },
});

export const cancelRedemption = defineContract({
  operationId: 'exchange.redemptions.cancel',
  method: 'post',
  path: '/exchange/redemptions/{redemptionId}/cancel',
  errors: [RedemptionNotHeld, LedgerRefused],
  summary:
    'Cancel a held redemption (the payer, their guardian, a pool spender, or the provider): the hold is released',
  description:
    'The person who paid, their guardian while they are a minor, for a pool spend any managing member of the ' +
    'paying group, or a holder of `exchange.deliver` for the provider voids the hold: the price goes back to the ' +
    'payer, the unit back to stock, and a pool spend request paid by it becomes `refunded`. A hold the ledger ' +
    'already voided or expired counts as released, so such a redemption can still be cancelled. A redemption of ' +
    'another region is a 404; one already delivered, cancelled, expired or declined is a 409 ' +
    '`CREDIT_BANK_REDEMPTION_NOT_HELD`.',
  access: {
    authenticated:
      'the person who redeemed, their guardian while a minor, a managing member of the paying group, or the provider',
  },
  request: { params: RedemptionParams },
  responses: { 200: { description: 'The redemption (cancelled)', schema: Redemption } },
});

export const listPersonRedemptions = defineContract({
  operationId: 'exchange.people.redemptions.list',
  method: 'get',
  path: '/exchange/people/{learnerNumber}/redemptions',
  summary: "A person's own redemptions, oldest first (the person, or their guardian while a minor)",
  description:
    'For the person and their guardian while they are a minor, e.g. `?status=pending-approval` for the ' +
    'redemptions waiting for a guardian. Anyone else, and everyone for an unknown learner number, gets the same ' +
    '403. A page at a time (`?limit=&cursor=`).',
  access: { authenticated: 'the person, or their guardian while they are a minor' },
  request: { params: PersonRedemptionParams, query: RedemptionListQuery },
  responses: { 200: { description: 'A page of redemptions', schema: RedemptionPage } },
});

const guardianDecision = (verb: 'approve' | 'decline') =>
  verb === 'approve'
    ? 'The redemption becomes `held`: the provider may deliver it.'
    : 'The hold is released (the price back to the minor, the unit back to stock); the redemption is `declined`.';

export const approveRedemption = defineContract({
  operationId: 'exchange.redemptions.approve',
  method: 'post',
  path: '/exchange/redemptions/{redemptionId}/approval',
  errors: [RedemptionNotAwaitingApproval],
  summary: "A guardian approves a minor's redemption waiting for approval",
  description:
    `A guardian of the minor who redeemed approves a \`pending-approval\` redemption. ${guardianDecision('approve')} ` +
    'Others get 403; a redemption of another region is a 404; one not waiting for approval is a 409 ' +
    '`CREDIT_BANK_REDEMPTION_NOT_AWAITING_APPROVAL`.',
  access: { authenticated: 'a guardian of the minor who redeemed' },
  request: { params: RedemptionParams },
  responses: { 200: { description: 'The redemption (held)', schema: Redemption } },
});

export const declineRedemption = defineContract({
  operationId: 'exchange.redemptions.decline',
  method: 'post',
  path: '/exchange/redemptions/{redemptionId}/decline',
  errors: [RedemptionNotAwaitingApproval, LedgerRefused],
  summary: "A guardian declines a minor's redemption waiting for approval",
  description:
    `A guardian of the minor who redeemed declines a \`pending-approval\` redemption. ${guardianDecision('decline')} ` +
    'Others get 403; a redemption of another region is a 404; one not waiting for approval is a 409 ' +
    '`CREDIT_BANK_REDEMPTION_NOT_AWAITING_APPROVAL`.',
  access: { authenticated: 'a guardian of the minor who redeemed' },
  request: { params: RedemptionParams },
  responses: { 200: { description: 'The redemption (declined)', schema: Redemption } },
});
