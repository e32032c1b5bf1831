import { defineContract } from '@lifelong/core/contract';
import {
  AlreadyOffered,
  EscrowFailed,
  InsufficientPoints,
  NeedClosed,
  NeedNotFound,
  OfferNotFound,
  PeopleOnly,
  Suspended,
} from '../errors.js';
import {
  CreateNeedBody,
  CreateOfferBody,
  Need,
  NeedListQuery,
  NeedPage,
  NeedParams,
  Offer,
  OfferListQuery,
  OfferPage,
  OfferParams,
} from './schemas.js';

const askerOnly = 'The need’s asker only; anyone else gets 404 `COMMUNITY_NEED_NOT_FOUND`, as for no need.';

export const createNeed = defineContract({
  operationId: 'needs.create',
  method: 'post',
  path: '/needs',
  summary: 'Publish a learning need with a bounty in points (escrowed from my wallet)',
  description:
    "The bounty is reserved from the asker's POINT wallet as a pending ledger transfer (`escrowTransferId`): 409 " +
    "`COMMUNITY_INSUFFICIENT_POINTS` when the wallet holds too little. Within the region's `minBountyPoints`–" +
    '`maxBountyPoints` (400 naming `/body/bountyPoints`). The need is open for the region’s `needDays`; then the ' +
    'bounty is refunded by the expiry job.',
  access: { authenticated: 'any signed-in person' },
  request: { body: CreateNeedBody },
  responses: { 201: { description: 'The need, `open`', schema: Need } },
  errors: [PeopleOnly, Suspended, InsufficientPoints, EscrowFailed],
});

export const listNeeds = defineContract({
  operationId: 'needs.list',
  method: 'get',
  path: '/needs',
  summary: "The region's learning needs, oldest first",
  description: 'Public: providers browse them.',
  access: { public: true },
  request: { query: NeedListQuery },
  responses: { 200: { description: 'A page of needs', schema: NeedPage } },
});

export const getNeed = defineContract({
  operationId: 'needs.get',
  method: 'get',
  path: '/needs/{needId}',
  summary: 'One learning need',
  description: 'Public. A need of another region is 404.',
  access: { public: true },
  request: { params: NeedParams },
  responses: { 200: { description: 'The need', schema: Need } },
  errors: [NeedNotFound],
});

export const createOffer = defineContract({
  operationId: 'needs.offers.create',
  method: 'post',
  path: '/needs/{needId}/offers',
  summary: 'Offer to meet a learning need',
  description:
    'Anyone signed in but the asker and those close to them (403 `CONFLICT_OF_INTEREST`), once per need (409 ' +
    '`COMMUNITY_ALREADY_OFFERED`), while it is open (409 `COMMUNITY_NEED_CLOSED`).',
  access: { authenticated: 'any signed-in person but the asker' },
  request: { params: NeedParams, body: CreateOfferBody },
  responses: { 201: { description: 'The offer', schema: Offer } },
  errors: [PeopleOnly, Suspended, NeedNotFound, NeedClosed, AlreadyOffered],
});

export const listOffers = defineContract({
  operationId: 'needs.offers.list',
  method: 'get',
  path: '/needs/{needId}/offers',
  summary: 'Offers on a need: all of them for the asker, one’s own for anyone else',
  description:
    'The asker sees every offer on their need, oldest first; any other signed-in person only their own offer ' +
    '(an empty page when they made none). API keys get 403 `COMMUNITY_PEOPLE_ONLY`; a need of another region is 404.',
  access: { authenticated: 'any signed-in person' },
  request: { params: NeedParams, query: OfferListQuery },
  responses: { 200: { description: 'A page of offers', schema: OfferPage } },
  errors: [PeopleOnly, NeedNotFound],
});

export const acceptOffer = defineContract({
  operationId: 'needs.offers.accept',
  method: 'post',
  path: '/needs/{needId}/offers/{offerId}/accept',
  summary: 'Accept an offer: the escrowed bounty is paid to its provider, once',
  description:
    `${askerOnly} Posts the pending escrow and pays it on to the provider's POINT wallet in one linked chain. ` +
    'Accepting the same offer again answers as the first time and pays nothing; another offer, or a need that is ' +
    'withdrawn, expired or past its deadline, is 409 `COMMUNITY_NEED_CLOSED`.',
  access: { authenticated: 'the need’s asker' },
  request: { params: OfferParams },
  responses: { 200: { description: 'The need, `accepted`', schema: Need } },
  errors: [PeopleOnly, NeedNotFound, OfferNotFound, NeedClosed, EscrowFailed],
});

export const withdrawNeed = defineContract({
  operationId: 'needs.withdraw',
  method: 'post',
  path: '/needs/{needId}/withdrawal',
  summary: 'Withdraw an open need: the bounty is refunded',
  description: `${askerOnly} Voids the escrow's pending transfer. Withdrawing twice changes nothing; an accepted or expired need is 409.`,
  access: { authenticated: 'the need’s asker' },
  request: { params: NeedParams },
  responses: { 200: { description: 'The need, `withdrawn`', schema: Need } },
  errors: [PeopleOnly, NeedNotFound, NeedClosed, EscrowFailed],
});
